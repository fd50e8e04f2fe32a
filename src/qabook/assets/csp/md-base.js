/* Material for MkDocs' inline helpers (partials/javascripts/base.html), as a file: the scope is
   read from this script's data-scope attribute instead of being written into the page. */
var __md_scope = new URL(document.currentScript.dataset.scope || ".", location),
  __md_hash = function (e) { return [...e].reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, s, t) { s = s || localStorage; t = t || __md_scope; return JSON.parse(s.getItem(t.pathname + "." + e)); },
  __md_set = function (e, v, s, t) { s = s || localStorage; t = t || __md_scope; try { s.setItem(t.pathname + "." + e, JSON.stringify(v)); } catch (err) {} };
/* qabook, except on a site's ordinary pages (data-qa-ordinary), which stay as they were:
   scripts run (before the page is drawn), so room can be kept for what they add (qa-js); a
   service worker can keep this book offline here, not on file:// (qa-sw: room for its panel) */
if (!document.currentScript.hasAttribute("data-qa-ordinary")) {
  document.documentElement.classList.add("qa-js");
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) document.documentElement.classList.add("qa-sw");
}
