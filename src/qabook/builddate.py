"""The build's date: `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention),
else the clock. PDFs print it on the cover; the Anki deck stamps its notes with it."""

from __future__ import annotations

import datetime as dt
import os


def source_date_epoch() -> int | None:
    """`SOURCE_DATE_EPOCH` as seconds since 1970, or None when it is unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def build_date() -> dt.date:
    """The date a build is of (UTC when it comes from SOURCE_DATE_EPOCH)."""
    epoch = source_date_epoch()
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date() if epoch is not None else dt.date.today()
