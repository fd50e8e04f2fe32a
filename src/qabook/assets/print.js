/* A chapter's print page: each question's part stands as <template data-qa-card="<page id>#qN"
   data-qa-part="q|a|e"> and comes from the chapter's cards (assets/qabook/study-cards/<n>.js,
   loaded by the script tag just before this one), the same HTML the page held before
   (qabook.printbook.slot_cards): the questions are kept once on disk, in the cards. */
(function () {
  "use strict";
  var me = document.currentScript;
  var all = window.QABOOK_CARDS || {};
  var cards = all[me ? me.getAttribute("data-qa-chapter") : ""] || {};
  var slots = document.querySelectorAll("template[data-qa-card]");
  for (var i = 0; i < slots.length; i++) {
    var card = cards[slots[i].getAttribute("data-qa-card")];
    var html = card ? card[slots[i].getAttribute("data-qa-part")] : null;
    if (typeof html === "string") slots[i].outerHTML = html;
  }
})();
