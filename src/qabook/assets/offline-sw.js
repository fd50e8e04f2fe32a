/* qabook offline: the service worker. The build writes it as sw.js at the site root (its scope
   is the site) with self.QABOOK_OFFLINE = {version, list} in front; the list
   (assets/qabook/offline.json) names every file the book may keep, with its size and revision.

   - Online, every request of the site goes to the network as usual (so a rebuilt page is seen
     at the next reload), and a file of the list the learner opened is kept; with no network,
     the kept file answers, and a page never kept leads to the offline page.
   - Installing keeps the shell (home, review, quiz and offline pages, scripts, styles, the
     search index, the study cards), the pages kept before (fetched again only when their
     revision changed) and, once the learner asked for it, the whole book.
   - One cache per site; an entry's key carries its revision, so a new version replaces what
     changed and the old revisions go when it takes over.
   - Nothing from another origin or outside the site's folder is ever touched. */
"use strict";
var CONF = self.QABOOK_OFFLINE;
var SCOPE = self.registration.scope;  // ends with "/"
var SCOPE_PATH = new URL(SCOPE).pathname;
var CACHE = "qabook-offline " + SCOPE_PATH;
var STATE = SCOPE + "__qabook-offline__/state";
var PARALLEL = 4;
var lists = {};  // version → its list (promise)

function encodePath(path) { return path.split("/").map(encodeURIComponent).join("/"); }
function keyOf(path, rev) { return SCOPE + encodePath(path) + "?qabook-rev=" + rev; }
function listKey(version) { return SCOPE + "__qabook-offline__/list?v=" + version; }
function pathOf(url) {  // a URL of the site → its file ("llm/" → "llm/index.html"), or null
  if (url.origin !== self.location.origin || url.pathname.indexOf(SCOPE_PATH) !== 0) return null;
  var path;
  try { path = decodeURIComponent(url.pathname.slice(SCOPE_PATH.length)); } catch (e) { return null; }
  return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
}
function parseKey(url) {  // a cache key → {path, rev}, or null for the worker's own records
  var u = new URL(url);
  var rev = u.searchParams.get("qabook-rev");
  if (!rev) return null;
  return {path: pathOf(u), rev: rev};
}
function json(data) { return new Response(JSON.stringify(data), {headers: {"Content-Type": "application/json"}}); }

function fetchList(version) {
  return fetch(SCOPE + CONF.list + "?v=" + version, {cache: "no-store", credentials: "same-origin"})
    .then(function (res) {
      if (!res.ok) throw new Error("offline list: HTTP " + res.status);
      return res.json();
    }).then(function (list) {
      if (list.version !== version) throw new Error("offline list is of another build");  // mid-deploy: try later
      return list;
    });
}
function listOf(version) {  // the list of a version: kept in the cache, else fetched
  if (!lists[version]) {
    lists[version] = caches.open(CACHE).then(function (cache) { return cache.match(listKey(version)); })
      .then(function (hit) { return hit ? hit.json() : fetchList(version); });
    lists[version].catch(function () { delete lists[version]; });
  }
  return lists[version];
}
function readState(cache) {
  return cache.match(STATE).then(function (hit) { return hit ? hit.json() : {}; }).catch(function () { return {}; });
}
function writeState(cache, state) { return cache.put(STATE, json(state)); }

/* The paths kept, each with its revisions: {path: {rev: true}} */
function keptPaths(cache) {
  return cache.keys().then(function (keys) {
    var kept = {};
    keys.forEach(function (req) {
      var k = parseKey(req.url);
      if (k && k.path) (kept[k.path] = kept[k.path] || {})[k.rev] = true;
    });
    return kept;
  });
}
/* A response as the cache keeps it: no redirect flag (a redirected response cannot answer a page). */
function clean(res) {
  if (!res.redirected) return Promise.resolve(res);
  return res.blob().then(function (body) {
    return new Response(body, {status: res.status, statusText: res.statusText, headers: res.headers});
  });
}
function fetchInto(cache, path, rev) {
  return fetch(SCOPE + encodePath(path), {cache: "no-cache", credentials: "same-origin"}).then(function (res) {
    if (!res.ok) throw new Error(path + ": HTTP " + res.status);
    return clean(res).then(function (r) { return cache.put(keyOf(path, rev), r); });
  });
}
/* Fetch the paths that are not kept at their revision, PARALLEL at a time; onStep(done, total). */
function fill(cache, list, paths, onStep) {
  return keptPaths(cache).then(function (kept) {
    var todo = paths.filter(function (p, i) {
      return list.files[p] && paths.indexOf(p) === i && !(kept[p] && kept[p][list.files[p][1]]);
    });
    var next = 0, done = 0;
    function worker() {
      if (next >= todo.length) return Promise.resolve();
      var path = todo[next++];
      return fetchInto(cache, path, list.files[path][1]).then(function () {
        done += 1;
        if (onStep) onStep(done, todo.length);
        return worker();
      });
    }
    var workers = [];
    for (var i = 0; i < PARALLEL; i++) workers.push(worker());
    return Promise.all(workers).then(function () { return todo.length; });
  });
}

/* ---------- life cycle ---------- */
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return fetchList(CONF.version).then(function (list) {
      lists[CONF.version] = Promise.resolve(list);
      return cache.put(listKey(CONF.version), json(list)).then(function () {
        return Promise.all([readState(cache), keptPaths(cache)]);
      }).then(function (got) {
        var state = got[0], kept = got[1];
        var wanted = state.whole ? Object.keys(list.files)
          : list.shell.concat(Object.keys(kept).filter(function (p) { return list.files[p]; }));
        return fill(cache, list, wanted, null);
      });
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all([listOf(CONF.version), cache.keys(), readState(cache)]).then(function (got) {
      var list = got[0], keys = got[1], state = got[2];
      var stale = keys.filter(function (req) {
        if (req.url.indexOf(SCOPE + "__qabook-offline__/list") === 0) return req.url !== listKey(CONF.version);
        var k = parseKey(req.url);
        return k && !(list.files[k.path] && list.files[k.path][1] === k.rev);
      });
      if (state.version && state.version !== CONF.version) state.previous = state.version;
      state.version = CONF.version;
      return Promise.all(stale.map(function (req) { return cache.delete(req); })).then(function () {
        return writeState(cache, state);
      });
    });
  }).then(function () { return self.clients.claim(); }).then(function () {
    return broadcast({type: "activated", version: CONF.version});
  }));
});

function broadcast(message) {
  return self.clients.matchAll({includeUncontrolled: true, type: "window"}).then(function (clients) {
    clients.forEach(function (c) { c.postMessage(message); });
  });
}

/* ---------- answering requests ---------- */
self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || req.headers.has("range")) return;
  var url = new URL(req.url);
  var path = pathOf(url);
  if (path === null || url.searchParams.has("qabook-rev")) return;  // not this site's: not ours
  event.respondWith(answer(event, req, url, path));
});

function kept(path, rev) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(keyOf(path, rev)).then(function (hit) {
      return hit || cache.match(SCOPE + encodePath(path), {ignoreSearch: true});  // an older revision
    });
  });
}

function answer(event, req, url, path) {
  return listOf(CONF.version).catch(function () { return null; }).then(function (list) {
    var entry = list && list.files[path];
    return fetch(req).then(function (res) {
      if (entry && res.ok && res.type === "basic") event.waitUntil(keep(path, entry[1], res.clone()));
      return res;
    }, function (err) {
      return kept(path, entry ? entry[1] : "").then(function (hit) {
        if (hit) return hit;
        if (req.mode === "navigate" && list && list.offline) {
          return Response.redirect(SCOPE + encodePath(list.offline).replace(/index\.html$/, "") + "?from=" +
            encodeURIComponent(url.pathname.slice(SCOPE_PATH.length) + url.search), 302);
        }
        throw err;
      });
    });
  });
}

function keep(path, rev, res) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(keyOf(path, rev)).then(function (hit) {
      return hit ? null : clean(res).then(function (r) { return cache.put(keyOf(path, rev), r); });
    });
  });
}

/* ---------- messages from pages ---------- */
self.addEventListener("message", function (event) {
  var msg = event.data || {};
  var reply = event.ports && event.ports[0];
  if (msg.type === "keep") event.waitUntil(keepUrls(msg.urls || []));
  else if (msg.type === "status") event.waitUntil(status(msg.pages).then(function (s) { if (reply) reply.postMessage(s); }));
  else if (msg.type === "whole") event.waitUntil(whole());
});

/* What a page loaded before this worker controlled it (its first visit): keep those of the list. */
function keepUrls(urls) {
  return Promise.all([listOf(CONF.version), caches.open(CACHE)]).then(function (got) {
    var list = got[0], cache = got[1];
    var paths = urls.map(function (u) {
      try { return pathOf(new URL(u, SCOPE)); } catch (e) { return null; }
    }).filter(function (p) { return p && list.files[p]; });
    return fill(cache, list, paths, null);
  }).catch(function () { /* offline or no list yet: the next visit tries again */ });
}

function status(withPages) {
  return Promise.all([listOf(CONF.version), caches.open(CACHE)]).then(function (got) {
    var list = got[0], cache = got[1];
    return Promise.all([keptPaths(cache), readState(cache)]).then(function (got2) {
      var have = got2[0], state = got2[1];
      var s = {version: CONF.version, previous: state.previous || null, whole: !!state.whole, files: 0, bytes: 0,
        keptFiles: 0, keptBytes: 0, pages: []};
      Object.keys(list.files).forEach(function (p) {
        var f = list.files[p];
        s.files += 1;
        s.bytes += f[0];
        if (have[p] && have[p][f[1]]) {
          s.keptFiles += 1;
          s.keptBytes += f[0];
          if (withPages && list.titles[p] != null) s.pages.push([p, list.titles[p]]);
        }
      });
      s.complete = s.keptFiles === s.files;
      return s;
    });
  });
}

var wholeRun = null;
function whole() {
  if (!wholeRun) {
    wholeRun = Promise.all([listOf(CONF.version), caches.open(CACHE)]).then(function (got) {
      var list = got[0], cache = got[1];
      return readState(cache).then(function (state) {
        state.whole = true;
        return writeState(cache, state);
      }).then(function () {
        var last = 0;
        return fill(cache, list, Object.keys(list.files), function (done, total) {
          if (done === total || done - last >= 10) { last = done; broadcast({type: "progress", done: done, total: total}); }
        });
      });
    }).then(function () {
      return broadcast({type: "whole-done"});
    }, function (err) {
      return broadcast({type: "whole-failed", error: String(err && err.message || err)});
    }).then(function () { wholeRun = null; });
  }
  return wholeRun;
}
