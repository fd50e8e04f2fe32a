"""A query typed into the qabook search box, timed as a reader sees it: the one home of that
measurement (search_query.py, search_scale.py and bench.py use it).

The box is focused first (a reader's click: the results panel opens), then the query's steps
(`steps`: what the box holds after each key, or after an IME commits a Chinese run) are typed
`gap` ms apart; the time is from the last step's input event to the frame after its results are
written (no polling: a MutationObserver on the box's `data-qa-listed` and `data-qa-query`, so the
harness takes no CPU from what it measures). The results are on screen when the list is: the
engine may write the first page before the count of results (`data-qa-listed`, when the
expansions still on their way cannot change it); when the count followed is measured too
(`data-qa-query`: the whole answer).
"""

from __future__ import annotations

import re

#: Resolves to [ms since the last input event, files, seen, written, entries, counted]: files per kind of
#: file (t: term shards, x: expansion tables, v: word lists, z: zh.js, d: result texts): how many,
#: their decoded bytes, when the last arrived and when the first was asked for (ms since that
#: input event); whether the first result is on screen (hit-tested); when the results were
#: written; each file with when it was asked for, its first and last byte, size and protocol; when
#: the whole answer (the count included) was written.
TYPED = """async ([steps, gap]) => {
    const root = document.querySelector('[data-qa-search]'); const box = root.querySelector('input');
    const q = steps[steps.length - 1];
    box.focus();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
    for (const s of steps.slice(0, -1)) {
      box.value = s; box.dispatchEvent(new Event('input')); await new Promise(r => setTimeout(r, gap));
    }
    const wait = (ok, names) => ok() ? null : new Promise(done => {
      const seen = new MutationObserver(() => { if (ok()) { seen.disconnect(); done(); } });
      seen.observe(root, { attributes: true, attributeFilter: names }); });
    const t0 = performance.now(); box.value = q; box.dispatchEvent(new Event('input'));
    // the list is this query's: written early (data-qa-listed), or with the count (data-qa-query)
    await wait(() => root.dataset.qaListed === q || root.dataset.qaQuery === q, ['data-qa-listed', 'data-qa-query']);
    if (root.dataset.qaError) throw new Error(root.dataset.qaError);
    const written = performance.now() - t0;
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
    const shown = performance.now() - t0, files = {}, entries = [];
    // on screen: the first result is what a click at its title would hit (not covered, not
    // outside the viewport); a query without results has none to see
    const first = root.querySelector('.md-search-result__link');
    let seen = !first;
    if (first) {
      const box = first.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + Math.min(box.height / 2, 12));
      seen = box.width > 0 && box.height > 0 && first.contains(hit);
    }
    await wait(() => root.dataset.qaQuery === q, ['data-qa-query']);  // the count, if it follows
    if (root.dataset.qaError) throw new Error(root.dataset.qaError);
    const counted = performance.now() - t0;
    for (const e of performance.getEntriesByType('resource')) {
      if (e.startTime < t0 || !e.name.includes('/search/qabook/')) continue;
      const name = e.name.split('/').pop(), kind = name.charAt(0), f = files[kind] || (files[kind] = [0, 0, 0, 1e9]);
      f[0]++; f[1] += e.decodedBodySize; f[2] = Math.max(f[2], e.responseEnd - t0);
      f[3] = Math.min(f[3], e.startTime - t0);
      entries.push([name, e.startTime - t0, e.responseStart - t0, e.responseEnd - t0, e.decodedBodySize, e.nextHopProtocol]);
    }
    return [shown, files, seen, written, entries, counted]; }"""


def steps(query: str) -> list[str]:
    """What the box holds after each key: a Latin letter or a space at a time, a Chinese run at
    once (an IME commits it whole)."""
    out, at = [], 0
    for m in re.finditer(r"[\u3400-\u9fff]+|.", query):
        at = m.end()
        out.append(query[:at])
    return out


def typed(page, query: str, gap: int = 0) -> tuple[float, dict[str, list[float]]]:  # noqa: ANN001 - a Playwright page
    """(ms from the last input event to the results on screen, files per kind) for `query` typed
    into the page's search box: in one input event, or with `gap` key by key, `gap` ms apart.
    Raises when the first result is not on screen then (hit-tested at its title)."""
    return typed_timeline(page, query, gap)[:2]  # type: ignore[return-value]


def typed_timeline(page, query: str, gap: int = 0) -> tuple[float, dict[str, list[float]], float, list, float]:  # noqa: ANN001
    """typed()'s figures, when the results were written (ms), each file the query loaded:
    [name, asked, first byte, last byte (ms after the input event), decoded bytes, protocol],
    and when the whole answer, its count included, was written (ms; the list's time when they
    came together)."""
    ms, files, seen, written, entries, counted = page.evaluate(TYPED, [steps(query) if gap else [query], gap])
    if not seen:
        raise RuntimeError(f"{query!r}: results written, but the first is not on screen (hit-test)")
    return ms, files, written, sorted(entries, key=lambda e: e[1]), counted


def fresh_page(browser, url: str):  # noqa: ANN001, ANN201 - Playwright objects
    """A page of the site with the engine loaded by a first query (训练)."""
    page = browser.new_page(ignore_https_errors=True)
    for _ in range(3):  # (a script may fail to arrive from the test server under heavy load)
        page.goto(url + "c000/", wait_until="networkidle")
        if page.evaluate("!!window.qabookSearch"):
            break
    page.evaluate("qabookSearch.search('训练', 10, 0)")
    return page
