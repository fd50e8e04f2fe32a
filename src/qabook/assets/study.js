/* qabook study mode: self-test on topic pages, grades and progress in localStorage, the review
   and quiz pages. Reads window.QABOOK_STUDY (assets/qabook/study-index.js: interface strings,
   chapters, topics) and schedules with window.qabookFsrs (fsrs.js). No network beyond this site.
   Progress is keyed "<page id>#q<N>": the page's stable front-matter id and the question's
   position in the page, so it survives rebuilds, renamed files and reordered topics; the book
   part is the book's stable id (plugin option book_id, by default the site name).
   After a grade the chapter's next question comes into view (a setting turns it off; after its
   last, a note says the chapter is done); "study this chapter" walks through the chapter's new
   and due questions; "continue on another device"
   carries the progress in a link (assets/progresslink.js, a QR code by vendor/qrcode-generator.js). */
(function () {
  "use strict";
  var D = window.QABOOK_STUDY;
  var F = window.qabookFsrs;
  if (!D || !F) return;
  var S = D.strings;
  var script = document.currentScript;
  var base = script.src.replace(/assets\/qabook\/study\.js(?:[?#].*)?$/, "");
  var STORE = "qabook-study:" + D.book;
  var GRADES = [1, 2, 3, 4];
  var INTERACTIVE = /^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY|LABEL)$/;
  var TYPING = /^(INPUT|SELECT|TEXTAREA)$/;
  var NOT_TYPING = /^(checkbox|radio|button|submit|reset|file|color|range)$/;  // inputs that take no text
  /* Keys go to what has the focus when it takes text (a field, a select), never to a shortcut. */
  function typing(node) {
    return node.isContentEditable || (TYPING.test(node.tagName) && !(node.tagName === "INPUT" && NOT_TYPING.test(node.type)));
  }

  /* ---------- strings, storage, state ---------- */
  function t(key, values) {
    var text = S[key] || key;
    return values ? text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] != null ? values[k] : m; }) : text;
  }
  /* Sentences said one after another: each of ours ends with its full stop; a space follows a
     Latin one, none a full-width one (U+3002, U+FF01, U+FF1F). */
  function sentences() {
    return Array.prototype.filter.call(arguments, Boolean).reduce(function (out, s) {
      return out + (/[\u3002\uff01\uff1f]$/.test(out) ? "" : " ") + s;
    });
  }
  function load() {
    try {
      var v = JSON.parse(localStorage.getItem(STORE));
      if (v && v.version === 1 && v.cards && typeof v.cards === "object") return v;
    } catch (e) { /* unreadable: start afresh */ }
    return {version: 1, cards: {}};
  }
  function save(progress) { localStorage.setItem(STORE, JSON.stringify(progress)); }
  var PREFS = "qabook-study-prefs:" + D.book;
  function flowOn() {
    try { return (JSON.parse(localStorage.getItem(PREFS)) || {}).flow !== false; } catch (e) { return true; }
  }
  function setFlow(on) {
    try { localStorage.setItem(PREFS, JSON.stringify({flow: !!on})); } catch (e) { /* private mode: this page only */ }
  }
  /* This tab's study session ("study this chapter") and the note a page leaves for the next one. */
  var SESSION = "qabook-study-session:" + D.book, NOTE = "qabook-study-note:" + D.book;
  function session() { try { return JSON.parse(sessionStorage.getItem(SESSION)); } catch (e) { return null; } }
  function setSession(value) {
    try { if (value) sessionStorage.setItem(SESSION, JSON.stringify(value)); else sessionStorage.removeItem(SESSION); }
    catch (e) { /* no session storage: the flow stays on the page */ }
  }
  function leaveNote(note) { try { sessionStorage.setItem(NOTE, JSON.stringify(note)); } catch (e) { /* ignore */ } }
  function takeNote(url) {
    var note = null;
    try { note = JSON.parse(sessionStorage.getItem(NOTE)); sessionStorage.removeItem(NOTE); } catch (e) { return null; }
    return note && norm(note.url) === norm(url) ? note : null;
  }
  function now() { return Date.now(); }

  function keysOf(topic) {
    var out = [];
    for (var i = 1; i <= topic.n; i++) out.push(topic.id + "#q" + i);
    return out;
  }
  function status(rec, at) {
    if (!rec) return "new";
    if (rec.due <= at) return "due";
    return rec.state === F.REVIEW ? "mastered" : "learning";
  }
  function tally(keys, progress) {
    var at = now(), c = {total: keys.length, mastered: 0, due: 0, learning: 0, "new": 0};
    keys.forEach(function (k) {
      var rec = progress.cards[k];
      var st = status(rec, at);
      c[st] += 1;
      if (st === "due" && rec.state === F.REVIEW) c.mastered += 1;  // known, but its review has come
    });
    return c;
  }
  function topicState(topic, progress) {
    var c = tally(keysOf(topic), progress);
    if (c.due) return "due";
    if (c.mastered === c.total && c.total) return "mastered";
    if (c["new"] === c.total) return "new";
    return "learning";
  }
  function when(due) {
    var ms = due - now();
    if (ms <= 0) return t("study.now");
    if (ms < 3600000) return t("study.in_minutes", {n: Math.max(1, Math.round(ms / 60000))});
    if (ms < F.DAY) return t("study.in_hours", {n: Math.round(ms / 3600000)});
    return t("study.in_days", {n: Math.round(ms / F.DAY)});
  }
  function grade(key, g) {
    var progress = load();
    var at = now();
    var old = progress.cards[key];
    var card = F.review(old || F.newCard(at), g, at);
    card.reps = ((old && old.reps) || 0) + 1;
    card.lapses = ((old && old.lapses) || 0) + (g === 1 && old && old.state === F.REVIEW ? 1 : 0);
    card.grade = g;
    progress.cards[key] = card;
    save(progress);
    return card;
  }

  /* ---------- small DOM helpers ---------- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "html") node.innerHTML = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function button(label, cls, onClick, attrs) {
    var b = el("button", Object.assign({type: "button", "class": "qa-btn " + (cls || ""), text: label}, attrs || {}));
    b.addEventListener("click", onClick);
    return b;
  }
  var live;
  function announce(text) {
    if (!live) {
      live = el("div", {"class": "qa-sr-only", "aria-live": "polite", role: "status", id: "qa-live"});
      document.body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 30);
  }
  /* The book's one live region says it; `panel` (when given) shows it too, as plain text, so
     that a screen reader hears it once. */
  function tell(panel, text) {
    showNote(panel, text);
    announce(text);
  }
  function showNote(panel, text) {  // the note at the top of a panel, without saying it again
    if (panel) {
      var p = panel.querySelector(".qa-note");
      if (!p) {
        p = el("p", {"class": "qa-note"});
        panel.insertBefore(p, panel.firstChild);
      }
      p.textContent = text;
      bringIntoView(p);
    }
  }
  function reducedMotion() { return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches); }
  function headerBottom() {  // Material's header stays at the top of the screen
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }
  /* Scroll only as far as it takes to show `node` whole, and never past `keep`'s top (what the
     learner reads first); → true when `node` is then on screen. Smooth unless the learner asked
     for reduced motion. */
  var GAP = 8;
  function bringIntoView(node, keep) {
    var r = node.getBoundingClientRect(), top = headerBottom() + GAP, bottom = window.innerHeight - GAP;
    var by = r.bottom > bottom ? r.bottom - bottom : r.top < top ? r.top - top : 0;
    if (by > 0 && keep) by = Math.min(by, Math.max(0, keep.getBoundingClientRect().top - top));
    if (by) window.scrollBy({top: by, left: 0, behavior: reducedMotion() ? "instant" : "smooth"});
    return r.bottom - by <= bottom && r.top - by >= top;
  }
  /* After the learner reveals an answer: the grade buttons come into view; when the answer is
     taller than the screen they are pinned to its bottom edge (until graded or hidden). */
  function showGrades(bar, answer) {
    unpin();
    if (!bringIntoView(bar, answer)) bar.classList.add("qa-pinned");
  }
  function unpin() {
    Array.prototype.forEach.call(document.querySelectorAll(".qa-pinned"), function (b) { b.classList.remove("qa-pinned"); });
  }
  function norm(href) {
    return href.split("#")[0].split("?")[0].replace(/index\.html$/, "");
  }
  function siteUrl(url) { return new URL(base + url, location.href).href; }
  var here = norm(location.href);
  /* One keydown listener for the life of the document; the current page (or session) sets its
     handler, so that Material's instant navigation never stacks handlers of old pages. */
  var pageKeys = null;
  document.addEventListener("keydown", function (e) { if (pageKeys) pageKeys(e); });
  /* A key presses the button a click would (Space the reveal button, 1–4 a grade button), so
     that keys and clicks take one path: what follows a grade cannot differ between them. */
  function press(grades, key) { grades.querySelector('[data-grade="' + key + '"]').click(); }
  /* the topic (chapter) at an address: one table per list, made on first use (a page's every
     link is looked up; resolving every topic's URL per link was links × topics) */
  function byUrl(list) {
    if (!list.qaByUrl) {
      var table = Object.create(null);
      list.forEach(function (p) { var k = norm(siteUrl(p.url)); if (!(k in table)) table[k] = p; });
      Object.defineProperty(list, "qaByUrl", { value: table });
    }
    return list.qaByUrl;
  }
  function topicAt(href) {
    return byUrl(D.topics)[norm(href)] || null;
  }
  function chapterAt(href) {
    return byUrl(D.chapters)[norm(href)] || null;
  }
  function chapterKeys(slug) {
    var keys = [];
    D.topics.forEach(function (p) { if (!slug || p.chapter === slug) keys = keys.concat(keysOf(p)); });
    return keys;
  }
  function article() { return document.querySelector(".md-content article") || document.querySelector("article"); }

  /* ---------- the study flow: which question comes next ---------- */
  function toStudy(key, progress, at) { var st = status(progress.cards[key], at); return st === "new" || st === "due"; }
  /* The chapter's first new or due question after question `index` (0-based) of `topic`, or
     from the chapter's start when topic is null. */
  function nextToStudy(slug, topic, index) {
    var progress = load(), at = now(), passed = !topic;
    for (var j = 0; j < D.topics.length; j++) {
      var p = D.topics[j];
      if (p.chapter !== slug) continue;
      for (var q = 0; q < p.n; q++) {
        if (!passed) { passed = p === topic && q === index; continue; }
        if (toStudy(p.id + "#q" + (q + 1), progress, at)) return {topic: p, q: q};
      }
    }
    return null;
  }
  /* The next question in reading order: on this page, else the next page's first (with
     `inChapter`, only a page of the same chapter: null after the chapter's last question). */
  function nextInBook(topic, index, inChapter) {
    if (index + 1 < topic.n) return {topic: topic, q: index + 1};
    for (var j = D.topics.indexOf(topic) + 1; j < D.topics.length; j++) {
      if (inChapter && D.topics[j].chapter !== topic.chapter) return null;
      if (D.topics[j].n) return {topic: D.topics[j], q: 0};
    }
    return null;
  }
  /* The question before, in reading order: on this page, else the previous page's last (with
     `inChapter`, as in nextInBook: null before the chapter's first question). */
  function prevInBook(topic, index, inChapter) {
    if (index > 0) return {topic: topic, q: Math.min(index, topic.n) - 1};
    for (var j = D.topics.indexOf(topic) - 1; j >= 0; j--) {
      if (inChapter && D.topics[j].chapter !== topic.chapter) return null;
      if (D.topics[j].n) return {topic: D.topics[j], q: D.topics[j].n - 1};
    }
    return null;
  }
  /* Another page: it focuses the question and says `text`. The address has no #qN while it
     loads: a fragment makes the browser move the focus itself when it scrolls there (to the
     question, or to <body> when the question is not yet focusable), racing the page's own focus;
     the page puts #qN back once loaded (addressSays). */
  function goTo(target, text) {
    leaveNote({url: siteUrl(target.topic.url), focus: target.q, text: text});
    location.href = siteUrl(target.topic.url);
  }
  /* Put `hash` in the address bar once the page has loaded (before, the browser would take it
     for the page's fragment and move the focus there itself). */
  function addressSays(hash) {
    function set() {
      if (location.hash !== hash) history.replaceState(history.state, "", location.pathname + location.search + hash);
    }
    if (document.readyState === "complete") set();
    else window.addEventListener("load", set, {once: true});
  }
  function chapterOf(slug) { return D.chapters.filter(function (c) { return c.slug === slug; })[0] || null; }
  function studyChapter(slug, panel) {
    var target = nextToStudy(slug, null, -1);
    if (!target) { tell(panel, t("study.nothing_to_study")); return; }
    setSession({chapter: slug});
    goTo(target, t("study.study_start", {title: target.topic.title, i: target.q + 1, n: target.topic.n}));
  }

  /* ---------- topic page: reveal, grade, keyboard ---------- */
  function partsOf(qdiv) {
    var parts = [], n = qdiv.nextElementSibling;
    while (n && n.tagName === "DETAILS" && (n.classList.contains("answer") || n.classList.contains("explanation"))) {
      parts.push(n);
      n = n.nextElementSibling;
    }
    return parts;
  }
  function stateLabel(rec) {
    var st = status(rec, now());
    var text = t("study.state." + st);
    if (rec && st !== "due") text += " · " + t("study.next_due", {when: when(rec.due)});
    return {state: st, text: text};
  }

  function enhanceTopic(topic) {
    var root = article();
    if (!root || root.querySelector(".qa-toolbar")) return;  // already enhanced
    var questions = Array.prototype.slice.call(root.querySelectorAll(".admonition.question[id^='q']"));
    if (!questions.length) return;
    var items = questions.map(function (qdiv) {
      var key = topic.id + "#" + qdiv.id;
      var parts = partsOf(qdiv);
      var reveal = button(t("study.reveal"), "qa-reveal", function () { setOpen(item, !isOpen(item), true); },
        {"aria-expanded": "false"});
      var stateEl = el("span", {"class": "qa-state"});
      var grades = el("span", {"class": "qa-grades", role: "group", "aria-label": t("study.grade_group")});
      GRADES.forEach(function (g) {
        grades.appendChild(button(g + " " + t("study.grade." + g), "qa-grade qa-grade-" + g, function () { doGrade(item, g); },
          {"data-grade": String(g)}));
      });
      grades.hidden = true;
      var bar = el("div", {"class": "qa-study-bar", "data-qa-key": key}, [reveal, grades, stateEl]);
      (parts.length ? parts[parts.length - 1] : qdiv).after(bar);
      qdiv.setAttribute("tabindex", "-1");
      var item = {key: key, q: qdiv, parts: parts, reveal: reveal, grades: grades, state: stateEl, bar: bar};
      parts.forEach(function (p) { p.addEventListener("toggle", function () { sync(item); }); });
      paintState(item);
      return item;
    });
    var current = -1;

    function isOpen(item) { return item.parts.length > 0 && item.parts[0].open; }
    function sync(item) {
      var open = isOpen(item);
      item.reveal.textContent = t(open ? "study.hide" : "study.reveal");
      item.reveal.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) item.grades.hidden = false;
    }
    function setOpen(item, open, speak) {
      item.parts.forEach(function (p) { p.open = open; });
      sync(item);
      if (!speak) return;  // the learner's own reveal (not "show all"): the grades come into view
      announce(t(open ? "study.revealed" : "study.hidden"));
      if (open && item.parts.length) showGrades(item.bar, item.parts[0]);
      else unpin();
    }
    function paintState(item) {
      var s = stateLabel(load().cards[item.key]);
      item.state.textContent = s.text;
      item.bar.setAttribute("data-state", s.state);
    }
    function doGrade(item, g) {
      var card = grade(item.key, g);
      unpin();
      paintState(item);
      paintBadges();
      var said = t("study.graded", {grade: t("study.grade." + g), when: when(card.due)});
      announce(flowOn() ? moveOn(items.indexOf(item), said) : said);
    }
    /* After a grade: the next question of the chapter (in a "study this chapter" session, the
       next new or due one), never one of another chapter: after the chapter's last the learner
       stays and is told; returns what to say when it is on this page. */
    function moveOn(index, said) {
      var s = session(), inSession = s && s.chapter === topic.chapter;
      var target = inSession ? nextToStudy(topic.chapter, topic, index) : nextInBook(topic, index, true);
      if (target && target.topic === topic) {
        focusQuestion(target.q);
        return sentences(said, t("study.next_question", {i: target.q + 1, n: items.length}));
      }
      if (target) {
        goTo(target, sentences(said, t("study.next_page", {title: target.topic.title, i: target.q + 1, n: target.topic.n})));
        return said;
      }
      var chapter = inSession && chapterOf(topic.chapter);
      if (chapter) {
        setSession(null);
        leaveNote({url: siteUrl(chapter.url), text: sentences(said, t("study.chapter_done"))});
        location.href = siteUrl(chapter.url);
        return said;
      }
      var more = D.topics.slice(D.topics.indexOf(topic) + 1).some(function (p) { return p.n; });
      var end = t(more ? "study.chapter_end" : "study.book_end");
      endNote(items[index], end);
      return sentences(said, end);
    }
    /* Under the question just graded, the last of its chapter (or of the book): says so, with
       the way back to the chapter's page; the live region says it (`moveOn`), not this note. */
    function endNote(item, text) {
      var note = root.querySelector(".qa-end-note") || el("div", {"class": "qa-end-note"});
      var chapter = chapterOf(topic.chapter);
      note.replaceChildren(el("p", {"class": "qa-note", text: text}));
      if (chapter) note.appendChild(el("a", {"class": "md-button qa-link-button", href: siteUrl(chapter.url),
        text: t("study.back_chapter", {title: chapter.title})}));
      item.bar.after(note);
      bringIntoView(note);
    }
    /* j and k: the next or previous question in reading order, past the page's edges as the
       help says ("next question"), but never into another chapter, as a grade never moves
       there (`moveOn`); at the chapter's ends (the book's, when no chapter lies beyond) they say so. */
    function step(forward) {
      if (current < 0) { focusQuestion(0); return; }
      var target = forward ? nextInBook(topic, current, true) : prevInBook(topic, current, true);
      if (target && target.topic === topic) focusQuestion(target.q);
      else if (target) goTo(target, t("study.page_question", {title: target.topic.title, i: target.q + 1, n: target.topic.n}));
      else {
        var beyond = forward ? nextInBook(topic, current) : prevInBook(topic, current);
        announce(t(forward ? (beyond ? "study.chapter_last" : "study.book_last")
                           : (beyond ? "study.chapter_first" : "study.book_start")));
      }
    }
    function focusQuestion(i) {
      current = Math.max(0, Math.min(items.length - 1, i));
      items.forEach(function (it, j) { it.q.classList.toggle("qa-current", j === current); });
      items[current].q.focus({preventScroll: true});
      items[current].q.scrollIntoView({block: "start", behavior: "auto"});
    }

    var helpBtn;
    var help = el("div", {"class": "qa-help", role: "dialog", "aria-modal": "false", "aria-labelledby": "qa-help-title",
      id: "qa-help", tabindex: "-1"});
    help.hidden = true;
    help.appendChild(el("h2", {id: "qa-help-title", text: t("study.help_title")}));
    var dl = el("dl");
    [["j", "study.key.next"], ["k", "study.key.prev"], ["␣ Space", "study.key.reveal"], ["1 – 4", "study.key.grade"],
      ["?", "study.key.help"]].forEach(function (row) {
      dl.appendChild(el("dt", {}, [el("kbd", {text: row[0]})]));
      dl.appendChild(el("dd", {text: t(row[1])}));
    });
    help.appendChild(dl);
    help.appendChild(button(t("study.help_close"), "qa-help-close", function () { toggleHelp(false); }));
    /* The help panel takes the focus while open, and gives it back where it was (the current
       question when nothing else had it), so that the shortcuts go on working after Esc. */
    var helpReturn = null;
    function toggleHelp(show) {
      if (show === !help.hidden) return;
      var active = document.activeElement;
      var elsewhere = active && active !== document.body && !help.contains(active);
      if (show) helpReturn = elsewhere ? active : null;
      help.hidden = !show;
      helpBtn.setAttribute("aria-expanded", show ? "true" : "false");
      if (show) { help.focus(); return; }
      var back = helpReturn && helpReturn.isConnected ? helpReturn : items[current] ? items[current].q : null;
      helpReturn = null;
      if (back && !elsewhere) back.focus();  // (unless the learner has moved on meanwhile)
    }
    helpBtn = button("? " + t("study.help"), "qa-help-btn", function () { toggleHelp(help.hidden); },
      {"aria-expanded": "false", "aria-controls": "qa-help"});
    var flowBox = el("input", {type: "checkbox", id: "qa-flow"});
    flowBox.checked = flowOn();
    flowBox.addEventListener("change", function () { setFlow(flowBox.checked); });
    var toolbar = el("div", {"class": "qa-toolbar", role: "group", "aria-label": t("study.toolbar")}, [
      button(t("study.show_all"), "qa-show-all", function () {
        items.forEach(function (it) { setOpen(it, true, false); });
        announce(t("study.all_shown"));
      }),
      button(t("study.hide_all"), "qa-hide-all", function () {
        items.forEach(function (it) { setOpen(it, false, false); });
        announce(t("study.all_hidden"));
      }),
      helpBtn,
      el("label", {"class": "qa-flow", "for": "qa-flow"}, [flowBox, document.createTextNode(t("study.flow"))])
    ]);
    var toolbarSlot = root.querySelector(".qa-toolbar-slot");  // the room the page kept for it
    if (toolbarSlot) toolbarSlot.replaceWith(toolbar);
    else questions[0].before(toolbar);
    toolbar.after(help);

    function itemAt(node) {  // the question whose box or study bar holds `node`
      for (var i = 0; i < items.length; i++) if (items[i].q.contains(node) || items[i].bar.contains(node)) return i;
      return -1;
    }
    /* Single keys are shortcuts wherever the focus is, except in a text field; Enter is left to
       what has the focus, and so is Space on a link, a checkbox or a question's own buttons
       (which act on that question) — but not on the toolbar's and help panel's buttons, where
       Space shows the current answer like anywhere else on the page. */
    pageKeys = function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var target = e.target || document.body;
      if (typing(target)) return;
      var ours = target.tagName === "BUTTON" && target.closest(".qa-toolbar, .qa-help");
      if (e.key === " " && INTERACTIVE.test(target.tagName) && !ours) return;
      var at = itemAt(target);
      if (at >= 0) current = at;
      if (e.key === "?") { toggleHelp(help.hidden); e.preventDefault(); return; }
      if (e.key === "Escape" && !help.hidden) { toggleHelp(false); return; }
      if (e.key === "j" || e.key === "k") { step(e.key === "j"); e.preventDefault(); return; }
      if (current < 0 && (e.key === " " || /^[1-4]$/.test(e.key))) current = 0;
      var item = items[current];
      if (!item) return;
      if (e.key === " ") { item.reveal.click(); e.preventDefault(); return; }
      if (/^[1-4]$/.test(e.key) && isOpen(item)) { press(item.grades, e.key); e.preventDefault(); }
    };
    var fromHash = items.findIndex(function (it) { return "#" + it.q.id === location.hash; });
    if (fromHash >= 0) current = fromHash;
    var note = takeNote(location.href);  // arrived by the study flow: this question has the focus
    if (note) {
      focusQuestion(note.focus != null ? note.focus : Math.max(0, fromHash));
      addressSays("#" + items[current].q.id);
      announce(note.text);
    }
  }

  /* ---------- lists: a badge for every topic and chapter link ---------- */
  function badge(text, state) {
    return el("span", {"class": "qa-badge qa-badge--" + state, text: text, "data-qa-badge": "1"});
  }
  function paintBadges() {
    var progress = load();
    document.querySelectorAll("[data-qa-badge]").forEach(function (b) { b.remove(); });
    document.querySelectorAll(".md-content a[href], .md-nav--primary a[href]").forEach(function (a) {
      /* not the page's own controls, its table of contents, nor Material's breadcrumbs (navigation.path) */
      if (a.closest(".qa-progress, .qa-study-bar, .qa-session, .qa-due-list, .headerlink, .md-nav--secondary, .md-path")) return;
      var href = a.href;
      var topic = topicAt(href);
      if (topic) {
        var st = topicState(topic, progress);
        a.appendChild(badge(t("study.state." + st), st));
        return;
      }
      var chapter = a.closest(".md-content") ? chapterAt(href) : null;
      if (chapter) {
        var c = tally(chapterKeys(chapter.slug), progress);
        var state = c.due ? "due" : c.mastered === c.total ? "mastered" : c["new"] === c.total ? "new" : "learning";
        a.after(badge(t("study.mastered_short", c), state));
      }
    });
    document.querySelectorAll("[data-qa-progress]").forEach(function (p) {
      var slug = p.getAttribute("data-qa-progress");
      p.textContent = t("study.progress", tally(chapterKeys(slug), progress));
    });
  }

  /* ---------- home and chapter pages: progress, reset, export, import ---------- */
  function studyLink(page, label, slug) {
    var href = siteUrl(D.pages[page]) + (slug ? "?chapter=" + encodeURIComponent(slug) : "");
    return el("a", {"class": "md-button qa-link-button", href: href, text: label});
  }
  function resetKeys(keys) {
    if (!window.confirm(t("study.reset_confirm"))) return;
    var progress = load(), n = 0;
    keys.forEach(function (k) { if (progress.cards[k]) { delete progress.cards[k]; n += 1; } });
    save(progress);
    paintBadges();
    announce(t("study.reset_done", {n: n}));
  }
  function exportProgress() {
    var data = {format: "qabook-progress", version: 1, book: D.book, exported: new Date(now()).toISOString(),
      cards: load().cards};
    var blob = new Blob([JSON.stringify(data, null, 2)], {type: "application/json"});
    var a = el("a", {href: URL.createObjectURL(blob), download: "qabook-progress.json"});
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function importProgress(file) {
    file.text().then(function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { data = null; }
      if (!data || data.format !== "qabook-progress" || !data.cards || typeof data.cards !== "object") {
        announce(t("study.import_bad"));
        return;
      }
      var progress = load(), n = 0;
      Object.keys(data.cards).forEach(function (k) {
        var rec = data.cards[k], mine = progress.cards[k];
        if (!rec || typeof rec.due !== "number" || typeof rec.state !== "number") return;
        if (!mine || (rec.last || 0) >= (mine.last || 0)) { progress.cards[k] = rec; n += 1; }
      });
      save(progress);
      paintBadges();
      announce(t("study.import_done", {n: n}));
    });
  }
  function progressPanel(slug) {
    if (document.querySelector(".qa-progress")) return;
    var panel = el("section", {"class": "qa-progress", "aria-label": t("study.progress_label")});
    panel.appendChild(el("p", {"class": "qa-progress-figure", "data-qa-progress": slug || ""}));
    var actions = el("div", {"class": "qa-actions"});
    if (slug) actions.appendChild(button(t("study.study_chapter"), "qa-study-chapter", function () { studyChapter(slug, panel); }));
    actions.appendChild(studyLink("review", slug ? t("study.review_chapter") : t("study.review"), slug));
    actions.appendChild(studyLink("quiz", slug ? t("study.quiz_chapter") : t("study.quiz"), slug));
    if (!slug) {
      actions.appendChild(button(t("study.export"), "qa-export", exportProgress));
      var input = el("input", {type: "file", accept: "application/json,.json", "class": "qa-sr-only", tabindex: "-1",
        "aria-hidden": "true"});
      input.addEventListener("change", function () { if (input.files[0]) importProgress(input.files[0]); input.value = ""; });
      actions.appendChild(button(t("study.import"), "qa-import", function () { input.click(); }));
      actions.appendChild(input);
      var handoff = el("div", {"class": "qa-handoff", id: "qa-handoff"});
      handoff.hidden = true;
      var opener = button(t("study.continue"), "qa-continue", function () {
        var show = handoff.hidden;
        handoff.hidden = !show;
        opener.setAttribute("aria-expanded", show ? "true" : "false");
        if (show) fillHandoff(handoff);
      }, {"aria-expanded": "false", "aria-controls": "qa-handoff"});
      actions.appendChild(opener);
    }
    actions.appendChild(button(t(slug ? "study.reset_chapter" : "study.reset_all"), "qa-reset",
      function () { resetKeys(chapterKeys(slug)); }));
    panel.appendChild(actions);
    if (!slug) panel.appendChild(handoff);
    if (!slug && D.downloads) {
      var dl = el("p", {"class": "qa-downloads"});
      D.downloads.forEach(function (d) {
        dl.appendChild(el("a", {href: siteUrl(d.url), download: "", text: t(d.label)}));
        dl.appendChild(document.createTextNode(" "));
      });
      panel.appendChild(dl);
    }
    var slot = document.querySelector(".qa-progress-slot");  // space the page kept for it: no layout shift
    var h1 = article() && article().querySelector("h1");
    if (slot) slot.replaceWith(panel);
    else if (h1) h1.after(panel);
    var note = takeNote(location.href);  // the study flow ended here
    if (note) tell(panel, note.text);
    var link = lastLink;  // merged into the page this one replaced: said here
    if (link && link.said && link.url === here && !(link.shownIn && link.shownIn.isConnected)) {
      showNote(panel, link.said);
      link.shownIn = panel;
    }
  }

  /* ---------- progress by link: "continue on another device" ---------- */
  var CODEC = "assets/qabook/progresslink.js", QR = "assets/qabook/vendor/qrcode-generator.js";
  var QR_BYTES = 2953;  // QR code version 40 at error correction level L, byte mode
  function fillHandoff(box) {
    box.textContent = t("study.loading");
    loadScript(CODEC, "qabookProgressLink").then(function (L) {
      box.textContent = "";
      var made = L.encode(load().cards, chapterKeys(""));
      if (!made.count) { box.appendChild(el("p", {text: t("study.link_empty")})); return; }
      if (made.tooMany) {
        box.appendChild(el("p", {text: t("study.link_too_big", {n: made.tooMany, max: L.MAX_CARDS})}));
        return;
      }
      var link = siteUrl(D.pages.home) + "#" + L.PREFIX + made.text;
      box.appendChild(el("p", {text: t("study.link_intro")}));
      var field = el("input", {type: "text", readonly: "readonly", value: link, id: "qa-handoff-link",
        "class": "qa-handoff-link", "aria-label": t("study.link_label")});
      field.addEventListener("focus", function () { field.select(); });
      var copied = el("span", {"class": "qa-handoff-copied", role: "status"});
      box.appendChild(el("p", {"class": "qa-handoff-row"}, [field, button(t("study.link_copy"), "qa-copy-link", function () {
        field.select();
        var done = function () { copied.textContent = t("study.link_copied"); };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).then(done, function () {
          if (document.execCommand("copy")) done();
        });
        else if (document.execCommand("copy")) done();
      }), copied]));
      box.appendChild(el("p", {"class": "qa-handoff-count", text: t("study.link_count", {n: made.count, chars: link.length})}));
      var perCard = made.text.length / made.count;
      loadScript(QR, "qrcode").then(function (qrcode) {
        var figure = qrFigure(qrcode, link);
        if (figure) box.appendChild(figure);
        else box.appendChild(el("p", {"class": "qa-handoff-noqr",
          text: t("study.link_no_qr", {max: Math.floor((QR_BYTES - (link.length - made.text.length)) / perCard)})}));
      });
    }, function () { box.textContent = t("study.link_bad"); });
  }
  /* The link as a QR code: an SVG drawn here from the encoder's modules (nothing leaves the page). */
  function qrFigure(qrcode, text) {
    var qr;
    try {
      qr = qrcode(0, "L");
      qr.addData(text, "Byte");
      qr.make();
    } catch (e) { return null; }  // longer than a QR code holds
    var n = qr.getModuleCount(), d = [];
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) if (qr.isDark(r, c)) d.push("M" + c + " " + r + "h1v1h-1z");
    }
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "-4 -4 " + (n + 8) + " " + (n + 8));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("study.link_qr"));
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("class", "qa-qr");
    svg.setAttribute("data-modules", String(n));
    var bg = document.createElementNS(NS, "rect");
    [["x", -4], ["y", -4], ["width", n + 8], ["height", n + 8], ["fill", "#fff"]].forEach(function (a) { bg.setAttribute(a[0], a[1]); });
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.appendChild(bg);
    svg.appendChild(path);
    return el("figure", {"class": "qa-qr-figure"}, [svg]);
  }
  /* Arriving by a progress link — by loading it, or pasted into a tab where the book is open
     (only the fragment changes: "hashchange"): take the progress out of the address bar at once
     (so it is neither merged twice nor shared by accident), merge it (the newest review of each
     card wins) and say what changed. */
  var LINK = "#qa-progress=";
  /* The last link merged in this tab. With Material's instant navigation a link pasted while the
     next page is still on its way merges at once, into the page being left; when the new page is
     swapped in, Material replays the address's fragment (the same link arrives again). So: the
     arrived page's panel shows what the merge said, and the replay merges nothing. Known by the
     content container: Material replaces it with every page it swaps in. */
  var lastLink = null;
  function container() { return document.querySelector("[data-md-component=container]"); }
  function arriveWithLink() {
    if (location.hash.indexOf(LINK) !== 0) return;
    var text = location.hash.slice(LINK.length);
    history.replaceState(history.state, "", location.pathname + location.search);
    var at = norm(location.href);
    if (lastLink && lastLink.text === text && lastLink.url === at && !lastLink.replayed &&
        lastLink.container && !lastLink.container.isConnected) {
      lastLink.replayed = true;  // Material replaying the fragment of the page it swapped in
      return;
    }
    var link = lastLink = {text: text, url: at, container: container(), said: null, shownIn: null, replayed: false};
    loadScript(CODEC, "qabookProgressLink").then(function (L) {
      var got = L.decode(text, chapterKeys(""));
      var said;
      if (got.error) said = t(got.error === "other-book" ? "study.link_other_book" : "study.link_bad");
      else {
        var progress = load();
        var merged = L.merge(progress.cards, got.cards);
        progress.cards = merged.cards;
        save(progress);
        paintBadges();
        said = mergeMessage(merged);
      }
      link.said = said;
      link.shownIn = document.querySelector(".qa-progress");
      tell(link.shownIn, said);
    });
  }
  window.addEventListener("hashchange", arriveWithLink);
  /* What a merge changed, in the book's language: only the counts that are not zero, or that
     there was nothing new. */
  function mergeMessage(m) {
    if (!m.added && !m.updated) return t(m.kept ? "study.link_nothing_new_kept" : "study.link_nothing_new", m);
    var parts = [];
    if (m.added) parts.push(t("study.link_added", {n: m.added}));
    if (m.updated) parts.push(t("study.link_updated", {n: m.updated}));
    if (m.kept) parts.push(t("study.link_kept", {n: m.kept}));
    return t("study.link_merged", {changes: parts.join(t("study.list_sep"))});
  }

  /* ---------- review and quiz pages ---------- */
  var scripts = {};
  function loadScript(path, global) {  // a script of this site, once; resolves to window[global]
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        if (global && window[global]) { resolve(window[global]); return; }
        var s = el("script", {src: base + path});
        s.onload = function () { resolve(window[global]); };
        s.onerror = function () { delete scripts[path]; reject(new Error("cannot load " + path)); };
        document.head.appendChild(s);
      });
    }
    return scripts[path];
  }
  /* A chapter's cards (each question's HTML), from its own file (study-cards/<n>.js, named in
     D.cards), once: a page loads only the chapters its questions come from. */
  var chapterCards = {};
  function loadChapterCards(slug) {
    var name = (D.cards || {})[slug];
    if (!name) return Promise.resolve({});
    if (!chapterCards[slug]) {
      chapterCards[slug] = loadScript("assets/qabook/study-cards/" + name, "").then(function () {
        return (window.QABOOK_CARDS || {})[slug] || {};
      }, function (e) { delete chapterCards[slug]; throw e; });
    }
    return chapterCards[slug];
  }
  /* The cards with their HTML filled in (question, answer, explanation). */
  function withHtml(cards) {
    var slugs = {};
    cards.forEach(function (c) { slugs[c.topic.chapter] = 1; });
    return Promise.all(Object.keys(slugs).map(loadChapterCards)).then(function (loaded) {
      var html = {};
      Object.keys(slugs).forEach(function (slug, i) { html[slug] = loaded[i]; });
      cards.forEach(function (c) {
        var h = html[c.topic.chapter][c.key] || {};
        c.question = h.q || ""; c.answer = h.a || ""; c.explanation = h.e || "";
      });
      return cards;
    });
  }
  function allCards() {  // every question of the book, without its HTML (withHtml)
    var list = [];
    D.topics.forEach(function (p) {
      keysOf(p).forEach(function (k, i) {
        list.push({key: k, topic: p, anchor: "q" + (i + 1), question: "", answer: "", explanation: ""});
      });
    });
    return list;
  }
  function scopeSelect(withTags, selected) {
    var select = el("select", {id: "qa-scope", name: "scope"});
    select.appendChild(el("option", {value: "", text: t("study.scope_book")}));
    D.chapters.forEach(function (c) { select.appendChild(el("option", {value: "chapter:" + c.slug, text: c.title})); });
    if (withTags) {
      var tags = {};
      D.topics.forEach(function (p) { (p.tags || []).forEach(function (g) { tags[g] = 1; }); });
      Object.keys(tags).sort().forEach(function (g) {
        select.appendChild(el("option", {value: "tag:" + g, text: t("study.scope_tag", {tag: g})}));
      });
    }
    select.value = selected || "";
    return select;
  }
  function inScope(card, scope) {
    if (!scope) return true;
    if (scope.indexOf("chapter:") === 0) return card.topic.chapter === scope.slice(8);
    if (scope.indexOf("tag:") === 0) return (card.topic.tags || []).indexOf(scope.slice(4)) >= 0;
    return true;
  }
  function field(labelText, control) {
    return el("p", {"class": "qa-field"}, [el("label", {"for": control.id, text: labelText}), control]);
  }

  function block(kind, html) {  // a question / answer / explanation box, titled like the topic pages
    var box = el("div", {"class": "admonition " + kind});
    box.appendChild(el("p", {"class": "admonition-title", text: t("block." + kind)}));
    box.insertAdjacentHTML("beforeend", html);
    return box;
  }

  /* One question at a time: question, reveal, grade, next; then the summary, with the way on:
     another round, (review) when the next questions come due, back to the chapter or home. */
  function runSession(box, cards, again, scope, review) {
    var i = 0, counts = {1: 0, 2: 0, 3: 0, 4: 0};
    var session = el("div", {"class": "qa-session"});
    box.innerHTML = "";
    box.appendChild(session);
    function show() {
      session.innerHTML = "";
      if (i >= cards.length) return summary();
      var c = cards[i];
      var revealed = false;
      session.appendChild(el("p", {"class": "qa-position", text: t("study.position", {i: i + 1, n: cards.length})}));
      var topicLink = el("a", {href: siteUrl(c.topic.url) + "#" + c.anchor, text: c.topic.title});
      session.appendChild(el("p", {"class": "qa-meta"}, [topicLink]));
      var q = block("question", c.question);
      q.classList.add("qa-card-question");
      q.setAttribute("tabindex", "-1");
      session.appendChild(q);
      var back = el("div", {"class": "qa-card-back"});
      back.hidden = true;
      if (c.answer) back.appendChild(block("answer", c.answer));
      if (c.explanation) back.appendChild(block("explanation", c.explanation));
      var grades = el("div", {"class": "qa-grades", role: "group", "aria-label": t("study.grade_group")});
      GRADES.forEach(function (g) {
        grades.appendChild(button(g + " " + t("study.grade." + g), "qa-grade qa-grade-" + g, function () { doGrade(g); },
          {"data-grade": String(g)}));
      });
      back.appendChild(grades);
      var reveal = button(t("study.reveal"), "qa-reveal", doReveal, {"aria-expanded": "false"});
      session.appendChild(reveal);
      session.appendChild(back);
      q.focus({preventScroll: true});
      function doReveal() {
        if (revealed) return;
        revealed = true;
        back.hidden = false;
        reveal.hidden = true;
        reveal.setAttribute("aria-expanded", "true");
        announce(t("study.revealed"));
        grades.querySelector("button").focus({preventScroll: true});  // the answer shows below the question
        showGrades(grades, back);
      }
      function doGrade(g) {
        unpin();
        var card = grade(c.key, g);
        counts[g] += 1;
        announce(t("study.graded", {grade: t("study.grade." + g), when: when(card.due)}));
        i += 1;
        show();
      }
      pageKeys = function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.target && typing(e.target)) return;
        if (e.key === " " && !revealed && !(e.target && INTERACTIVE.test(e.target.tagName))) { reveal.click(); e.preventDefault(); }
        else if (revealed && /^[1-4]$/.test(e.key)) { press(grades, e.key); e.preventDefault(); }
      };
    }
    function summary() {
      pageKeys = null;
      var text = t("study.summary", {n: cards.length, again: counts[1], hard: counts[2], good: counts[3], easy: counts[4]});
      var next = review ? nextReview(scope) : "";
      var p = el("p", {"class": "qa-summary", tabindex: "-1", text: text});
      session.appendChild(p);
      if (next) session.appendChild(el("p", {"class": "qa-next-review", text: next}));
      var actions = el("div", {"class": "qa-actions qa-end-actions"}, [button(t("study.again_round"), "qa-again", again)]);
      var chapter = scope && scope.indexOf("chapter:") === 0 ? chapterOf(scope.slice(8)) : null;
      if (chapter) actions.appendChild(el("a", {"class": "md-button qa-link-button", href: siteUrl(chapter.url),
        text: t("study.back_chapter", {title: chapter.title})}));
      actions.appendChild(el("a", {"class": "md-button qa-link-button", href: siteUrl(D.pages.home || ""), text: t("study.back_home")}));
      session.appendChild(actions);
      p.focus({preventScroll: true});
      bringIntoView(p);
      announce(sentences(text, next));
      paintBadges();
    }
    show();
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var tmp = list[i]; list[i] = list[j]; list[j] = tmp;
    }
    return list;
  }
  function plain(html) { var d = document.createElement("div"); d.innerHTML = html; return d.textContent.trim(); }

  /* When the scope's next question comes due (Infinity when none is studied yet), and how many
     are due now. */
  function dueSoonest(scope) {
    var progress = load(), at = now(), dueNow = 0, next = Infinity;
    allCards().forEach(function (c) {
      var rec = progress.cards[c.key];
      if (!rec || !inScope(c, scope)) return;
      if (rec.due <= at) dueNow += 1;
      else next = Math.min(next, rec.due);
    });
    return {dueNow: dueNow, next: next};
  }
  /* The end of a review: how many of the scope are due now, else when the next one is. */
  function nextReview(scope) {
    var d = dueSoonest(scope);
    if (d.dueNow) return t("study.still_due", {n: d.dueNow});
    return isFinite(d.next) ? t("study.next_review", {when: when(d.next)}) : "";
  }

  function reviewPage(box) {
    var params = new URLSearchParams(location.search);
    var slug = params.get("chapter");
    var select = scopeSelect(false, slug ? "chapter:" + slug : "");
    var form = el("div", {"class": "qa-form"}, [field(t("study.scope"), select)]);
    var listBox = el("div", {"class": "qa-due-list", "aria-live": "polite"});
    var runBox = el("div");
    box.innerHTML = "";
    box.appendChild(form);
    box.appendChild(listBox);
    box.appendChild(runBox);
    function due() {
      var progress = load(), at = now();
      return allCards().filter(function (c) {
        var rec = progress.cards[c.key];
        return rec && rec.due <= at && inScope(c, select.value);
      });
    }
    /* A question in its learning steps comes due minutes later: the screen says when, and
       lists it by itself once it is due (within the hour) while the learner waits here. */
    var refresh = null, drawn = 0;
    function render() {  // the due questions' HTML first: only their chapters' cards are loaded
      var cards = due(), turn = ++drawn;
      clearTimeout(refresh);
      withHtml(cards).then(function () { if (turn === drawn) draw(cards); },
        function () { if (turn === drawn) listBox.textContent = t("study.cards_failed"); });
    }
    function draw(cards) {
      listBox.innerHTML = "";
      listBox.appendChild(el("h2", {text: t("study.due_now", {n: cards.length})}));
      if (!cards.length) {
        listBox.appendChild(el("p", {text: t("study.nothing_due")}));
        var next = dueSoonest(select.value).next;
        if (isFinite(next)) listBox.appendChild(el("p", {"class": "qa-next-review", text: t("study.next_review", {when: when(next)})}));
        if (next - now() < 3600000) refresh = setTimeout(function () { if (!listBox.hidden) render(); }, next - now() + 250);
        return;
      }
      var ol = el("ol", {"class": "qa-due"});
      cards.forEach(function (c) {
        ol.appendChild(el("li", {"data-qa-key": c.key}, [
          el("a", {href: siteUrl(c.topic.url) + "#" + c.anchor, text: c.topic.title}),
          el("span", {text: " — " + plain(c.question).slice(0, 80)})
        ]));
      });
      listBox.appendChild(ol);
      listBox.appendChild(button(t("study.start_review"), "qa-start", function () {
        form.hidden = true;
        listBox.hidden = true;
        runSession(runBox, cards, function () { form.hidden = false; listBox.hidden = false; runBox.innerHTML = ""; render(); },
          select.value, true);
      }));
    }
    select.addEventListener("change", render);
    render();
  }

  function quizPage(box) {
    var params = new URLSearchParams(location.search);
    var slug = params.get("chapter");
    var select = scopeSelect(true, slug ? "chapter:" + slug : "");
    var filter = el("select", {id: "qa-filter"});
    [["all", "study.filter_all"], ["due", "study.filter_due"], ["again", "study.filter_again"]].forEach(function (o) {
      filter.appendChild(el("option", {value: o[0], text: t(o[1])}));
    });
    var count = el("input", {id: "qa-count", type: "number", min: "1", value: "10", inputmode: "numeric"});
    var message = el("p", {"class": "qa-message", "aria-live": "polite"});
    var runBox = el("div");
    var form = el("div", {"class": "qa-form"}, [field(t("study.scope"), select), field(t("study.quiz_filter"), filter),
      field(t("study.quiz_count"), count)]);
    form.appendChild(button(t("study.start_quiz"), "qa-start", start));
    box.innerHTML = "";
    box.appendChild(form);
    box.appendChild(message);
    box.appendChild(runBox);
    function start() {
      var progress = load(), at = now();
      var cards = allCards().filter(function (c) {
        if (!inScope(c, select.value)) return false;
        var rec = progress.cards[c.key];
        if (filter.value === "due") return rec && rec.due <= at;
        if (filter.value === "again") return rec && rec.grade === 1;
        return true;
      });
      var n = Math.max(1, parseInt(count.value, 10) || 10);
      cards = shuffle(cards).slice(0, n);
      if (!cards.length) { message.textContent = t("study.no_questions"); return; }
      message.textContent = "";
      form.hidden = true;
      withHtml(cards).then(function () {  // only the chosen questions' chapters are loaded
        runSession(runBox, cards, function () { form.hidden = false; runBox.innerHTML = ""; }, select.value, false);
      }, function () { form.hidden = false; message.textContent = t("study.cards_failed"); });
    }
  }

  /* ---------- which page is this ---------- */
  function init() {
    here = norm(location.href);
    pageKeys = null;
    if (lastLink && lastLink.url !== here) lastLink = null;
    var box = document.getElementById("qa-study-app");
    if (box) {
      if (box.getAttribute("data-ready")) return;
      box.setAttribute("data-ready", "1");
      (box.getAttribute("data-mode") === "quiz" ? quizPage : reviewPage)(box);
      return;
    }
    arriveWithLink();
    var topic = topicAt(here);
    if (topic) enhanceTopic(topic);
    var chapter = chapterAt(here);
    /* D.pages.home is there when the home page is the book's (option home): then the whole site
       is the book; otherwise study mode keeps to the Q&A pages and leaves the site's own alone */
    var book = D.pages.home != null;
    if (chapter) progressPanel(chapter.slug);
    else if (book && norm(siteUrl(D.pages.home)) === here) progressPanel("");
    if (topic || chapter || book) paintBadges();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
