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
 *   {"op": "terms", "lang": ..., "words": [...]}                -> [[term, stop word?], ...] as the page's
 *        search script (theme/static/js/boersen-search.js) makes them
 *   {"op": "search", "folder": "<output>/<lang>/<boerse>/suche/", "queries": [...]}
 *        -> [[[position, score], ...] | null, ...]: the page's search script on built files
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

/* The page's scripts as classic scripts in a context that has only lunr (with lunr.de, .tr, .ar), like a page. */
function loadEngine() {
  const context = vm.createContext({ lunr: BUILDS[1] });
  require("lunr-languages/min/lunr.de.min.js")(BUILDS[1]);
  for (const file of ["search-german.js", "boersen-search.js"]) {
    const filename = path.join(__dirname, "..", "..", "..", "theme", "static", "js", file);
    vm.runInContext(fs.readFileSync(filename, "utf8"), context, { filename });
  }
  return vm.runInContext("BoersenSearch", context);
}

async function engine(request) {
  const BoersenSearch = loadEngine();
  if (request.op === "terms") {
    const language = BoersenSearch.language(request.lang);
    return request.words.map((w) => [language.termOf(w), language.isStopWord(w)]);
  }
  const load = (name) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(request.folder, name), "utf8")));
  const index = new BoersenSearch.BoerseIndex(await load("index.json"), load);
  const found = [];
  for (const q of request.queries) {
    const results = await index.search(q);
    found.push(results === null ? null : results.map((r) => [r.position, r.score]));
  }
  return found;
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const request = JSON.parse(input);
  try {
    const result = request.op === "terms" || request.op === "search" ? await engine(request) : answer(request);
    process.stdout.write(JSON.stringify(result));
  } catch (error) {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  }
});
