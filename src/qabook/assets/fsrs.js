/* qabook FSRS: the FSRS-5 scheduler exactly as the Python `fsrs` package 5.x implements it
   (Scheduler.review_card with its default parameters, learning steps 1 min + 10 min, relearning
   step 10 min, desired retention 0.9), without interval fuzzing so that results are reproducible.
   Times are milliseconds since the epoch. Tested against the Python package in tests/test_study.py.
   A card: {state: 1 learning | 2 review | 3 relearning, step, s (stability), d (difficulty), due, last}. */
(function (root) {
  "use strict";
  var W = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
    1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621];
  var DECAY = -0.5;
  var FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
  var MINUTE = 60000;
  var DAY = 86400000;
  var LEARNING, RELEARNING, REVIEW;
  LEARNING = 1; REVIEW = 2; RELEARNING = 3;
  var AGAIN = 1, HARD = 2, GOOD = 3, EASY = 4;
  var OPTIONS = {retention: 0.9, learning: [1 * MINUTE, 10 * MINUTE], relearning: [10 * MINUTE], maxInterval: 36500};

  function roundHalfEven(x) {  // Python's round()
    var r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }
  function clampD(d) { return Math.min(Math.max(d, 1), 10); }
  function initialS(g) { return Math.max(W[g - 1], 0.1); }
  function initialD(g) { return clampD(W[4] - Math.exp(W[5] * (g - 1)) + 1); }
  function nextD(d, g) {
    var delta = -(W[6] * (g - 3));
    var damped = d + (10 - d) * delta / 9;
    return clampD(W[7] * initialD(EASY) + (1 - W[7]) * damped);
  }
  function shortTermS(s, g) { return s * Math.exp(W[17] * (g - 3 + W[18])); }
  function forgetS(d, s, r) {
    var longTerm = W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp((1 - r) * W[14]);
    return Math.min(longTerm, s / Math.exp(W[17] * W[18]));
  }
  function recallS(d, s, r, g) {
    var hard = g === HARD ? W[15] : 1;
    var easy = g === EASY ? W[16] : 1;
    return s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp((1 - r) * W[10]) - 1) * hard * easy);
  }
  function interval(s, o) {  // whole days
    var days = roundHalfEven((s / FACTOR) * (Math.pow(o.retention, 1 / DECAY) - 1));
    return Math.min(Math.max(days, 1), o.maxInterval);
  }
  function retrievability(card, now) {
    if (card.last == null) return 0;
    var days = Math.max(0, Math.floor((now - card.last) / DAY));
    return Math.pow(1 + FACTOR * days / card.s, DECAY);
  }

  function newCard(now) { return {state: LEARNING, step: 0, s: null, d: null, due: now, last: null}; }

  /* Steps (learning or relearning) after a grade: the next interval in ms, or null to graduate. */
  function stepInterval(card, g, steps) {
    if (steps.length === 0 || (card.step >= steps.length && g !== AGAIN)) return null;
    if (g === AGAIN) { card.step = 0; return steps[0]; }
    if (g === HARD) {
      if (card.step === 0) return steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2;
      return steps[card.step];
    }
    if (g === GOOD) {
      if (card.step + 1 === steps.length) return null;
      card.step += 1;
      return steps[card.step];
    }
    return null;  // easy
  }

  /* The card after grade g (1 again … 4 easy) at time now; the input card is not changed. */
  function review(old, g, now, options) {
    var o = options || OPTIONS;
    var card = {state: old.state, step: old.step, s: old.s, d: old.d, due: old.due, last: old.last};
    var days = card.last != null ? Math.floor((now - card.last) / DAY) : null;
    if (card.state === LEARNING && card.s == null && card.d == null) {
      card.s = initialS(g);
      card.d = initialD(g);
    } else if (days !== null && days < 1) {
      card.s = shortTermS(card.s, g);
      card.d = nextD(card.d, g);
    } else {
      var r = retrievability(card, now);
      card.s = g === AGAIN ? forgetS(card.d, card.s, r) : recallS(card.d, card.s, r, g);
      card.d = nextD(card.d, g);
    }
    var next;
    if (card.state === REVIEW) {
      if (g === AGAIN && o.relearning.length) {
        card.state = RELEARNING;
        card.step = 0;
        next = o.relearning[0];
      } else {
        next = interval(card.s, o) * DAY;
      }
    } else {
      next = stepInterval(card, g, card.state === LEARNING ? o.learning : o.relearning);
      if (next === null) {
        card.state = REVIEW;
        card.step = null;
        next = interval(card.s, o) * DAY;
      }
    }
    card.due = now + next;
    card.last = now;
    return card;
  }

  var api = {newCard: newCard, review: review, retrievability: retrievability, OPTIONS: OPTIONS,
    LEARNING: LEARNING, REVIEW: REVIEW, RELEARNING: RELEARNING, DAY: DAY};
  root.qabookFsrs = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
