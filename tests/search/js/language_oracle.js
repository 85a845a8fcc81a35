"use strict";
/*
 * Test oracle for the per-language search parity tests (tests/search/test_language_*.py): the REAL
 * lunr.js 2.3.9 (English: lunr.trimmer, lunr.stopWordFilter, lunr.stemmer) and lunr-languages 1.22.0
 * (lunr.tr, lunr.ar), each from the sources and from the minified files a site ships; if the two
 * builds disagree, the oracle fails.
 *
 * Reads one JSON request from stdin, writes one JSON answer to stdout:
 *   {"op": "stem", "lang": "en"|"tr"|"ar", "words": [...]}      -> [stem, ...]
 *   {"op": "trim", "lang": "en"|"tr"|"ar", "words": [...]}      -> [trimmed, ...]
 *   {"op": "stopwords", "lang": "en"|"tr"|"ar", "words": [...]} -> [true if the filter drops it, ...]
 *   {"op": "engine", "script": "...", "lang": ..., "words": [...]} -> what the page's search script
 *        (theme/static/js/boersen-search.js) makes of each word: {"term", "surface", "stop"}
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function loadLunr(lunrModule, supportModule, trModule, arModule) {
  const lunr = require(lunrModule);
  require(supportModule)(lunr);
  require(trModule)(lunr);
  require(arModule)(lunr);
  return lunr;
}

const BUILDS = [
  loadLunr("lunr", "lunr-languages/lunr.stemmer.support", "lunr-languages/lunr.tr", "lunr-languages/lunr.ar"),
  loadLunr(
    "lunr/lunr.min.js",
    "lunr-languages/min/lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.tr.min.js",
    "lunr-languages/min/lunr.ar.min.js"
  ),
];

function functions(lunr, lang) {
  if (lang === "en") return { stemmer: lunr.stemmer, trimmer: lunr.trimmer, stopWordFilter: lunr.stopWordFilter };
  return lunr[lang];
}

function apply(fn, word) {
  const result = fn(new lunr0.Token(word));
  return result === undefined ? null : result.toString();
}
const lunr0 = BUILDS[0];

function answer(request) {
  const results = BUILDS.map((lunr) => {
    const f = functions(lunr, request.lang);
    const token = (word) => new lunr.Token(word);
    if (request.op === "stem") return request.words.map((w) => f.stemmer(token(w)).toString());
    if (request.op === "trim") return request.words.map((w) => f.trimmer(token(w)).toString());
    if (request.op === "stopwords") return request.words.map((w) => f.stopWordFilter(token(w)) === undefined);
    throw new Error("unknown op " + request.op);
  });
  if (JSON.stringify(results[0]) !== JSON.stringify(results[1])) throw new Error("source and minified builds disagree");
  return results[0];
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(answer(JSON.parse(input))));
});
