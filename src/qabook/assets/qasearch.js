/* qabook search, in the browser. Mirrors src/qabook/search/analyze.py exactly (bigrams for
   Chinese, lowercase words with plural -s removed, NFKC, traditional characters folded to
   simplified once zh.js is loaded) and loads only the index shards its terms hash to, as
   <script> files: works on a web server and from file:// alike.

   A query is a list of units (a Latin word, a Chinese character; question words and fillers
   weigh nothing) and of alternatives that cover units: the query's own terms (exact), then,
   from the build's tables (qabook.search.expand), a mistyped word's neighbours, the book's
   words for typed pinyin or initials, for a homophone slip, and the other language's term.
   Documents rank by the share of the query they cover, then by the share they cover exactly,
   then by score: every match first, exact matches before expansions, then partial matches. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/assets\/qabook\/qasearch\.js(?:[?#].*)?$/, "");
  var dir = base + "search/qabook/";
  var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  var pending = {};
  var T2S = null, PINYIN = null;  // from zh.js, when a Chinese query first misses
  var EXPANSION = 0.5;  // an expansion's terms score at half an exact term's
  var MAX_EDITS = function (n) { return n >= 8 ? 2 : n >= 4 ? 1 : 0; };

  function stem(w) {
    return w.length > 3 && w.charAt(w.length - 1) === "s" && w.slice(-2) !== "ss" ? w.slice(0, -1) : w;
  }

  function fold(s) {
    if (!T2S) return s;
    var out = "";
    for (var i = 0; i < s.length; i++) { var c = s.charAt(i); out += T2S.has(c) ? T2S.get(c) : c; }
    return out;
  }

  function normalize(text) { return fold(String(text).normalize("NFKC").toLowerCase()); }

  function isLatin(t) { return /^[a-z0-9]/.test(t); }

  function analyze(text) {
    var s = normalize(text);
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(s))) {
      var t = m[0];
      if (isLatin(t)) out.push(stem(t));
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

  /* A file of the index, once: `qabookSearch.<kind>(…JSON…);`, whose call resolves the file's
     promise (window.qabookSearch below). Over http(s) it is fetched and its arguments read with
     JSON.parse (no <script> element, no script to compile: at 100,000 documents a query's files
     are half a megabyte); from file://, where fetch() cannot read files, and for a file that is
     not that shape or a fetch the page may not make (a stricter Content-Security-Policy), it is
     loaded as a <script>. */
  var FETCH = /^https?:$/.test(window.location.protocol || "") && typeof window.fetch === "function";
  var CALL = /^qabookSearch\.(meta|shard|chunk|xshard|vocab|zh)\(/;
  function load(key, file) {
    if (pending[key]) return pending[key].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
    pending[key] = entry;
    var failed = function () { delete pending[key]; entry.reject(new Error("cannot load " + file)); };
    var asScript = function () {
      var tag = document.createElement("script");
      tag.src = dir + file;
      tag.async = true;
      tag.onerror = failed;
      document.head.appendChild(tag);
    };
    if (!FETCH) { asScript(); return entry.promise; }
    window.fetch(dir + file, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { failed(); return; }
      return r.text().then(function (text) {
        var call = CALL.exec(text), end = text.lastIndexOf(")"), args = null;
        if (call && end > call[0].length) {
          try { args = JSON.parse("[" + text.slice(call[0].length, end) + "]"); } catch (e) { args = null; }
        }
        if (args) window.qabookSearch[call[1]].apply(null, args); else asScript();
      });
    }, asScript).catch(failed);  // (the body cut off)
    return entry.promise;
  }

  function loadMeta() {
    return load("meta", "meta.js").then(function (meta) {
      if (!meta.fillerSet) {
        meta.fillerSet = new Set(meta.fillers.en);
        meta.fillersZh = meta.fillers.zh.slice().sort(function (a, b) { return b.length - a.length; });
        meta.syllableSet = new Set(meta.syllables.split(" "));
      }
      return meta;
    });
  }

  function loadZh() {
    return load("zh", "zh.js").then(function (data) {
      if (!T2S) {
        var t2s = new Map(), py = new Map();
        var pairs = Array.from(data.t2s);
        for (var i = 0; i + 1 < pairs.length; i += 2) t2s.set(pairs[i], pairs[i + 1]);
        Object.keys(data.pinyin).forEach(function (syl) {
          Array.from(data.pinyin[syl]).forEach(function (c) { if (!py.has(c)) py.set(c, syl); });
        });
        T2S = t2s; PINYIN = py;
      }
      return data;
    });
  }

  /* A posting list's text → its numbers (qabook.search.index.encode_numbers): printable ASCII
     from "#" without "\\", 91 symbols; symbols 46–90 are higher digits (base 45), 0–45 a
     number's last digit (base 46). */
  function decode(text) {
    var out = new Int32Array(text.length), n = 0, acc = 0;  // at most one number a character
    for (var i = 0; i < text.length; i++) {
      var d = text.charCodeAt(i) - 35;
      if (d > 57) d--;  // (the backslash, 92, is no symbol)
      if (d >= 46) acc = acc * 45 + d - 46;
      else { out[n++] = acc * 46 + d; acc = 0; }
    }
    return out.subarray(0, n);
  }

  /* The posting lists read for this query's rankings and for the query before (term → its text
     and numbers): a reader typing on asks for most of the same lists again (a word, then the
     word and another), and at 100,000 documents reading a common bigram's list is a pass over
     hundreds of thousands of characters. rank() moves them along, so that two queries' lists at
     most are kept. */
  var read = { now: new Map(), before: new Map() };
  function nextQuery() { read.before = read.now; read.now = new Map(); }
  function decoded(t, text) {
    var got = read.now.get(t) || read.before.get(t);
    if (!got || got.text !== text) got = { text: text, list: decode(text) };
    read.now.set(t, got);
    return got.list;
  }

  /* term → its posting list (or null), loading the shards the terms hash to */
  function postings(meta, terms, known) {
    var wanted = terms.filter(function (t) { return !known.has(t); });
    var ids = wanted.map(function (t) { return shardOf(t, meta.shards); });
    var files = unique(ids);
    return Promise.all(files.map(function (n) { return load("t" + n, "t" + n + ".js"); })).then(function (data) {
      var shards = new Map();
      files.forEach(function (n, i) { shards.set(n, data[i]); });
      wanted.forEach(function (t, i) {
        var shard = shards.get(ids[i]);
        var list = shard && own(shard, t) ? shard[t] : null;
        known.set(t, typeof list === "string" ? decoded(t, list) : null);
      });
      return known;
    });
  }

  /* key → targets, from the expansion shards their heads hash to (qabook.search.expand.head) */
  function xhead(key) {
    if (key.charAt(0) === "^") return key.slice(0, 3);
    if (isLatin(key)) return key.split(" ")[0];
    return key.slice(0, 2);
  }

  function lookup(meta, keys) {
    var ids = keys.map(function (k) { return shardOf(xhead(k), meta.xshards); });
    var files = unique(ids);
    return Promise.all(files.map(function (n) { return load("x" + n, "x" + n + ".js"); })).then(function (data) {
      var shards = new Map(), out = new Map();
      files.forEach(function (n, i) { shards.set(n, data[i]); });
      keys.forEach(function (k, i) {
        var shard = shards.get(ids[i]);
        if (shard && own(shard, k) && Array.isArray(shard[k])) out.set(k, shard[k]);
      });
      return out;
    });
  }

  function loadVocab(meta, letter) {
    if (meta.vocab.indexOf(letter) === -1) return Promise.resolve(null);
    return load("v" + letter, "v" + letter.charCodeAt(0) + ".js");
  }

  /* The words of n letters in a letter's word list: the book's own ("n", the most frequent
     first), then those only a pair's key holds ("kn": they lead into the book, but are not in it). */
  function vocabWords(vocab, n, keys) {
    var out = own(vocab, String(n)) ? vocab[String(n)].split(" ") : [];
    return keys === false || !own(vocab, "k" + n) ? out : out.concat(vocab["k" + n].split(" "));
  }

  /* Optimal string alignment distance, or limit + 1 once it is certainly larger. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1;
        var v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a.charAt(i - 1) === b.charAt(k - 2) && a.charAt(i - 2) === b.charAt(k - 1)) {
          v = Math.min(v, prev2[k - 2] + 1);
        }
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /* Toneless syllables of a Latin word ("shengmingzhouqi" → sheng ming zhou qi), or null:
     longest syllable first, backtracking. */
  function syllables(meta, word) {
    var memo = new Map();
    function from(i) {
      if (i === word.length) return [];
      if (memo.has(i)) return memo.get(i);
      var res = null;
      for (var n = Math.min(6, word.length - i); n >= 1 && !res; n--) {
        var s = word.slice(i, i + n);
        if (meta.syllableSet.has(s)) {
          var rest = from(i + n);
          if (rest) res = [s].concat(rest);
        }
      }
      memo.set(i, res);
      return res;
    }
    return /^[a-z]+$/.test(word) ? from(0) : null;
  }

  /* The query as units and its own terms (exact alternatives). */
  function plan(meta, query) {
    var units = [], alts = [], tokens = [];
    var s = normalize(query);
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(s))) {
      var t = m[0];
      if (isLatin(t)) {
        var word = stem(t);
        var u = units.push({ w: meta.fillerSet.has(t) || meta.fillerSet.has(word) ? 0 : 1 }) - 1;
        tokens.push({ latin: true, text: t, word: word, unit: u });
        alts.push({ units: [u], terms: [word], exact: true, factor: 1 });
      } else {
        var filler = new Array(t.length).fill(false);
        meta.fillersZh.forEach(function (f) {
          for (var at = t.indexOf(f); at !== -1; at = t.indexOf(f, at + 1)) {
            for (var k = at; k < at + f.length; k++) filler[k] = true;
          }
        });
        var first = units.length;
        for (var c = 0; c < t.length; c++) units.push({ w: filler[c] ? 0 : 0.5 });
        tokens.push({ latin: false, text: t, unit: first });
        if (t.length === 1) alts.push({ units: [first], terms: [t], exact: true, factor: 1 });
        for (var i = 0; i + 1 < t.length; i++) {
          alts.push({ units: [first + i, first + i + 1], terms: [t.slice(i, i + 2)], exact: true, factor: 1 });
        }
      }
    }
    return { units: units, alts: alts, tokens: tokens };
  }

  function found(post, term) { var list = post.get(term); return !!(list && list.length); }

  /* Words the book does not have: their closest words in it, a word they are derived from
     (leakage → leak), or the book's Chinese words for them read as pinyin or as pinyin initials.
     Adds alternatives; a pinyin word's syllables or letters get units of their own under the
     word's unit (`parent`), so that the word counts as covered by its English reading or by all
     of its pinyin parts, whichever covers more. */
  function latinExpansions(meta, p, post) {
    var work = [];
    // other forms: the book's words that are the query word with another ending (smaller ~ small)
    p.tokens.forEach(function (t) {
      if (!t.latin || p.units[t.unit].w === 0 || !/^[a-z]{4,}$/.test(t.text)) return;
      work.push(loadVocab(meta, t.text.charAt(0)).then(function (vocab) {
        if (!vocab) return;
        var root = inflectionRoot(t.text);
        for (var n = root.length; n <= root.length + 4; n++) {
          vocabWords(vocab, n).forEach(function (w) {
            if (w !== t.text && stem(w) !== t.word && inflectionRoot(w) === root) {
              p.alts.push({ units: [t.unit], terms: [stem(w)], exact: false, factor: 0.8, mark: w });
              addForm(t, stem(w));
            }
          });
        }
      }).catch(function () { /* no words of that letter */ }));
    });
    var missing = p.tokens.filter(function (t) {
      return t.latin && p.units[t.unit].w > 0 && !found(post, t.word) && /^[a-z]/.test(t.text);
    });
    if (!missing.length) return Promise.all(work);
    // typos: the book's words within one edit (4–7 letters) or two (8 or more); a key's words
    // (not the book's: a dictionary's many senses, so many near neighbours) within one, for a
    // word of 6 letters or more (privcy → privacy, but not proto → photo); a word derived from
    // one of them by a suffix (leakage → leak, protection → protect)
    missing.forEach(function (t) {
      var limit = MAX_EDITS(t.text.length);
      if (!limit) return;
      work.push(loadVocab(meta, t.text.charAt(0)).then(function (vocab) {
        if (!vocab) return;
        var near = [];
        for (var n = t.text.length - limit; n <= t.text.length + limit; n++) {
          var book = vocabWords(vocab, n, false).length;
          vocabWords(vocab, n).forEach(function (w, rank) {
            var most = rank < book ? limit : t.text.length >= 6 ? 1 : 0, d = distance(t.text, w, most);
            if (d <= most && w !== t.text) near.push({ w: w, d: d, rank: rank });
          });
        }
        near.sort(function (a, b) { return a.d - b.d || a.rank - b.rank; });
        t.corrected = near.length ? near[0].w : null;
        near.slice(0, 3).forEach(function (c) {
          p.alts.push({ units: [t.unit], terms: [stem(c.w)], exact: false, factor: c.d === 1 ? 0.7 : 0.5, mark: c.w });
        });
        derivedFrom(t.text).forEach(function (w) {
          if (vocabWords(vocab, w.length).indexOf(w) !== -1) {
            p.alts.push({ units: [t.unit], terms: [stem(w)], exact: false, factor: 0.6, mark: w });
            addForm(t, stem(w));
          }
        });
      }).catch(function () { /* no words of that letter */ }));
    });
    // pinyin: once the English readings are known (pinyinReadings: runs of missing words that
    // read as syllables, a missing word with no English neighbour as initials)
    return Promise.all(work).then(function () {
      var py = pinyinReadings(meta, p, function (t) { return missing.indexOf(t) !== -1; });
      if (!py.keys.length) return null;
      return lookup(meta, unique(py.keys)).then(function (table) {
        py.runs.forEach(function (r) { coverPinyin(p, table, r.syl, syllableUnits(p, r), null, 0.8); });
        py.initials.forEach(function (t) {
          var letters = t.text, spans = [];
          for (var i = 0; i < letters.length;) {
            var hit = 0;
            for (var j = Math.min(letters.length, i + 8); j >= i + 2 && !hit; j--) {
              if (table.has("^" + letters.slice(i, j))) hit = j;
            }
            if (hit) { spans.push([i, hit]); i = hit; } else i++;
          }
          var w = p.units[t.unit].w;
          spans.forEach(function (sp) {  // each span a part of the word's unit, by its share of the letters
            var u = p.units.push({ w: w * (sp[1] - sp[0]) / letters.length, parent: t.unit }) - 1;
            table.get("^" + letters.slice(sp[0], sp[1])).slice(0, 4).forEach(function (row) {
              var tg = parseTarget(row), phrase = tg.text.split(" ")[0];
              p.alts.push({ units: [u], terms: analyze(phrase), exact: false, factor: 0.5, mark: phrase, not: tg.not });
            });
          });
        });
      });
    });
  }

  /* The keys of a run of pinyin initials in the tables: each span of 2 to 8 of them ("^smzq"). */
  function initialKeys(ini, keys) {
    for (var i = 0; i < ini.length; i++) for (var j = i + 2; j <= Math.min(ini.length, i + 8); j++) keys.push("^" + ini.slice(i, j));
    return keys;
  }

  /* The query's tokens read as pinyin, and the tables' keys that reading needs: the one home of
     both, for rank() (the keys asked for with the shards, before the misses are known) and for
     latinExpansions() and homophones() (the tokens the book lacks). `lacks(t)`: whether token t
     is read so. Consecutive Latin words that read as syllables form a run (sheng ming zhou qi);
     a Latin word that does not, of 2–8 letters and at most one vowel, with no English neighbour
     or other form, may be initials (smzq, aq: an English word has more vowels); a Chinese run
     is read as its characters' pinyin (zh.js; "?" for a character it lacks). The keys: each span
     of 2 to 8 initials (initialKeys). rank() passes every token of weight (Latin) or of two
     characters and more (Chinese, once zh.js is in): its runs hold the later ones' runs, so its
     keys are a superset of theirs. */
  function pinyinReadings(meta, p, lacks) {
    var runs = [], run = null, initials = [], hanzi = [], keys = [];
    p.tokens.forEach(function (t) {
      if (!lacks(t)) { run = null; return; }
      if (!t.latin) {
        run = null;
        if (PINYIN) hanzi.push({ t: t, syl: Array.from(t.text).map(function (c) { return PINYIN.get(c) || "?"; }) });
        return;
      }
      var syl = syllables(meta, t.text);
      if (syl) {
        if (!run) runs.push(run = { syl: [], owner: [], tokens: [] });
        syl.forEach(function (s) { run.syl.push(s); run.owner.push(t); });
        run.tokens.push(t);
        return;
      }
      run = null;
      if (/^[a-z]{2,8}$/.test(t.text) && !t.corrected && !t.forms && (t.text.match(/[aeiouv]/g) || []).length <= 1) {
        initials.push(t);
      }
    });
    var first = function (s) { return s.charAt(0); };
    runs.forEach(function (r) { initialKeys(r.syl.map(first).join(""), keys); });
    initials.forEach(function (t) { initialKeys(t.text, keys); });
    hanzi.forEach(function (h) { initialKeys(h.syl.map(first).join(""), keys); });
    return { runs: runs, initials: initials, hanzi: hanzi, keys: keys };
  }

  function addForm(t, w) {
    t.forms = t.forms || [];
    if (t.forms.indexOf(w) === -1) t.forms.push(w);
  }

  /* The words an English word may be derived from by a suffix: leakage → leak, protection →
     protect, acceleration → accelerat, accelerate. Only for words the book does not have. */
  var SUFFIXES = ["ation", "ition", "ment", "ness", "ance", "ence", "ity", "ion", "age", "ing", "al"];
  function derivedFrom(w) {
    var out = [];
    SUFFIXES.forEach(function (s) {
      if (w.length - s.length < 3 || w.slice(-s.length) !== s) return;
      var root = w.slice(0, -s.length);
      out.push(root, root + "e");
    });
    return unique(out);
  }

  /* A table's target, "qushi" or "dianshu|-&'" (in Chinese): its text and the documents it does not
     count in (they hold it only inside another word: qabook.search.expand), after "|-" as the
     first one's number and each next one's distance from it (qabook.search.digits.encode_ids:
     "&'" is 3, 7). */
  function parseTarget(s) {
    var bar = s.indexOf("|");
    if (bar === -1 || s.charAt(bar + 1) !== "-") return { text: bar === -1 ? s : s.slice(0, bar), not: null };
    var deltas = decode(s.slice(bar + 2)), ids = new Set(), doc = 0;
    for (var i = 0; i < deltas.length; i++) { doc += deltas[i]; ids.add(doc); }
    return { text: s.slice(0, bar), not: ids.size ? ids : null };
  }

  /* An English word without its inflection: smaller, smallest → small; loading, loaded → load;
     classes → class; bigger → big; easier → easy. Only for telling forms of one word apart. */
  function inflectionRoot(w) {
    var m = /^(.{3,}?)(?:ings?|ers?|est|ed|es|ly|s)$/.exec(w);
    if (!m) return w;
    var r = m[1];
    if (/([b-df-hj-np-tv-z])\1$/.test(r) && !/(ss|ll)$/.test(r)) r = r.slice(0, -1);  // bigger → big
    if (/i$/.test(r) && /(?:er|est|ed|es|ly)$/.test(w)) r = r.slice(0, -1) + "y";  // easier → easy
    return r.replace(/e$/, "");  // (use, used, using → us)
  }

  /* A pinyin run's syllables each get a unit of their own, a part of their word's unit (the
     word's weight shared out). */
  function syllableUnits(p, r) {
    var per = new Map();
    r.owner.forEach(function (t) { per.set(t, (per.get(t) || 0) + 1); });
    return r.owner.map(function (t) {
      return p.units.push({ w: p.units[t.unit].w / per.get(t), parent: t.unit }) - 1;
    });
  }

  /* Cover syllables with the book's words, longest first: spans → alternatives over their units.
     `text` (a Chinese run) skips spans whose word is what the query already says. */
  function coverPinyin(p, table, syl, units, text, factor) {
    var ini = syl.map(function (s) { return s.charAt(0); }).join("");
    for (var i = 0; i < syl.length;) {
      var hit = null;
      for (var j = Math.min(syl.length, i + 8); j >= i + 2 && !hit; j--) {
        var rows = table.get("^" + ini.slice(i, j));
        if (!rows) continue;
        var full = syl.slice(i, j).join("");
        for (var r = 0; r < rows.length && !hit; r++) {
          var tg = parseTarget(rows[r]), sp = tg.text.indexOf(" ");
          if (tg.text.slice(sp + 1) === full) hit = { end: j, phrase: tg.text.slice(0, sp), not: tg.not };
        }
      }
      if (hit) {
        if (!text || text.slice(i, hit.end) !== hit.phrase) {
          p.alts.push({ units: units.slice(i, hit.end), terms: analyze(hit.phrase), exact: false, factor: factor,
                        mark: hit.phrase, not: hit.not });
        }
        i = hit.end;
      } else i++;
    }
  }

  /* A Chinese run with a pair of characters the book does not have: read it as pinyin and find
     the book's words that sound the same (shengmingzhouqi for a slip of one character). */
  function homophones(meta, p, post) {
    var py = pinyinReadings(meta, p, function (t) {
      if (t.latin || t.text.length < 2) return false;
      for (var i = 0; i + 1 < t.text.length; i++) if (!found(post, t.text.slice(i, i + 2))) return true;
      return false;
    });
    if (!py.hanzi.length) return Promise.resolve();
    return lookup(meta, unique(py.keys)).then(function (table) {
      py.hanzi.forEach(function (h) {
        var units = h.syl.map(function (_, i) { return h.t.unit + i; });
        coverPinyin(p, table, h.syl, units, h.t.text, 0.6);
      });
    });
  }

  /* crossLanguage's keys: for each span (a run of Latin words, a Chinese run) the rows of keys
     to look up at each of its places, longest first. */
  function crossKeys(p) {
    var keys = [], spans = [];
    var latin = [];
    p.tokens.forEach(function (t, i) {
      if (t.latin && p.units[t.unit].w > 0) latin.push(t);
      if (!t.latin || i + 1 === p.tokens.length || !p.tokens[i + 1].latin) {
        if (latin.length) spans.push({ latin: true, tokens: latin });
        latin = [];
      }
      if (!t.latin && t.text.length > 1) spans.push({ latin: false, token: t });
    });
    spans.forEach(function (sp) {
      sp.keys = [];
      if (sp.latin) {
        var words = sp.tokens.map(function (t) { return t.word; });
        var fixed = sp.tokens.map(function (t) { return t.corrected ? stem(t.corrected) : t.word; });
        var based = sp.tokens.map(function (t) {  // another form of the word, the shortest (answering → answer)
          return t.forms ? t.forms.slice().sort(function (a, b) { return a.length - b.length; })[0] : t.word;
        });
        for (var i = 0; i < words.length; i++) {
          var row = [];
          for (var n = Math.min(4, words.length - i); n >= 1; n--) {
            row.push(words.slice(i, i + n).join(" "));
            row.push(fixed.slice(i, i + n).join(" "));  // with a mistyped word's closest word
            row.push(based.slice(i, i + n).join(" "));
          }
          sp.keys.push(unique(row));
        }
      } else {
        var text = sp.token.text;
        for (var a = 0; a + 1 < text.length; a++) {
          var r2 = [];
          if (p.units[sp.token.unit + a].w > 0) {  // a key never starts at a filler ("and array" is not "sum")
            for (var len = Math.min(8, text.length - a); len >= 2; len--) r2.push(text.slice(a, a + len));
          }
          sp.keys.push(r2);
        }
      }
      sp.keys.forEach(function (row) { keys.push.apply(keys, row); });
    });
    return { spans: spans, keys: keys };
  }

  /* The other language's term for a Latin phrase of up to four words (fillers left out, as the
     build leaves them out of its keys: "question and answer" is "question answer"), or for a
     piece of a Chinese run (the longest found first). */
  function crossLanguage(meta, p) {
    var cross = crossKeys(p), spans = cross.spans, keys = cross.keys;
    if (!keys.length) return Promise.resolve();
    return lookup(meta, unique(keys)).then(function (table) {
      spans.forEach(function (sp) {
        for (var i = 0; i < sp.keys.length;) {
          var row = sp.keys[i], hit = null;
          for (var k = 0; k < row.length && !hit; k++) if (table.has(row[k])) hit = row[k];
          var n = hit ? (sp.latin ? hit.split(" ").length : hit.length) : 0;
          if (hit) {
            var units = sp.latin ? sp.tokens.slice(i, i + n).map(function (t) { return t.unit; })
              : Array.from({ length: n }, function (_, x) { return sp.token.unit + i + x; });
            table.get(hit).forEach(function (target) {
              var tg = parseTarget(target);
              p.alts.push({ units: units, terms: analyze(tg.text), exact: false, factor: 1, mark: tg.text, not: tg.not });
            });
            i += n;
          } else i++;
        }
      });
    });
  }

  var cache = { query: null, ranked: null, meta: null };
  var STALE = new Error("stale");  // a query the reader has typed past (search's `stale`)
  function noop() { /* a file asked for ahead: asked again, and its failure reported, where it is used */ }

  /* Rank every document that covers part of the query; fill in results offset … offset+limit
     (url, title, chapter, text, marks) from the chunks that hold them. `stale` (optional): a
     function that says when the answer is no longer wanted (rank's). `early` (optional): given
     these results before the answer, as soon as their texts are in, when the ranking by the
     query's own terms already decides them (`sure`), with `total` and `full` null: the count
     comes with the answer, once the expansions' files are in and ranked. */
  function search(query, limit, offset, stale, early) {
    offset = offset || 0; limit = limit || 10;
    return loadMeta().then(function (meta) {
      if (cache.query === query && cache.meta === meta) return cache.ranked;
      return rank(meta, query, function (first, settled) {  // (see rank: the texts asked for early)
        var top = first.top(offset, offset + limit), loading = texts(meta, top);
        loading.catch(noop);
        if (early && settled && first.sure >= offset + limit) {
          loading.then(function (chunks) {
            if (!(stale && stale())) early(page(meta, { terms: first.terms, total: null, full: null, partial: false }, top, chunks));
          }).catch(noop);
        }
      }, stale).then(function (ranked) {
        cache.query = query; cache.meta = meta; cache.ranked = ranked;
        return ranked;
      });
    }).then(function (ranked) {
      if (stale && stale()) throw STALE;
      var top = ranked.top(offset, offset + limit);
      var meta = cache.meta;
      return texts(meta, top).then(function (chunks) { return page(meta, ranked, top, chunks); });
    });
  }

  /* search()'s answer: the ranking's counts and these results with their texts. */
  function page(meta, ranked, top, chunks) {
    var results = top.map(function (r) {
      var row = chunks.get(Math.floor(r.doc / meta.chunkDocs))[r.doc % meta.chunkDocs];
      return { doc: r.doc, score: r.score, cover: r.cover, exact: r.exact, marks: r.marks,
               url: row[0], title: row[1], chapter: row[2], text: row[3] };
    });
    return { terms: ranked.terms, total: ranked.total, full: ranked.full, partial: ranked.partial, results: results };
  }

  /* The chunks holding these results' texts: chunk number → its rows. */
  function texts(meta, top) {
    var ids = unique(top.map(function (r) { return Math.floor(r.doc / meta.chunkDocs); }));
    return Promise.all(ids.map(function (c) { return load("d" + c, "d" + c + ".js"); })).then(function (rows) {
      var chunks = new Map();
      ids.forEach(function (c, i) { chunks.set(c, rows[i]); });
      return chunks;
    });
  }

  /* `ahead` (optional) is given a ranking by the query's own terms as soon as their shards are
     in, while the expansions' tables and shards are still on their way: search() asks for the
     texts of its results then (when every shown result holds the query's words exactly, as in
     a big book, they are the final ones; else a few chunks were loaded for nothing). With it
     comes whether the query will be planned as it is now (`settled`: not planned again once
     zh.js folds its traditional characters); if so, the ranking's first `sure` results are
     the answer's first ones, in the same order (see score's `sure`).
     `stale` (optional): when it says true, the ranking stops at its next step (STALE): the
     reader has typed on, and its files stay loaded for the next query. */
  function rank(meta, query, ahead, stale) {
    var p = plan(meta, query);
    nextQuery();
    var post = new Map();
    var exactTerms = function () { return unique([].concat.apply([], p.alts.map(function (a) { return a.terms; }))); };
    if (!p.units.length) {  // nothing to look for ("?", "!!!"): no results, as a ranking of none
      return Promise.resolve({ terms: [], list: [], total: 0, full: 0, partial: false, top: function () { return []; } });
    }
    var own = postings(meta, exactTerms(), post);  // the query's own terms' shards: asked for first
    // the other language's tables asked for now, with the terms' shards, not a round trip later
    // (crossLanguage looks them up once the typos are known: these keys are some of its keys)
    // and so are the pinyin tables a word the book lacks would need (a round trip after the
    // shards, and for a pinyin word a third for its targets' shards)
    var early = crossKeys(p).keys.concat(pinyinReadings(meta, p, function (t) {
      return t.latin ? p.units[t.unit].w > 0 : t.text.length > 1;
    }).keys);
    if (early.length) lookup(meta, unique(early)).catch(function () { /* asked again, and reported, later */ });
    // what the expansions will ask for, asked for now too: the word list of each English word's
    // first letter (its other forms are looked up there whether or not the book has it), and
    // zh.js for a Chinese run (a miss, a filler word included, needs it: a round trip later)
    p.tokens.forEach(function (t) {
      if (t.latin && p.units[t.unit].w > 0 && /^[a-z]{4,}$/.test(t.text)) loadVocab(meta, t.text.charAt(0)).catch(noop);
    });
    var folded = !!T2S;  // (the plan read traditional characters as simplified)
    if (!folded && p.tokens.some(function (t) { return !t.latin && t.text.length > 1; })) loadZh().catch(noop);
    var live = function (x) { if (stale && stale()) throw STALE; return x; };
    var first = null, firstPlan = null, firstAlts = 0;  // the ranking by the query's own terms
    return own.then(live).then(function () {
      var cjkMiss = p.tokens.some(function (t) {
        if (t.latin) return false;
        for (var i = 0; i + 1 < t.text.length; i++) if (!found(post, t.text.slice(i, i + 2))) return true;
        return false;
      });
      if (ahead) {
        first = score(meta, p, post); firstPlan = p; firstAlts = p.alts.length;
        ahead(first, !cjkMiss || folded);
      }
      if (!cjkMiss || folded) return null;
      return loadZh().then(function () {  // traditional characters fold now; plan again
        p = plan(meta, query);
        return postings(meta, exactTerms(), post);
      }).catch(function () { return null; });
    }).then(live).then(function () {
      return latinExpansions(meta, p, post);
    }).then(live).then(function () {
      return Promise.all([crossLanguage(meta, p), T2S ? homophones(meta, p, post) : null]);
    }).then(live).then(function () {
      p.alts.forEach(function (a) { a.terms = a.terms.filter(function (t) { return t; }); });
      p.alts = p.alts.filter(function (a) { return a.terms.length; });
      return postings(meta, exactTerms(), post);
    }).then(live).then(function () {
      var r = first && addsNothing(p, firstPlan, firstAlts, post) ? first : score(meta, p, post);
      r.plan = p; r.terms = exactTermsOf(p);
      return r;
    });
  }

  /* Whether the expansions planned after the first ranking (`firstAlts` alternatives of the same
     plan) can change no document's coverage or score: each one needs a term no document holds
     (a cross-language target the book lacks: the common case in a big book of one language).
     score() would then give the first ranking again, document for document: an alternative
     counts for a document only if the document holds all its terms. */
  function addsNothing(p, firstPlan, firstAlts, post) {
    if (p !== firstPlan) return false;  // planned again (traditional characters folded)
    for (var i = 0; i < p.alts.length; i++) {
      var a = p.alts[i];
      if (i < firstAlts) { if (!a.exact) return false; continue; }
      if (a.terms.every(function (t) { return found(post, t); })) return false;
    }
    return true;
  }

  /* score()'s tables of a row per document (`held`: the terms it holds, as bits; `slot`: where
     it is among the documents the query touched), kept from one query to the next: at 100,000
     documents they are megabytes, which the browser would allocate, and its garbage collector
     follow, for every query. What the query before used is cleared first (a fill is a memset:
     cheaper than clearing the rows it touched one by one). */
  var kept = { held: null, slot: null, touched: null, W: 0, N: 0 };
  function tables(N, W) {
    var k = kept;
    if (k.N) { k.slot.fill(0, 0, k.N); k.held.fill(0, 0, k.N * k.W); }
    if (!k.slot || k.slot.length < N) k.slot = new Int32Array(N);
    if (!k.held || k.held.length < N * W) k.held = new Int32Array(N * W);
    if (!k.touched || k.touched.length < N) k.touched = new Int32Array(N);  // (written before it is read)
    k.N = N; k.W = W;
    return k;
  }

  /* score()'s loops over a posting list, each a function of its own: a small function is
     optimized by the browser soon after its first calls, where a loop inside score() ran as
     slow unoptimized code until all of score() was compiled (a fresh page's first queries). */
  function markHeld(list, held, slot, touched, M, W, ti) {  // the term's bit in each document; new documents touched
    var doc = 0, bit = 1 << (ti & 31), word = ti >> 5;
    for (var j = 0; j < list.length; j += 2) {
      doc += list[j];
      held[doc * W + word] |= bit;
      if (!slot[doc]) { slot[doc] = 1; touched[M++] = doc; }
    }
    return M;
  }

  function placeDocs(touched, M, held, W, excepted, find, docOf, gOf, slot) {  // each touched document's group
    var n = 0, anyExcepted = excepted.size > 0, lastKey = null, g = null;
    for (var k = 0; k < M; k++) {
      var doc = touched[k], base = doc * W;
      var key = W === 1 ? held[base] : Array.prototype.join.call(held.subarray(base, base + W), ",");
      if (anyExcepted && excepted.has(doc)) key = key + "#" + doc;
      if (key !== lastKey) { g = find(key, base, doc); lastKey = key; }  // (neighbours mostly hold the same terms)
      if (!g) continue;
      docOf[n] = doc; gOf[n] = g.id; slot[doc] = 2 + n;
      g.count++;
      n++;
    }
    return n;
  }

  function addScores(list, idf, slot, gOf, column, scoreOf) {  // the term's weight where its group counts it
    var doc = 0;
    for (var j = 0; j < list.length; j += 2) {
      doc += list[j];
      var at = slot[doc] - 2;
      if (at < 0) continue;
      var f = column[gOf[at]];
      if (f) scoreOf[at] += Math.fround(idf * list[j + 1] / 10) * f;
    }
  }

  function placeInTiers(byTier, next, tierOf, gOf, n, tiers) {  // each result's place in its tier's range of byTier
    if (tiers === 1) for (var r = 0; r < n; r++) byTier[r] = r;
    else for (r = 0; r < n; r++) byTier[next[tierOf[gOf[r]]]++] = r;
  }

  /* Whether result a ranks before result b of the same tier: a higher score, then the lower
     document number. */
  function beats(a, b, scoreOf, docOf) {
    return scoreOf[a] > scoreOf[b] || (scoreOf[a] === scoreOf[b] && docOf[a] < docOf[b]);
  }

  /* The m best of a tier's results (`all`), in no order: a heap with the worst of them at its
     root, so that most results are turned away by one comparison with it. */
  function bestOf(all, m, scoreOf, docOf) {
    var heap = [];
    for (var i = 0; i < all.length; i++) {
      var x = all[i];
      if (heap.length < m) {
        var at = heap.push(x) - 1;
        while (at > 0) {  // up while the one above ranks before it
          var up = (at - 1) >> 1;
          if (!beats(heap[up], heap[at], scoreOf, docOf)) break;
          var t = heap[up]; heap[up] = heap[at]; heap[at] = t; at = up;
        }
      } else if (beats(x, heap[0], scoreOf, docOf)) {
        heap[0] = x;
        for (var k = 0; ;) {  // down while one below ranks after it
          var l = 2 * k + 1, r = l + 1, worst = k;
          if (l < heap.length && beats(heap[worst], heap[l], scoreOf, docOf)) worst = l;
          if (r < heap.length && beats(heap[worst], heap[r], scoreOf, docOf)) worst = r;
          if (worst === k) break;
          var t3 = heap[k]; heap[k] = heap[worst]; heap[worst] = t3; k = worst;
        }
      }
    }
    return heap;
  }

  function idfOf(meta, list) {
    var df = list.length / 2;
    return Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5));
  }

  /* Each document that covers part of the query: how much (a unit counts when an alternative
     covers it, or by the share of its parts that alternatives cover: a pinyin word's syllables),
     how much exactly, and its score. What a document covers depends only on which of the
     query's terms it holds (and on the expansions that leave it out: `not`), so it is worked
     out once for each such set of terms (a "group"; a big book has a few dozen for 100,000
     documents); each document then only adds its terms' weights. The ranking is made as the
     results are asked for (`ranked.top`): documents of equal coverage and exact coverage (a
     "tier") are ordered by score only as far as the results shown reach. */
  var rankings = 0;  // score()'s calls, for tests and benchmarks (qabookSearch.rankings)
  function score(meta, p, post) {
    rankings++;
    var parent = p.units.map(function (u) { return u.parent === undefined ? -1 : u.parent; });
    var weights = p.units.map(function (u) { return u.w; });
    var top = [], parts = new Map();  // the query's own units; unit → the units that are its parts
    parent.forEach(function (up, u) {
      if (up < 0) top.push(u);
      else { if (!parts.has(up)) parts.set(up, []); parts.get(up).push(u); }
    });
    var total = top.reduce(function (a, u) { return a + weights[u]; }, 0);
    if (total === 0) { top.forEach(function (u) { weights[u] = 1; }); total = top.length; }
    var terms = exactTermsOf(p);
    var T = terms.length, N = meta.docs, W = (T + 31) >> 5;
    var tab = tables(N, W);
    var held = tab.held;  // document → the terms it holds, as bits
    var slot = tab.slot;  // 0 untouched, 1 touched, 2 + its place among the results
    var touched = tab.touched, M = 0;  // the documents the query touched, the first M of it
    for (var t0 = 0; t0 < T; t0++) {
      var list0 = post.get(terms[t0]);
      if (list0) M = markHeld(list0, held, slot, touched, M, W, t0);
    }
    var termId = new Map();
    terms.forEach(function (t, i) { termId.set(t, i); });
    var alts = p.alts.map(function (a) { return { a: a, ids: a.terms.map(function (t) { return termId.get(t); }) }; });
    var exactAlts = alts.filter(function (x) { return x.a.exact; });
    var expAlts = alts.filter(function (x) { return !x.a.exact; });
    var excepted = new Set();  // documents an expansion leaves out: a group of their own
    expAlts.forEach(function (x) { if (x.a.not) x.a.not.forEach(function (d) { excepted.add(d); }); });
    var U = weights.length;

    /* What a document holding these terms (bits at `base` of `held`) covers: null if nothing. */
    function group(base, doc) {
      var covered = new Uint8Array(U);  // 2 exact, 1 by an expansion
      var factor = new Float32Array(T), marks = null, i, j, x, units;
      function has(ids) {
        for (var i = 0; i < ids.length; i++) if (!(held[base + (ids[i] >> 5)] & (1 << (ids[i] & 31)))) return false;
        return true;
      }
      for (i = 0; i < exactAlts.length; i++) {  // exact terms first: the units the document has itself
        x = exactAlts[i];
        if (!has(x.ids)) continue;
        units = x.a.units;
        for (j = 0; j < units.length; j++) covered[units[j]] = 2;
        for (j = 0; j < x.ids.length; j++) factor[x.ids[j]] = 1;
      }
      for (i = 0; i < expAlts.length; i++) {  // an expansion counts where the document lacks the query's word
        x = expAlts[i];
        units = x.a.units;
        var needed = false;
        for (j = 0; j < units.length; j++) {
          if (covered[units[j]] !== 2 && !(parent[units[j]] >= 0 && covered[parent[units[j]]] === 2)) needed = true;
        }
        if (!needed || (x.a.not && x.a.not.has(doc)) || !has(x.ids)) continue;
        for (j = 0; j < units.length; j++) if (!covered[units[j]]) covered[units[j]] = 1;
        var f = EXPANSION * x.a.factor;
        for (j = 0; j < x.ids.length; j++) if (factor[x.ids[j]] < f) factor[x.ids[j]] = f;
        if (x.a.mark) {
          marks = marks || [];
          if (marks.indexOf(x.a.mark) === -1) marks.push(x.a.mark);
        }
      }
      var cover = 0, exact = 0;
      for (var t = 0; t < top.length; t++) {
        var u = top[t], c = covered[u] ? weights[u] : 0, ps = parts.get(u);
        if (ps && c < weights[u]) {
          var byParts = 0;
          for (j = 0; j < ps.length; j++) if (covered[ps[j]]) byParts += weights[ps[j]];
          if (byParts > c) c = byParts;
        }
        cover += c;
        if (covered[u] === 2) exact += weights[u];
      }
      if (!cover) return null;
      // coverage and exact coverage as whole numbers, so that near-equal shares tie
      return { cover: cover / total, exact: exact / total, marks: marks || [], factor: factor,
               c: Math.round(cover / total * 1e6), e: Math.round(exact / total * 1e6) };
    }

    var groups = new Map(), tiers = new Map(), glist = [];  // glist: the groups that cover something
    // docOf, scoreOf, gOf: a row per result (a touched document that covers part of the query)
    var docOf = new Int32Array(M), scoreOf = new Float64Array(M), gOf = new Int32Array(M);
    var n = placeDocs(touched, M, held, W, excepted, function (key, base, doc) {  // a key's group, made once
      var g = groups.get(key);
      if (g === undefined) {
        g = group(base, doc);
        groups.set(key, g);
        if (g) {
          var tk = g.c + "," + g.e;
          if (!tiers.has(tk)) tiers.set(tk, { c: g.c, e: g.e, members: null, size: 0, whole: 0, sorted: null });
          g.tier = tiers.get(tk);
          g.id = glist.push(g) - 1;
          g.count = 0;
        }
      }
      return g;
    }, docOf, gOf, slot);
    // each tier's members (results by their place, in the order they were touched), and how
    // many of them cover every unit (`whole`)
    var EPS = 1e-9, G = glist.length, tierOf = new Int32Array(G), tierList = Array.from(tiers.values());
    tierList.forEach(function (tier, i) { tier.i = i; });
    glist.forEach(function (gr, i) {
      tierOf[i] = gr.tier.i; gr.tier.size += gr.count;
      if (gr.cover >= 1 - EPS) gr.tier.whole += gr.count;
    });
    var byTier = new Int32Array(n), next = new Int32Array(tierList.length), at0 = 0;  // one array, a range a tier
    tierList.forEach(function (tier, i) { next[i] = at0; tier.members = byTier.subarray(at0, at0 + tier.size); at0 += tier.size; });
    placeInTiers(byTier, next, tierOf, gOf, n, tierList.length);
    // scores: each term's weights added, term by term, where its document's group counts the
    // term (the same products, added in the same order, as a sum over each document's terms);
    // `column`: each group's factor for the term
    var column = new Float32Array(glist.length);
    for (var ti = 0; ti < T; ti++) {
      var list = post.get(terms[ti]);
      if (!list) continue;
      for (var gi = 0; gi < glist.length; gi++) column[gi] = glist[gi].factor[ti];
      addScores(list, idfOf(meta, list), slot, gOf, column, scoreOf);
    }
    var order = tierList.slice().sort(function (a, b) { return b.c - a.c || b.e - a.e; });
    function better(a, b) { return beats(a, b, scoreOf, docOf); }
    function byRank(a, b) { return better(a, b) ? -1 : better(b, a) ? 1 : 0; }
    function result(i) {
      var g = glist[gOf[i]];
      return { doc: docOf[i], cover: g.cover, exact: g.exact, score: scoreOf[i], marks: g.marks, c: g.c, e: g.e };
    }
    /* The tier's first `m` members in order (all of them sorted once `m` is a good part of it). */
    function firstOf(tier, m) {
      var all = tier.members;
      m = Math.min(m, all.length);
      if (tier.sorted && (tier.sorted.length >= m || tier.sorted.length === all.length)) return tier.sorted;
      if (m * 8 >= all.length) {
        tier.sorted = all.slice().sort(byRank);
        return tier.sorted;
      }
      tier.sorted = bestOf(all, m, scoreOf, docOf).sort(byRank);
      return tier.sorted;
    }
    /* Results from … to (exclusive), in rank order. */
    function topRange(from, to) {
      var out = [], skip = 0;
      for (var i = 0; i < order.length && skip < to; i++) {
        var size = order[i].members.length;
        if (skip + size > from) {
          var a = Math.max(0, from - skip), b = Math.min(size, to - skip);
          var first = firstOf(order[i], b);
          for (var j = a; j < b; j++) out.push(result(first[j]));
        }
        skip += size;
      }
      return out;
    }
    var full = 0;
    for (ti = 0; ti < order.length; ti++) {  // the results that hold every word come first
      var members = order[ti].members, whole = order[ti].whole;
      if (whole === members.length) { full += whole; continue; }
      if (whole) {  // (a tier mixing them: its order decides)
        var sorted = firstOf(order[ti], members.length);
        for (var mi = 0; mi < sorted.length && glist[gOf[sorted[mi]]].cover >= 1 - EPS; mi++) full++;
      }
      break;
    }
    // `sure`: how many documents hold every word of the query exactly (the first tier, when it
    // covers all and all exactly). No expansion counts for them (an expansion counts only where a
    // document lacks a word of the query), and no other document joins them, so a ranking of the
    // same plan with more expansions has them first too, each with the same score (its terms'
    // weights added in the same order: the query's own terms come first): an answer's first
    // `sure` results are known before the expansions' files are in.
    var sure = order.length && order[0].c === 1e6 && order[0].e === 1e6 ? order[0].members.length : 0;
    var ranked = { terms: terms, total: n, full: full, partial: n > 0 && full === 0, top: topRange, sure: sure };
    Object.defineProperty(ranked, "list", { get: function () { return topRange(0, n); } });  // (for explain)
    return ranked;
  }

  function exactTermsOf(p) { return unique([].concat.apply([], p.alts.map(function (a) { return a.terms; }))); }

  /* What to look for in a text: the query's words and Chinese runs, longest first, then the
     bigrams of each Chinese run (a partial match still shows). Lowercase, NFKC. */
  function pieces(query) {
    var stop = cache.meta ? cache.meta.fillerSet : new Set();
    var tokens = (normalize(query).match(TOKEN) || []).filter(function (t) { return !stop.has(t); });
    var out = tokens.slice();
    tokens.forEach(function (t) {
      if (!/^[a-z0-9]/.test(t)) for (var i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
    });
    return unique(out).sort(function (a, b) { return b.length - a.length; });
  }

  var SNIPPET = 110, BEFORE = 28;
  var WORD = /[A-Za-z0-9_]/;
  /* where a snippet may be cut: spaces and punctuation, full-width marks written by code point
     (full-width comma, ideographic full stop, semicolon, colon, enumeration comma, exclamation
     and question marks, parentheses, corner brackets): an English book's scripts hold no CJK */
  var BREAK = /[\s\uFF0C\u3002\uFF1B\uFF1A\u3001\uFF01\uFF1F\uFF08\uFF09\u300C\u300D,.;:!?()]/;

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
    xshard: function (n, data) { pending["x" + n].resolve(data); },
    vocab: function (letter, data) { pending["v" + letter].resolve(data); },
    zh: function (data) { pending.zh.resolve(data); },
    loadZh: loadZh,
    explain: function (query) {  // for tests and benchmarks: units, alternatives, ranking
      return loadMeta().then(function (meta) { return rank(meta, query); });
    },
    analyze: analyze,
    decode: decode,
    head: xhead,
    target: parseTarget,
    shardOf: shardOf,
    search: search,
    rankings: function () { return rankings; },
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
    var strings = (window.QABOOK_SEARCH_UI || {}).strings || {};  // written before this script by the build
    var seq = 0, composing = false, shown = 0, total = 0, query = "", sel = -1;
    var listed = null, answered = false;  // the first page written before its count (search's `early`): its documents

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

    function render(r, i) {
      var words = [query].concat(r.marks || []).join(" ");
      var mark = highlighter(words);
      return '<li class="md-search-result__item" role="presentation"><a href="' + escapeHtml(base + r.url) +
        '" id="qa-result-' + i + '" role="option" aria-selected="false" class="md-search-result__link"' +
        ' data-qa-words="' + escapeHtml(words) + '">' +
        '<article class="md-search-result__article md-typeset">' +
        "<h1>" + mark(r.title) + "</h1>" +
        (r.chapter ? '<p class="qa-search-chapter">' + escapeHtml(r.chapter) + "</p>" : "") +
        "<p>" + mark(snippet(r.text, words)) + "</p></article></a></li>";
    }

    function docsOf(res) { return res.results.map(function (r) { return r.doc; }).join(","); }

    function write(res, append) {
      var html = res.results.map(function (r, i) {
        // the first result that lacks a word, after some that have every word: a line says so
        var rest = shown + i === res.full && res.full > 0 ? '<li class="qa-search-partial-rest" role="none">' +
          escapeHtml(t("search.partial_rest")) + "</li>" : "";
        return rest + render(r, shown + i);
      }).join("");
      if (append) list.insertAdjacentHTML("beforeend", html); else list.innerHTML = html;
      shown += res.results.length;
    }

    /* The first page, before its count (search's `early`: these results are the answer's first
       ones): written now, the count line empty until the answer is in. */
    function showEarly(res) {
      if (answered) return;  // (the answer came first)
      write(res, false);
      listed = docsOf(res);
      status.textContent = "";
      more.hidden = true;
      delete root.dataset.qaError;
      root.dataset.qaListed = query;  // for tests and benchmarks: the list on screen is this query's
    }

    function show(res, append) {
      if (append || listed !== docsOf(res)) {  // (a first page written early is that answer's: kept)
        if (!append) shown = 0;
        write(res, append);
      }
      listed = null; answered = true;
      total = res.total;
      status.textContent = total ? t("search.found", { n: total }) : t("search.none");
      if (res.partial) {  // no result holds every word of the query: say so, on a line of its own
        var line = document.createElement("span");
        line.className = "qa-search-partial";
        line.textContent = t("search.partial");
        status.appendChild(line);
      }
      root.dataset.qaPartial = res.partial ? "1" : "";
      more.hidden = shown >= total;
      delete root.dataset.qaError;
      root.dataset.qaListed = query;
      root.dataset.qaQuery = query;  // for tests: the query these results answer (count included)
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
      query = q; shown = 0; sel = -1; listed = null; answered = false;
      input.removeAttribute("aria-activedescendant");
      if (!q) { status.textContent = t("search.prompt"); list.innerHTML = ""; more.hidden = true; return; }
      open();
      search(q, 10, 0, function () { return mine !== seq; }, function (res) { if (mine === seq) showEarly(res); })
        .then(function (res) { if (mine === seq) show(res, false); })
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

    function remember(a) {  // the query, and the book's words it was found by
      var q = a.getAttribute("data-qa-words") || query;
      try { sessionStorage.setItem(LANDING, JSON.stringify({ href: a.href, q: q })); } catch (e) { /* private mode */ }
    }

    function follow(a) {
      remember(a);
      close();
      window.location.href = a.href;
    }

    input.addEventListener("focus", open);
    // a query starts on each input event, without a pause: the one before, if still on its way,
    // stops at its next step and its answer is dropped (run's `seq`); the files it asked for
    // stay loaded. (A 60 ms pause here cost every query 60 ms and saved only ranking work,
    // 1-10 ms at 100,000 documents.)
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; run(); });
    input.addEventListener("input", function (e) {
      if (composing || e.isComposing) return;
      run();
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
      if (a) { remember(a); if (toggle) toggle.checked = false; }
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
    var note = null;
    try {
      note = JSON.parse(sessionStorage.getItem(LANDING) || "null");
      sessionStorage.removeItem(LANDING);
    } catch (e) { note = null; }
    var ps = note && note.href === window.location.href && note.q ? pieces(note.q) : [];
    var text = function (el) { return el.textContent.normalize("NFKC").toLowerCase(); };
    // qabook.js: mark the question; outside study mode open the first block (question first)
    // holding a word of the query; the browser has scrolled to #qN already
    if (window.qabookLand) window.qabookLand(question, function (els) {
      for (var i = 0; i < ps.length; i++) {
        for (var j = 0; j < els.length; j++) if (text(els[j]).indexOf(ps[i]) !== -1) return els[j];
      }
      return null;
    }, false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  window.addEventListener("hashchange", land);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
})();
