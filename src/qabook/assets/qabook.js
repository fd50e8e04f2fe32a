/* qabook: copy a question's permanent link; open the answer a link points to. No network. */
(function () {
  function onReady(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(fn);  // Material's instant navigation
    } else if (document.readyState !== "loading") {
      fn();
    } else {
      document.addEventListener("DOMContentLoaded", fn);
    }
  }
  onReady(function () {
    document.querySelectorAll("a.qa-link").forEach(function (link) {
      if (link.dataset.qaBound) return;
      link.dataset.qaBound = "1";
      link.addEventListener("click", function (event) {
        var url = new URL(link.getAttribute("href"), window.location.href).href;
        if (navigator.clipboard && window.isSecureContext) {
          event.preventDefault();
          history.replaceState(null, "", url);
          navigator.clipboard.writeText(url).then(function () {
            link.classList.add("copied");
            setTimeout(function () { link.classList.remove("copied"); }, 1500);
          });
        }
      });
    });
  });
})();
