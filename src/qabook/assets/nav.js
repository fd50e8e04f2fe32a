/* qabook: the navigation links the pages share (templates/partials/nav.html). A topic page
   holds home, the other top-level pages, its chapter and itself; this writes the other chapters
   (window.qabookNavData.book, nav/book.js) and the chapter's other topics (qabookNavData[n],
   nav/<n>.js) into the lists, with the markup and relative links Material's templates give
   them. (A chapter page holds its topics itself: its list is marked data-qa-filled.) It runs
   where the list stands, before Material's scripts, and again on Material's document$ (instant
   navigation, the live preview), loading a chapter's data when it is missing. */
(function () {
  var D = window.qabookNavData = window.qabookNavData || {};

  function parts(path) {
    var out = [];
    String(path).split("/").forEach(function (s) {
      if (!s || s === ".") return;
      if (s === "..") out.pop(); else out.push(s);
    });
    return out;
  }
  /* mkdocs.utils.get_relative_url: url relative to the page at `other` */
  function relative(url, other) {
    var cut = other.lastIndexOf("/");
    if (other.slice(cut + 1).indexOf(".") >= 0) other = other.slice(0, Math.max(cut, 0));
    var from = parts(other), to = parts(url), common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    var rel = [];
    for (var i = common; i < from.length; i++) rel.push("..");
    rel = rel.concat(to.slice(common)).join("/") || ".";
    return /\/$/.test(url) ? rel + "/" : rel;
  }
  function href(url, page) {
    return /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url) ? url : relative(url, page);
  }
  function item(url, title, page, pruned) {
    var li = document.createElement("li");
    li.className = "md-nav__item" + (pruned ? " md-nav__item--pruned md-nav__item--nested" : "");
    li.innerHTML = '<a href="" class="md-nav__link"><span class="md-ellipsis"></span>' +
      (pruned ? '<span class="md-nav__icon md-icon"></span>' : "") + "</a>";
    var a = li.firstChild;
    a.setAttribute("href", href(url, page));
    a.firstChild.innerHTML = title;  /* the title as the template writes it */
    return li;
  }
  /* entries in navigation order; 0 (or the entry `here`) is an item the page already holds */
  function fill(list, entries, make, isHere) {
    var held = Array.prototype.filter.call(list.children, function (el) { return el.tagName === "LI"; });
    var expected = entries.filter(function (e) { return e === 0 || isHere(e); }).length;
    if (held.length !== expected) return false;  /* not the markup this data was written for */
    var at = 0;
    entries.forEach(function (e) {
      if (e === 0 || isHere(e)) { at++; return; }
      list.insertBefore(make(e), held[at] || null);
    });
    return true;
  }
  function load(key, done) {
    var base = window.__md_scope || new URL(".", location.href);
    var script = document.createElement("script");
    script.src = new URL("assets/qabook/nav/" + key + ".js", base).href;
    script.onload = done;
    document.head.appendChild(script);
  }
  function render() {
    var top = document.querySelector("ul[data-qa-nav='book']:not([data-qa-filled])");
    if (!top || !D.book) return;
    var page = top.getAttribute("data-qa-page") || "";
    var chapterList = top.querySelector("ul[data-qa-nav]");
    var here = chapterList ? chapterList.getAttribute("data-qa-nav") : null;
    var topics = chapterList && !chapterList.hasAttribute("data-qa-filled");
    if (topics && !D[here]) { load(here, render); return; }
    top.setAttribute("data-qa-filled", "");
    fill(top, D.book, function (e) { return item(e[1], e[2], page, true); },
         function (e) { return e[0] === here; });
    if (topics) {
      chapterList.setAttribute("data-qa-filled", "");
      fill(chapterList, D[here], function (e) { return item(e[0], e[1], page, false); },
           function (e) { return e[0] === page; });
    }
  }
  render();
  /* for a page swapped in before document$ is told (the live preview): the lists filled first,
     so that what document$'s other subscribers paint on them (study mode's badges) finds them */
  window.qabookNav = { render: render };
  /* Material's document$ exists once its bundle (at the end of the page) has run */
  document.addEventListener("DOMContentLoaded", function () {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(render);
  });
})();
