/* qabook serve: the page hears each save on the server's event stream (/.qabook/events) and
   shows it by itself. When the page being read was rendered again, its new HTML is fetched and
   swapped in the way Material's instant navigation swaps a page (then Material, qabook and study
   mode set it up again through document$): the reader stays where they were, with the same
   answers and explanations open. A full rebuild reloads the page and puts the reader back. The
   findings of a saved page appear at once in a panel at the bottom of the window (on a phone, as
   a badge in the header bar that opens and closes the panel).
   Only in the live preview (qabook.live), never in a built site. */
(function () {
  if (!window.EventSource || !window.fetch || !window.DOMParser) return;
  var KEY = "qabook.live:" + location.pathname;
  var PARTS = ["[data-md-component=container]", "[data-md-component=header-topic]",
               "[data-md-component=skip]", "[data-md-component=announce]"];

  function here() {
    var path = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    return path.replace(/(^|\/)index\.html$/, "$1");
  }
  function same(url) {  /* MkDocs' URL of a page ("c000/t/", "./" for home, quoted) is this page */
    var path;
    try { path = decodeURIComponent(String(url)); } catch (e) { path = String(url); }
    path = path.replace(/^\/+/, "").replace(/^\.\//, "").replace(/^\.$/, "");
    return path.replace(/(^|\/)index\.html$/, "$1") === here();
  }

  /* which answers and explanations are open: by question anchor and block kind, so a block
     added or removed above does not move the others' state */
  function openBlocks() {
    var open = [], question = "", count = {};
    document.querySelectorAll(".md-content .admonition.question[id], .md-content details").forEach(function (el) {
      if (el.tagName !== "DETAILS") { question = el.id; count = {}; return; }
      var kind = question + ":" + (el.className || "details");
      count[kind] = (count[kind] || 0) + 1;
      if (el.open) open.push(kind + ":" + count[kind]);
    });
    return open;
  }
  function reopen(open) {
    var want = {}, question = "", count = {};
    open.forEach(function (k) { want[k] = true; });
    document.querySelectorAll(".md-content .admonition.question[id], .md-content details").forEach(function (el) {
      if (el.tagName !== "DETAILS") { question = el.id; count = {}; return; }
      var kind = question + ":" + (el.className || "details");
      count[kind] = (count[kind] || 0) + 1;
      if (want[kind + ":" + count[kind]]) el.open = true;
    });
  }
  function state() { return { x: window.scrollX, y: window.scrollY, open: openBlocks() }; }
  function putBack(s) {
    reopen(s.open);
    window.scrollTo(s.x, s.y);
    requestAnimationFrame(function () { window.scrollTo(s.x, s.y); });
  }

  /* when each step of the last save happened here (Date.now()), for the benchmark's step table */
  var steps = window.__qaLiveSteps = [];
  function mark(name) { steps.push([name, Date.now()]); }

  /* the page's new HTML: sent with the event when the server knew this page was open, else fetched */
  function swap(sent) {
    var before = state();
    var html = typeof sent === "string" ? Promise.resolve(sent) : fetch(location.href, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    });
    return html.then(function (html) {
      mark("fetched");
      var next = new DOMParser().parseFromString(html, "text/html");
      mark("parsed");
      var swapped = 0;
      PARTS.forEach(function (selector) {
        var now = document.querySelector(selector), then = next.querySelector(selector);
        if (now && then) { now.replaceWith(document.importNode(then, true)); swapped++; }
      });
      if (!swapped) throw new Error("no page parts");
      document.title = next.title;
      mark("replaced");
      if (window.qabookNav) window.qabookNav.render();  /* the shared navigation first: study mode badges its links */
      if (window.document$ && typeof window.document$.next === "function") window.document$.next(document);
      mark("set up");
      putBack(before);
      mark("swapped");
      requestAnimationFrame(function () { setTimeout(function () { mark("painted"); }, 0); });
      document.documentElement.setAttribute("data-qa-live", String(Date.now()));
    }).catch(function () { reload(); });
  }
  function reload() {
    try { sessionStorage.setItem(KEY, JSON.stringify(state())); } catch (e) { /* private mode */ }
    location.reload();
  }

  /* The findings panel floats at the bottom of the window (it never pushes the text being read;
     × closes it). On a phone (Material's phone layout) it would cover a third of the screen: there
     the findings are a badge in the header bar (covering nothing), and the panel opens and closes
     with a tap on it. */
  var PHONE = window.matchMedia ? window.matchMedia("(max-width: 44.9375em)") : null;
  var opened = false;  /* on a phone: the author opened the panel with the badge */
  var said = { count: 0, label: "" };  /* what the badge says: how many findings, the panel's titles */
  function phone() { return !!(PHONE && PHONE.matches); }
  function panel() {
    var box = document.getElementById("qa-live-findings");
    if (box) return box;
    opened = false;
    box = document.createElement("aside");
    box.id = "qa-live-findings";
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "1rem"; s.right = "1rem"; s.bottom = "1rem"; s.zIndex = "10";
    s.maxHeight = "40vh"; s.overflow = "auto"; s.padding = ".6rem .8rem"; s.borderRadius = ".2rem";
    s.background = "var(--md-default-bg-color, #fff)"; s.color = "var(--md-default-fg-color, #000)";
    s.border = "2px solid #ff1744"; s.boxShadow = "0 .2rem .6rem rgba(0,0,0,.3)"; s.fontSize = ".7rem";
    document.body.appendChild(box);
    return box;
  }
  function badge() {
    var button = document.getElementById("qa-live-badge");
    if (button) return button;
    button = document.createElement("button");
    button.type = "button";
    button.id = "qa-live-badge";
    button.setAttribute("aria-controls", "qa-live-findings");
    var s = button.style;
    s.minWidth = s.minHeight = "2rem";  /* a finger's width */
    s.padding = "0 .5rem"; s.margin = "0 .2rem"; s.borderRadius = "1rem"; s.border = "none";
    s.background = "#ff1744"; s.color = "#fff"; s.fontSize = ".7rem"; s.fontWeight = "700";
    s.cursor = "pointer"; s.flexShrink = "0"; s.alignSelf = "center";
    button.addEventListener("click", function () { opened = !opened; layout(); });
    var header = document.querySelector(".md-header__inner");
    if (header) {  /* beside the header's buttons, before search */
      header.insertBefore(button, header.querySelector("label[for=__search]") || null);
    } else {
      s.position = "fixed"; s.top = ".5rem"; s.right = ".5rem"; s.zIndex = "10";
      document.body.appendChild(button);
    }
    return button;
  }
  function layout() {
    var box = document.getElementById("qa-live-findings");
    var button = document.getElementById("qa-live-badge");
    if (!box) { if (button) button.remove(); return; }
    if (!phone()) { box.hidden = false; box.style.maxHeight = "40vh"; if (button) button.remove(); return; }
    button = badge();
    button.textContent = "\u26a0 " + said.count;
    button.setAttribute("aria-label", said.label);
    box.hidden = !opened;
    box.style.maxHeight = "50vh";
    button.setAttribute("aria-expanded", String(opened));
  }
  function closeFindings() {
    var box = document.getElementById("qa-live-findings"), button = document.getElementById("qa-live-badge");
    if (box) box.remove();
    if (button) button.remove();
  }
  if (PHONE) {
    if (PHONE.addEventListener) PHONE.addEventListener("change", layout);
    else if (PHONE.addListener) PHONE.addListener(layout);
  }
  function showFindings(findings) {
    var shown = (findings || []).filter(function (f) { return f.items && f.items.length; });
    if (!shown.length) { closeFindings(); return; }
    var box = panel();
    box.textContent = "";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", shown[0].close || "Close");
    close.style.cssFloat = "right";
    close.style.minWidth = close.style.minHeight = "2rem";  /* a finger's width on a phone */
    close.style.fontSize = "1rem"; close.style.cursor = "pointer";
    close.addEventListener("click", closeFindings);
    box.appendChild(close);
    var count = 0;
    shown.forEach(function (f) {
      var title = document.createElement("strong");
      title.textContent = f.title;
      box.appendChild(title);
      var list = document.createElement("ul");
      f.items.forEach(function (line) {
        var li = document.createElement("li");
        var code = document.createElement("code");
        code.textContent = line;
        li.appendChild(code);
        list.appendChild(li);
        count++;
      });
      box.appendChild(list);
    });
    said = { count: count, label: shown.map(function (f) { return f.title; }).join("; ") };
    layout();
  }

  function heard(message) {
    if (message.kind === "reload") { reload(); return; }
    if (message.findings) showFindings(message.findings);  /* a follow-up (the pages listing a saved page) has none */
    if ((message.urls || []).some(same)) {
      steps.length = 0;
      mark("heard");
      swap(message.html);
    }
    document.documentElement.setAttribute("data-qa-live-heard", (message.urls || []).join(" "));  /* the last message, for tests */
  }

  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); } catch (e) { saved = null; }
  if (saved) window.addEventListener("load", function () { putBack(saved); });

  var source = new EventSource("/.qabook/events?page=" + encodeURIComponent(location.pathname));
  source.onmessage = function (e) {
    try { heard(JSON.parse(e.data)); } catch (err) { /* a message this page cannot read */ }
  };
  source.onopen = function () { document.documentElement.setAttribute("data-qa-live-ready", ""); };
})();
