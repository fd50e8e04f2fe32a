/* qabook search, in the browser. Mirrors src/qabook/search/analyze.py exactly (bigrams for
   Chinese, lowercase words with plural -s removed, NFKC) and loads only the index shards its
   terms hash to, as <script> files: works on a web server and from file:// alike. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/assets\/qabook\/qasearch\.js(?:[?#].*)?$/, "");
  var dir = base + "search/qabook/";
  var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  var pending = {};
  var MIN_SHARE = 0.5;  // a result must hold at least half of the query's terms

  function stem(w) {
    return w.length > 3 && w.charAt(w.length - 1) === "s" && w.slice(-2) !== "ss" ? w.slice(0, -1) : w;
  }

  function analyze(text) {
    var s = String(text).normalize("NFKC").toLowerCase();
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(s))) {
      var t = m[0];
      if (/^[a-z0-9]/.test(t)) out.push(stem(t));
      else if (t.length === 1) out.push(t);
      else for (var i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
    }
    return out;
  }

  function shardOf(term, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      h = (h ^ term.charCodeAt(i)) >>> 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function unique(items) {
    var seen = new Set();
    return items.filter(function (x) { return seen.has(x) ? false : (seen.add(x), true); });
  }

  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  function load(key, file) {
    if (pending[key]) return pending[key].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
    pending[key] = entry;
    var tag = document.createElement("script");
    tag.src = dir + file;
    tag.async = true;
    tag.onerror = function () { delete pending[key]; entry.reject(new Error("cannot load " + file)); };
    document.head.appendChild(tag);
    return entry.promise;
  }

  /* Rank every document holding at least half of the query's terms; fill in results
     offset … offset+limit (url, title, chapter, text) from the chunks that hold them. */
  function search(query, limit, offset) {
    var terms = unique(analyze(query));
    offset = offset || 0;
    if (!terms.length) return Promise.resolve({ terms: [], total: 0, results: [] });
    return load("meta", "meta.js").then(function (meta) {
      var ids = terms.map(function (t) { return shardOf(t, meta.shards); });
      var wanted = unique(ids);
      return Promise.all(wanted.map(function (n) { return load("t" + n, "t" + n + ".js"); })).then(function (data) {
        var shards = new Map();
        wanted.forEach(function (n, i) { shards.set(n, data[i]); });
        var acc = new Map(), hits = new Map();
        terms.forEach(function (t, i) {
          var shard = shards.get(ids[i]);
          var list = shard && own(shard, t) ? shard[t] : null;
          if (!Array.isArray(list)) return;
          var df = list.length / 2;
          var idf = Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5));
          var doc = 0;
          for (var j = 0; j < list.length; j += 2) {
            doc += list[j];
            acc.set(doc, (acc.get(doc) || 0) + idf * list[j + 1] / 10);
            hits.set(doc, (hits.get(doc) || 0) + 1);
          }
        });
        var ranked = [];
        acc.forEach(function (score, d) {
          var share = hits.get(d) / terms.length;
          if (share >= MIN_SHARE) ranked.push({ doc: d, score: score * share * share });
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var top = ranked.slice(offset, offset + (limit || 10));
        var chunkIds = unique(top.map(function (r) { return Math.floor(r.doc / meta.chunkDocs); }));
        return Promise.all(chunkIds.map(function (c) { return load("d" + c, "d" + c + ".js"); })).then(function (rows) {
          var chunks = new Map();
          chunkIds.forEach(function (c, i) { chunks.set(c, rows[i]); });
          top.forEach(function (r) {
            var row = chunks.get(Math.floor(r.doc / meta.chunkDocs))[r.doc % meta.chunkDocs];
            r.url = row[0]; r.title = row[1]; r.chapter = row[2]; r.text = row[3];
          });
          return { terms: terms, total: ranked.length, results: top };
        });
      });
    });
  }

  /* What to look for in a text: the query's words and Chinese runs, longest first, then the
     bigrams of each Chinese run (a partial match still shows). Lowercase, NFKC. */
  function pieces(query) {
    var tokens = String(query).normalize("NFKC").toLowerCase().match(TOKEN) || [];
    var out = tokens.slice();
    tokens.forEach(function (t) {
      if (!/^[a-z0-9]/.test(t)) for (var i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
    });
    return unique(out).sort(function (a, b) { return b.length - a.length; });
  }

  var SNIPPET = 110, BEFORE = 28;
  var WORD = /[A-Za-z0-9_]/;
  var BREAK = /[\s，。；：、！？,.;:!?（）()「」]/;

  /* The passage of `text` around its best match: the window that holds most of the query,
     cut at character (and word) boundaries, "…" where it was cut. */
  function snippet(text, query) {
    var chars = Array.from(String(text || ""));
    var flat = chars.map(function (c) {
      var l = c.toLowerCase();
      return Array.from(l).length === 1 ? l : c;  // one code point for one: indexes stay aligned
    }).join("");
    var ps = pieces(query);
    var hits = [];  // [code point index, piece]
    ps.forEach(function (p) {
      var from = 0, at;
      var plen = Array.from(p).length;
      while ((at = flat.indexOf(p, from)) !== -1) {
        hits.push([Array.from(flat.slice(0, at)).length, p, plen]);
        from = at + p.length;
        if (hits.length > 400) break;
      }
    });
    var best = 0, bestScore = -1;
    hits.forEach(function (h) {
      var start = Math.max(0, h[0] - BEFORE), seen = new Set(), score = 0;
      hits.forEach(function (o) {
        if (o[0] >= start && o[0] + o[2] <= start + SNIPPET && !seen.has(o[1])) { seen.add(o[1]); score += o[2]; }
      });
      if (score > bestScore) { bestScore = score; best = start; }
    });
    var start = best;
    if (best > 0) for (var k = best; k < best + BEFORE && k < chars.length; k++) {  // begin at a clause if one starts nearby
      if (BREAK.test(chars[k])) { start = k + 1; break; }
    }
    if (hits.length && start > hits.filter(function (h) { return h[0] >= best; }).reduce(function (m, h) {
      return Math.min(m, h[0]); }, Infinity)) start = best;
    var end = Math.min(chars.length, start + SNIPPET);
    if (end - start < SNIPPET) start = Math.max(0, end - SNIPPET);
    while (start > 0 && start < end && WORD.test(chars[start - 1]) && WORD.test(chars[start])) start++;
    while (end < chars.length && end > start && WORD.test(chars[end - 1]) && WORD.test(chars[end])) end--;
    var out = chars.slice(start, end).join("").trim();
    return (start > 0 ? "…" : "") + out + (end < chars.length ? "…" : "");
  }

  window.qabookSearch = {
    meta: function (m) { pending.meta.resolve(m); },
    shard: function (n, data) { pending["t" + n].resolve(data); },
    chunk: function (n, rows) { pending["d" + n].resolve(rows); },
    analyze: analyze,
    shardOf: shardOf,
    search: search,
    snippet: snippet,
    base: base
  };

  /* ---- the search box (Material's look, our engine) ---- */
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlighter(query) {
    var ps = pieces(query).map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!ps.length) return escapeHtml;
    var re = new RegExp("(" + ps.join("|") + ")", "gi");
    return function (text) {
      return String(text).split(re).map(function (part, i) {
        return i % 2 ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
      }).join("");
    };
  }

  var LANDING = "qabook.landing";

  function setup() {
    var root = document.querySelector("[data-qa-search]");
    land();
    if (!root || root.dataset.qaReady) return;
    root.dataset.qaReady = "1";
    var input = root.querySelector("input");
    var list = root.querySelector(".md-search-result__list");
    var status = root.querySelector(".md-search-result__meta");
    var more = root.querySelector(".qa-search-more");
    var scrollwrap = root.querySelector(".md-search__scrollwrap");
    var toggle = document.getElementById("__search");
    var strings = {};
    try { strings = JSON.parse(root.dataset.qaStrings || "{}"); } catch (e) { strings = {}; }
    var seq = 0, timer = null, composing = false, shown = 0, total = 0, query = "", sel = -1;

    function t(key, values) {
      var text = own(strings, key) ? strings[key] : key;
      return text.replace(/\{(\w+)\}/g, function (m, k) { return values && own(values, k) ? values[k] : m; });
    }

    function open() {
      if (toggle && !toggle.checked) toggle.checked = true;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      if (toggle) toggle.checked = false;
      input.setAttribute("aria-expanded", "false");
      input.blur();
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function select(i) {
      var all = links();
      if (!all.length) { sel = -1; input.removeAttribute("aria-activedescendant"); return; }
      sel = Math.max(0, Math.min(all.length - 1, i));
      all.forEach(function (a, j) {
        a.classList.toggle("qa-selected", j === sel);
        a.setAttribute("aria-selected", j === sel ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[sel].id);
      all[sel].scrollIntoView({ block: "nearest" });
      if (document.activeElement && list.contains(document.activeElement)) all[sel].focus();
    }

    function render(r, i, mark) {
      return '<li class="md-search-result__item" role="presentation"><a href="' + escapeHtml(base + r.url) +
        '" id="qa-result-' + i + '" role="option" aria-selected="false" class="md-search-result__link">' +
        '<article class="md-search-result__article md-typeset">' +
        "<h1>" + mark(r.title) + "</h1>" +
        (r.chapter ? '<p class="qa-search-chapter">' + escapeHtml(r.chapter) + "</p>" : "") +
        "<p>" + mark(snippet(r.text, query)) + "</p></article></a></li>";
    }

    function show(res, append) {
      var mark = highlighter(query);
      var html = res.results.map(function (r, i) { return render(r, shown + i, mark); }).join("");
      if (append) list.insertAdjacentHTML("beforeend", html); else list.innerHTML = html;
      shown += res.results.length;
      total = res.total;
      status.textContent = total ? t("search.found", { n: total }) : t("search.none");
      more.hidden = shown >= total;
      delete root.dataset.qaError;
      root.dataset.qaQuery = query;  // for tests: the query these results answer
      root.dataset.qaShown = String(shown);
    }

    function fail(err) {
      status.textContent = t("search.unavailable", { error: err.message });
      root.dataset.qaError = err.message;
      root.dataset.qaQuery = query;
    }

    function run() {
      if (composing) return;
      var q = input.value.trim();
      var mine = ++seq;
      query = q; shown = 0; sel = -1;
      input.removeAttribute("aria-activedescendant");
      if (!q) { status.textContent = t("search.prompt"); list.innerHTML = ""; more.hidden = true; return; }
      open();
      search(q, 10, 0).then(function (res) { if (mine === seq) show(res, false); })
        .catch(function (err) { if (mine === seq) fail(err); });
    }

    function showMore() {
      var mine = seq;
      search(query, 10, shown).then(function (res) {
        if (mine !== seq) return;
        var first = shown;
        show(res, true);
        var all = links();
        if (all[first]) all[first].focus();
      }).catch(function (err) { if (mine === seq) fail(err); });
    }

    function remember(href) {
      try { sessionStorage.setItem(LANDING, JSON.stringify({ href: href, q: query })); } catch (e) { /* private mode */ }
    }

    function follow(a) {
      remember(a.href);
      close();
      window.location.href = a.href;
    }

    input.addEventListener("focus", open);
    input.addEventListener("compositionstart", function () { composing = true; clearTimeout(timer); });
    input.addEventListener("compositionend", function () {
      composing = false; clearTimeout(timer); timer = setTimeout(run, 60);
    });
    input.addEventListener("input", function (e) {
      if (composing || e.isComposing) return;
      clearTimeout(timer); timer = setTimeout(run, 60);
    });
    root.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      var all = links();
      var a = all[sel >= 0 ? sel : 0];
      if (a) follow(a);
    });
    root.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { run(); input.focus(); }, 0);
    });
    more.addEventListener("click", showMore);
    list.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a");
      if (a) { remember(a.href); if (toggle) toggle.checked = false; }
    });
    root.addEventListener("keydown", function (e) {
      if (composing || e.isComposing) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!links().length) return;
        e.preventDefault();
        select(sel < 0 ? (e.key === "ArrowDown" ? 0 : links().length - 1) : sel + (e.key === "ArrowDown" ? 1 : -1));
      }
    });
    if (toggle) toggle.addEventListener("change", function () {
      if (toggle.checked) setTimeout(function () { input.focus(); }, 30);
      else input.setAttribute("aria-expanded", "false");
    });
    if (scrollwrap) scrollwrap.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.tagName === "A") { e.preventDefault(); follow(e.target); }
    });
    document.addEventListener("keydown", function (e) {
      var typing = e.target && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "S") && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        open();
        input.focus();
      } else if (e.key === "Escape" && ((toggle && toggle.checked) || root.contains(e.target))) {
        close();
      }
    });
  }

  /* Arriving from a result (#qN): mark the question briefly, open the answer or explanation
     that holds the match. */
  function land() {
    var hash = window.location.hash;
    if (!/^#q\d+$/.test(hash)) return;
    var question = document.getElementById(hash.slice(1));
    if (!question) return;
    question.classList.remove("qa-landed");
    void question.offsetWidth;  // restart the highlight
    question.classList.add("qa-landed");
    setTimeout(function () { question.classList.remove("qa-landed"); }, 2600);
    var note = null;
    try {
      note = JSON.parse(sessionStorage.getItem(LANDING) || "null");
      sessionStorage.removeItem(LANDING);
    } catch (e) { note = null; }
    if (!note || note.href !== window.location.href || !note.q) return;
    if (window.QABOOK_STUDY) return;  // study mode: mark the question only, reveal nothing (the learner does)
    var ps = pieces(note.q);
    var blocks = [];
    for (var el = question.nextElementSibling; el && !el.matches(".admonition.question"); el = el.nextElementSibling) {
      if (el.tagName === "DETAILS") blocks.push(el);
    }
    var text = function (el) { return el.textContent.normalize("NFKC").toLowerCase(); };
    for (var i = 0; i < ps.length; i++) {
      if (text(question).indexOf(ps[i]) !== -1) return;  // the question itself holds it
      for (var j = 0; j < blocks.length; j++) {
        if (text(blocks[j]).indexOf(ps[i]) !== -1) { blocks[j].open = true; return; }
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  window.addEventListener("hashchange", land);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
})();
