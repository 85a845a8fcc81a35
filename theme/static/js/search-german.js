/*
 * Börsen search: German query helpers for lunr.js (with lunr-languages' lunr.de).
 *
 * Twins of tokenize() and fold() in plugins/boersen/search/german.py, which builds the index;
 * tests/search checks that both give the same results. Change them together.
 *
 * Plain script, no build step: defines the global BoersenGerman. Needs Unicode property escapes
 * (\p{L}, ES2018) and String.prototype.normalize, which every current browser has.
 */
var BoersenGerman = (function () {
  "use strict";

  // Anything that is not a letter or a digit separates words.
  var SEPARATORS = /[^\p{L}\p{N}]+/u;
  // Latin letters whose "diacritic" is part of the letter (no decomposition), mapped by hand.
  var FOLDS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t" };
  var FOLDED = /[ßæœøłđðþıħŧ]/g;
  // Combining diacritical marks (and their extended and supplement blocks, marks for symbols, half marks).
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  /*
   * Lower-case words of letters and digits. NFC first, so a decomposed "ü" (u + combining
   * diaeresis) stays one letter; lower-casing after splitting keeps "İ" -> "i̇" whole.
   */
  function tokenize(text) {
    return String(text)
      .normalize("NFC")
      .split(SEPARATORS)
      .filter(function (word) { return word !== ""; })
      .map(function (word) { return word.toLowerCase(); });
  }

  /*
   * Lower-case and fold every diacritic ("Café" -> "cafe", "Fußball" -> "fussball"): NFD takes
   * combining marks off their letters. The index holds folded words, and every query term is
   * folded the same way.
   */
  function fold(text) {
    var lowered = String(text)
      .normalize("NFC")
      .toLowerCase()
      .replace(FOLDED, function (letter) { return FOLDS[letter]; });
    return lowered.normalize("NFD").replace(MARKS, "").normalize("NFC");
  }

  return Object.freeze({ tokenize: tokenize, fold: fold });
})();
