/* qabook progress link: a learner's progress ⇄ a short text for the URL fragment
   (#qa-progress=…), which browsers never send to a server. Loaded by study.js when a learner
   makes a link or opens one.

   The text is base64url of bytes: format 1, a 32-bit hash of the book's question keys in order
   (both devices must have the same questions), the earliest review time (seconds), the number
   of cards, then per card: its position in the book (as the gap from the previous one), one
   byte of state / last grade / learning step, reviews, lapses, last review and due time
   (seconds, from the earliest review and from the last one), stability and difficulty
   (32-bit floats). About 25 characters a card. */
(function (root) {
  "use strict";
  var FORMAT = 1;
  var PREFIX = "qa-progress=";
  var MAX_CARDS = 1000;  // a link longer than this is no pleasure to pass around: the JSON file is

  function bookHash(keys) {  // FNV-1a, 32 bits, over the keys in book order
    var h = 0x811c9dc5;
    var text = keys.join("\n");
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function Writer() { this.bytes = []; }
  Writer.prototype.byte = function (b) { this.bytes.push(b & 0xff); };
  Writer.prototype.uint = function (n) {  // unsigned LEB128 (n < 2^53)
    n = Math.max(0, Math.floor(n));
    while (n >= 0x80) { this.bytes.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); }
    this.bytes.push(n);
  };
  Writer.prototype.u32 = function (n) { for (var s = 24; s >= 0; s -= 8) this.byte(n >>> s); };
  Writer.prototype.f32 = function (x) {
    var b = new Uint8Array(new Float32Array([x]).buffer);
    for (var i = 0; i < 4; i++) this.byte(b[i]);
  };

  function Reader(bytes) { this.b = bytes; this.i = 0; }
  Reader.prototype.byte = function () {
    if (this.i >= this.b.length) throw new Error("short");
    return this.b[this.i++];
  };
  Reader.prototype.uint = function () {
    var n = 0, mul = 1, b;
    do { b = this.byte(); n += (b & 0x7f) * mul; mul *= 0x80; } while (b & 0x80 && mul < Math.pow(2, 56));
    if (b & 0x80) throw new Error("varint");
    return n;
  };
  Reader.prototype.u32 = function () { return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0; };
  Reader.prototype.f32 = function () {
    var b = new Uint8Array(4);
    for (var i = 0; i < 4; i++) b[i] = this.byte();
    return new Float32Array(b.buffer)[0];
  };

  function toBase64url(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64url(text) {
    var s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  function usable(rec) {
    return rec && typeof rec.due === "number" && typeof rec.last === "number" && typeof rec.state === "number" &&
      typeof rec.s === "number" && typeof rec.d === "number";
  }

  /* cards: {key: record}; keys: every question key of the book in order.
     → {text, count} (text without the prefix), or {tooMany: n} past MAX_CARDS. */
  function encode(cards, keys) {
    var chosen = [];
    keys.forEach(function (k, i) { if (usable(cards[k])) chosen.push([i, cards[k]]); });
    if (chosen.length > MAX_CARDS) return {tooMany: chosen.length, count: chosen.length};
    var w = new Writer();
    w.byte(FORMAT);
    w.u32(bookHash(keys));
    var base = chosen.reduce(function (m, c) { return Math.min(m, Math.floor(c[1].last / 1000)); }, Infinity);
    if (!isFinite(base)) base = 0;
    w.uint(base);
    w.uint(chosen.length);
    var prev = -1;
    chosen.forEach(function (c) {
      var rec = c[1];
      var step = rec.step == null ? 7 : Math.min(6, rec.step);
      w.uint(c[0] - prev - 1);
      prev = c[0];
      w.byte((rec.state & 3) | ((rec.grade || 0) & 7) << 2 | step << 5);
      w.uint(rec.reps || 0);
      w.uint(rec.lapses || 0);
      var last = Math.floor(rec.last / 1000);
      w.uint(last - base);
      w.uint(Math.max(0, Math.round((rec.due - last * 1000) / 1000)));
      w.f32(rec.s);
      w.f32(rec.d);
    });
    return {text: toBase64url(w.bytes), count: chosen.length};
  }

  /* text (after the prefix) → {cards: {key: record}} or {error: "bad" | "other-book"}. */
  function decode(text, keys) {
    try {
      var r = new Reader(fromBase64url(text));
      if (r.byte() !== FORMAT) return {error: "bad"};
      if (r.u32() !== bookHash(keys)) return {error: "other-book"};
      var base = r.uint(), n = r.uint(), index = -1, cards = {};
      if (n > keys.length) return {error: "bad"};
      for (var i = 0; i < n; i++) {
        index += r.uint() + 1;
        if (index >= keys.length) return {error: "bad"};
        var packed = r.byte(), step = packed >> 5;
        var rec = {state: packed & 3, grade: (packed >> 2) & 7, step: step === 7 ? null : step};
        rec.reps = r.uint();
        rec.lapses = r.uint();
        var last = (base + r.uint()) * 1000;
        rec.due = last + r.uint() * 1000;
        rec.last = last;
        rec.s = r.f32();
        rec.d = r.f32();
        if (!rec.state || !isFinite(rec.s) || !isFinite(rec.d)) return {error: "bad"};
        if (!rec.grade) delete rec.grade;
        cards[keys[index]] = rec;
      }
      if (r.i !== r.b.length) return {error: "bad"};
      return {cards: cards};
    } catch (e) {
      return {error: "bad"};
    }
  }

  /* Newest review wins per card: → {progress cards after, added, updated, kept}. */
  function merge(mine, theirs) {
    var out = {}, added = 0, updated = 0, kept = 0;
    Object.keys(mine).forEach(function (k) { out[k] = mine[k]; });
    Object.keys(theirs).forEach(function (k) {
      var here = mine[k], there = theirs[k];
      var a = Math.floor((here && here.last || 0) / 1000), b = Math.floor((there.last || 0) / 1000);  // the link keeps seconds
      if (!here) { out[k] = there; added += 1; }
      else if (b > a) { out[k] = there; updated += 1; }
      else if (b < a) kept += 1;
    });
    return {cards: out, added: added, updated: updated, kept: kept};
  }

  root.qabookProgressLink = {PREFIX: PREFIX, MAX_CARDS: MAX_CARDS, encode: encode, decode: decode, merge: merge,
    bookHash: bookHash};
})(typeof window !== "undefined" ? window : globalThis);
