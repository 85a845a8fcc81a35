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
  // The German stemmer writes its stems without umlauts and with "ss" for "ß".
  var FOLDS = { "ä": "a", "ö": "o", "ü": "u", "ß": "ss" };

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
   * Lower-case and fold ä, ö, ü, ß as the stemmer's output does. For prefix (wildcard) terms,
   * which lunr looks up without the pipeline: "Fußb" must look for "fussb*".
   */
  function fold(text) {
    return String(text)
      .normalize("NFC")
      .toLowerCase()
      .replace(/[äöüß]/g, function (letter) { return FOLDS[letter]; });
  }

  return Object.freeze({ tokenize: tokenize, fold: fold });
})();
