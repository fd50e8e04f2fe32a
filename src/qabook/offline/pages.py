"""The offline page and the "make the whole book available offline" panel (raw HTML the
browser script `assets/offline.js` brings to life; hidden where no service worker can run)."""

from __future__ import annotations

import json
from html import escape

from qabook.i18n import t

OFFLINE_PAGE = "offline.md"  # → offline/index.html (or offline.html without directory URLs)


def offline_panel_html(language: str | None) -> str:
    """Status, the whole-book button (its size is filled in by offline.js) and a progress line;
    interface text, never indexed by search (`data-search-exclude`)."""
    return (f'<section class="qa-offline" data-qa-offline data-search-exclude aria-label="{escape(t(language, "offline.title"))}">'
            f'<p class="qa-offline-status" role="status">{escape(t(language, "offline.preparing"))}</p>'
            f'<p class="qa-offline-actions"><button type="button" class="md-button qa-offline-all" disabled>'
            f'{escape(t(language, "offline.make_all"))}</button></p></section>')


def offline_page_markdown(language: str | None) -> str:
    """The page a reader sees for a page this device has not saved, with no network: what is
    saved (offline.js lists it), and the panel."""
    title = t(language, "offline.title")
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n# {escape(title)}\n\n"
            f'<div class="qa-offline-page" markdown="0">'
            f'<p class="qa-offline-missing" hidden>{escape(t(language, "offline.missing"))} '
            f'<a class="qa-offline-retry" href="">{escape(t(language, "offline.retry"))}</a></p>'
            f'<p class="qa-offline-intro">{escape(t(language, "offline.intro"))}</p>'
            f"{offline_panel_html(language)}"
            f'<h2>{escape(t(language, "offline.saved_pages"))}</h2>'
            f'<ul class="qa-offline-pages" data-empty="{escape(t(language, "offline.none_saved"))}"></ul>'
            f'<noscript><p>{escape(t(language, "offline.needs_js"))}</p></noscript></div>\n')
