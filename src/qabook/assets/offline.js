/* qabook offline: the page's side of the offline book. Registers the service worker (sw.js at
   the site root, after the page has loaded), tells it what this page loaded before it was in
   control (the first visit), fills the offline panels ([data-qa-offline]: what is saved, the
   whole book's size, the button that saves it), lists the saved pages on the offline page, and
   tells the learner once when a rebuilt book has replaced the saved one. The build puts
   window.QABOOK_OFFLINE_UI = {strings} in front. Does nothing on file:// or where a browser
   has no service workers. */
(function () {
  "use strict";
  var UI = window.QABOOK_OFFLINE_UI || {strings: {}};
  var sw = navigator.serviceWorker;
  if (!sw || !/^https?:$/.test(location.protocol)) return;
  var base = document.currentScript.src.replace(/assets\/qabook\/offline\.js(?:[?#].*)?$/, "");
  var TOLD = "qabook-offline-version:" + new URL(base).pathname;
  var running = false;  // a whole-book download of this page is under way

  function t(key, values) {
    var text = UI.strings[key] || key;
    return values ? text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] != null ? values[k] : m; }) : text;
  }
  function size(bytes) {
    if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0) + " MB";
  }
  function worker() {
    return sw.ready.then(function (reg) { return reg.active; });
  }
  function ask(message) {  // a question to the worker, its answer through a channel
    return worker().then(function (active) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (e) { resolve(e.data); };
        active.postMessage(message, [channel.port2]);
      });
    });
  }
  function panels() { return Array.prototype.slice.call(document.querySelectorAll("[data-qa-offline]")); }

  function paint(s) {
    panels().forEach(function (panel) {
      var status = panel.querySelector(".qa-offline-status");
      var button = panel.querySelector(".qa-offline-all");
      if (running) return;
      if (s.complete) {
        status.textContent = t("offline.all_saved", {size: size(s.bytes)});
        button.hidden = true;
      } else {
        status.textContent = t("offline.saved", {n: s.pages.length, size: size(s.keptBytes)});
        button.hidden = false;
        button.disabled = false;
        button.textContent = t(s.whole ? "offline.resume_all" : "offline.make_all_size", {size: size(s.bytes - s.keptBytes)});
      }
    });
    var list = document.querySelector(".qa-offline-pages");
    if (list) {
      list.textContent = "";
      s.pages.forEach(function (p) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = base + p[0].replace(/(^|\/)index\.html$/, "$1");
        a.textContent = p[1] || p[0];
        li.appendChild(a);
        list.appendChild(li);
      });
      if (!s.pages.length) {
        var li = document.createElement("li");
        li.textContent = list.getAttribute("data-empty");
        list.appendChild(li);
      }
    }
  }
  function refresh() {
    var shown = panels().length || document.querySelector(".qa-offline-pages");
    return ask({type: "status", pages: !!shown}).then(function (s) {
      if (shown) paint(s);
      return s;
    });
  }
  function announce(panel, text) {
    var status = panel.querySelector(".qa-offline-status");
    if (status) status.textContent = text;
  }
  function saveAll(button) {
    running = true;
    panels().forEach(function (p) {
      p.querySelector(".qa-offline-all").disabled = true;
      announce(p, t("offline.downloading"));
    });
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    worker().then(function (active) { active.postMessage({type: "whole"}); });
    button.blur();
  }

  /* Once per new version: the book was rebuilt and the saved copy replaced. */
  function tellUpdate(version) {
    var seen = null;
    try { seen = localStorage.getItem(TOLD); localStorage.setItem(TOLD, version); } catch (e) { return; }
    if (!seen || seen === version) return;
    var note = document.createElement("div");
    note.className = "qa-offline-note";
    note.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = t("offline.updated");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "qa-offline-note-close";
    close.textContent = t("offline.close");
    close.addEventListener("click", function () { note.remove(); });
    note.appendChild(text);
    note.appendChild(close);
    document.body.appendChild(note);
  }

  /* What this page loaded (its first visit was before the worker was in control). */
  function keepThisPage() {
    var urls = [location.href];
    if (window.performance && performance.getEntriesByType) {
      performance.getEntriesByType("resource").forEach(function (e) { urls.push(e.name); });
    }
    return worker().then(function (active) { active.postMessage({type: "keep", urls: urls}); });
  }

  sw.addEventListener("message", function (e) {
    var m = e.data || {};
    if (m.type === "progress") {
      panels().forEach(function (p) { announce(p, t("offline.progress", {done: m.done, total: m.total})); });
    } else if (m.type === "whole-done" || m.type === "whole-failed") {
      running = false;
      refresh().then(function () {
        if (m.type === "whole-failed") panels().forEach(function (p) { announce(p, t("offline.failed")); });
      });
    } else if (m.type === "activated") {
      tellUpdate(m.version);
      refresh();
    }
  });

  function setUp() {
    panels().forEach(function (panel) {
      var button = panel.querySelector(".qa-offline-all");
      if (button && !button.getAttribute("data-ready")) {
        button.setAttribute("data-ready", "1");
        button.addEventListener("click", function () { saveAll(button); });
      }
    });
    var missing = document.querySelector(".qa-offline-missing");
    var from = new URLSearchParams(location.search).get("from");
    if (missing && from) {
      missing.hidden = false;
      missing.querySelector(".qa-offline-retry").href = base + from.replace(/^\/+/, "");
    }
    keepThisPage().then(refresh).then(function (s) { tellUpdate(s.version); });
  }

  function start() {
    sw.register(base + "sw.js", {scope: base}).catch(function () { /* no worker: the site works as before */ });
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
    else setUp();
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
