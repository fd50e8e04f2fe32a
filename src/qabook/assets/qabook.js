/* qabook: copy a question's permanent link; land on the question a search result points to; say
   what to do when a site built for a server is opened from disk. No network. */
(function () {
  /* The answer and explanation blocks that follow a question, up to the next question. */
  function blocksOf(question) {
    var blocks = [];
    for (var el = question.nextElementSibling; el && !el.matches(".admonition.question"); el = el.nextElementSibling) {
      if (el.tagName === "DETAILS") blocks.push(el);
    }
    return blocks;
  }

  /* Land on a question from a search result (qabook's search: #qN; Material's search.highlight:
     ?h=): mark it briefly, optionally scroll it into view, and outside study mode open the block
     `find` names among [question, ...blocks] as holding the match. In study mode the question is
     marked only: nothing is revealed that the learner has not revealed. */
  function land(question, find, scroll) {
    question.classList.remove("qa-landed");
    void question.offsetWidth;  // restart the highlight
    question.classList.add("qa-landed");
    setTimeout(function () { question.classList.remove("qa-landed"); }, 2600);
    if (!window.QABOOK_STUDY && find) {
      var holder = find([question].concat(blocksOf(question)));
      if (holder && holder.tagName === "DETAILS") holder.open = true;
    }
    if (scroll) question.scrollIntoView({ block: "start" });
  }
  window.qabookLand = land;  // qasearch.js lands through it too

  /* Material's search.highlight: the page opened as page/?h=word gets <mark data-md-highlight>
     once Material's index has loaded. Land on the question holding the first mark. */
  function landOnHighlight() {
    if (!new URLSearchParams(window.location.search).get("h")) return;
    var content = document.querySelector("[data-md-component=content]") || document.body;
    var questions = content.querySelectorAll(".admonition.question[id]");
    if (!questions.length) return;
    function tryLand() {
      var mark = content.querySelector("mark[data-md-highlight]");
      if (!mark) return false;
      var question = null;
      for (var i = 0; i < questions.length; i++) {
        if (questions[i] === mark || questions[i].compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) {
          question = questions[i];
        }
      }
      if (!question) return true;  // the mark is above the first question (the page's title or intro)
      land(question, function (els) {
        for (var j = 0; j < els.length; j++) if (els[j].contains(mark)) return els[j];
        return null;
      }, true);
      return true;
    }
    if (tryLand()) return;
    var observer = new MutationObserver(function () { if (tryLand()) observer.disconnect(); });
    observer.observe(content, { childList: true, subtree: true });
  }

  function onReady(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(fn);  // Material's instant navigation
    } else if (document.readyState !== "loading") {
      fn();
    } else {
      document.addEventListener("DOMContentLoaded", fn);
    }
  }
  /* A site built for a web server (directory URLs: a page's link is its folder) but opened from
     disk (file://): following a link shows the folder's list of files, not its page. Say so at the
     top of the page, with what works: a build for disk, or a local server. The words come from
     the site's language (window.QABOOK_SITE_UI, written in front of this script at build time). */
  var COMMANDS = { "{build}": "./scripts/build --offline", "{serve}": "python3 -m http.server -d site",
                   "{url}": "http://localhost:8000/" };
  function fileNote() {
    var ui = window.QABOOK_SITE_UI;
    if (window.location.protocol !== "file:" || !ui || !ui.directory_urls || !ui.file_note) return;
    if (document.getElementById("qa-file-note")) return;
    var where = document.querySelector(".md-content__inner") || document.querySelector("main") || document.body;
    var note = document.createElement("p");
    note.id = "qa-file-note";
    note.className = "qa-file-note";
    note.setAttribute("role", "note");
    ui.file_note.split(/(\{build\}|\{serve\}|\{url\})/).forEach(function (part) {
      if (COMMANDS[part]) {
        var code = document.createElement("code");
        code.textContent = COMMANDS[part];
        note.appendChild(code);
      } else if (part) {
        note.appendChild(document.createTextNode(part));
      }
    });
    where.insertBefore(note, where.firstChild);
  }

  onReady(function () {
    fileNote();
    landOnHighlight();
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
