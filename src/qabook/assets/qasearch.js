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
    var seen = {};
    return items.filter(function (x) { return seen.hasOwnProperty(x) ? false : (seen[x] = true); });
  }

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

  function search(query, limit) {
    var terms = unique(analyze(query));
    if (!terms.length) return Promise.resolve({ terms: [], total: 0, results: [] });
    return load("meta", "meta.js").then(function (meta) {
      var ids = terms.map(function (t) { return shardOf(t, meta.shards); });
      var wanted = unique(ids);
      return Promise.all(wanted.map(function (n) { return load("t" + n, "t" + n + ".js"); })).then(function (data) {
        var shards = {};
        wanted.forEach(function (n, i) { shards[n] = data[i]; });
        var acc = {}, hits = {};
        terms.forEach(function (t, i) {
          var list = shards[ids[i]][t];
          if (!list) return;
          var df = list.length / 2;
          var idf = Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5));
          var doc = 0;
          for (var j = 0; j < list.length; j += 2) {
            doc += list[j];
            acc[doc] = (acc[doc] || 0) + idf * list[j + 1] / 10;
            hits[doc] = (hits[doc] || 0) + 1;
          }
        });
        var ranked = [];
        Object.keys(acc).forEach(function (d) {
          var share = hits[d] / terms.length;
          if (share >= MIN_SHARE) ranked.push({ doc: +d, score: acc[d] * share * share });
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var top = ranked.slice(0, limit || 10);
        var chunkIds = unique(top.map(function (r) { return Math.floor(r.doc / meta.chunkDocs); }));
        return Promise.all(chunkIds.map(function (c) { return load("d" + c, "d" + c + ".js"); })).then(function (rows) {
          var chunks = {};
          chunkIds.forEach(function (c, i) { chunks[c] = rows[i]; });
          top.forEach(function (r) {
            var row = chunks[Math.floor(r.doc / meta.chunkDocs)][r.doc % meta.chunkDocs];
            r.url = row[0]; r.title = row[1]; r.chapter = row[2]; r.snippet = row[3];
          });
          return { terms: terms, total: ranked.length, results: top };
        });
      });
    });
  }

  window.qabookSearch = {
    meta: function (m) { pending.meta.resolve(m); },
    shard: function (n, data) { pending["t" + n].resolve(data); },
    chunk: function (n, rows) { pending["d" + n].resolve(rows); },
    analyze: analyze,
    shardOf: shardOf,
    search: search,
    base: base
  };

  /* ---- the search box (Material's look, our engine) ---- */
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlighter(query) {
    var pieces = (String(query).normalize("NFKC").toLowerCase().match(TOKEN) || [])
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!pieces.length) return escapeHtml;
    var re = new RegExp("(" + pieces.join("|") + ")", "gi");
    return function (text) {
      return String(text).split(re).map(function (part, i) {
        return i % 2 ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
      }).join("");
    };
  }

  function render(r, mark) {
    return '<li class="md-search-result__item"><a href="' + escapeHtml(base + r.url) +
      '" class="md-search-result__link" tabindex="-1"><article class="md-search-result__article md-typeset">' +
      "<h1>" + mark(r.title) + "</h1>" +
      (r.chapter ? '<p class="qa-search-chapter">' + escapeHtml(r.chapter) + "</p>" : "") +
      "<p>" + mark(r.snippet) + "</p></article></a></li>";
  }

  function setup() {
    var root = document.querySelector("[data-qa-search]");
    if (!root || root.dataset.qaReady) return;
    root.dataset.qaReady = "1";
    var input = root.querySelector("input");
    var list = root.querySelector(".md-search-result__list");
    var status = root.querySelector(".md-search-result__meta");
    var toggle = document.getElementById("__search");
    var seq = 0, timer = null;

    function run() {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) { status.textContent = "输入关键词开始搜索"; list.innerHTML = ""; return; }
      search(q, 10).then(function (res) {
        if (mine !== seq) return;
        var mark = highlighter(q);
        status.textContent = res.total ? "找到 " + res.total + " 个结果" : "没有找到结果";
        list.innerHTML = res.results.map(function (r) { return render(r, mark); }).join("");
        delete root.dataset.qaError;
        root.dataset.qaQuery = q;  // for tests: the query these results answer
      }).catch(function (err) {
        if (mine !== seq) return;
        status.textContent = "搜索暂不可用：" + err.message;
        root.dataset.qaError = err.message;
        root.dataset.qaQuery = q;
      });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    root.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
    list.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a") && toggle) toggle.checked = false;
    });
    if (toggle) toggle.addEventListener("change", function () {
      if (toggle.checked) setTimeout(function () { input.focus(); }, 30);
    });
    document.addEventListener("keydown", function (e) {
      var typing = e.target && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "S") && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        if (toggle) toggle.checked = true;
        input.focus();
      } else if (e.key === "Escape" && toggle && toggle.checked) {
        toggle.checked = false;
        input.blur();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
})();
