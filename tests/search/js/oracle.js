"use strict";
/*
 * Test oracle for the search parity tests (tests/search/): answers questions about the REAL
 * lunr.js 2.3.9 + lunr-languages 1.22.0 from node_modules and about the browser helper
 * theme/static/js/search-german.js, so the Python side can be compared with what the browser does.
 *
 * Every question is put to two builds: the sources (lunr.js, lunr.de.js) and the minified files
 * a site ships (lunr.min.js, min/lunr.de.min.js); if they disagree, the oracle fails.
 *
 * Reads one JSON request from stdin, writes one JSON answer to stdout:
 *   {"op": "versions"}                -> {"lunr": "2.3.9", "lunr-languages": "1.22.0", "unicode": "..."}
 *   {"op": "stopwords"}               -> ["aber", ...]  (the list lunr.de passes to generateStopWordFilter)
 *   {"op": "registered"}              -> labels of the pipeline functions lunr.de registers
 *   {"op": "pipelines"}               -> {"pipeline": [...], "searchPipeline": [...]}: the labels that
 *                                        `builder.use(lunr.de)` puts into a builder's two pipelines
 *   {"op": "wordCharacters"}          -> lunr.de.wordCharacters (the trimmer's character class)
 *   {"op": "stem", "words": [...]}    -> [stem, ...]     (lunr.de.stemmer on lunr.Token objects)
 *   {"op": "trim", "tokens": [...]}   -> [trimmed, ...]  (lunr.de.trimmer)
 *   {"op": "pipeline", "documents": [[word, ...], ...]}
 *                                     -> [[term, ...], ...] (lunr.tokenizer on the words, then the
 *                                        indexing pipeline of `builder.use(lunr.de)`)
 *   {"op": "browser", "texts": [...]} -> [{"tokenize": [...], "fold": "..."}, ...] (search-german.js)
 *   {"op": "query", "index": {...}, "queries": [[clause, ...], ...]}
 *        clause: {"term", and any of "usePipeline", "wildcard": "none"|"trailing", "editDistance", "boost"}
 *        -> [[[ref, score], ...], ...] in lunr's result order
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const BROWSER_FILE = path.join(__dirname, "..", "..", "..", "theme", "static", "js", "search-german.js");

/* One lunr with lunr.de, plus what lunr.de handed over while registering. */
function loadLunr(lunrModule, supportModule, deModule) {
  const lunr = require(lunrModule);
  // Capture the stop word list lunr.de hands to lunr, so the test compares data, not samples.
  const generateStopWordFilter = lunr.generateStopWordFilter;
  let stopWords = null;
  lunr.generateStopWordFilter = function (words) {
    stopWords = words.slice();
    return generateStopWordFilter(words);
  };
  const registeredBefore = new Set(Object.keys(lunr.Pipeline.registeredFunctions));
  require(supportModule)(lunr);
  require(deModule)(lunr);
  lunr.generateStopWordFilter = generateStopWordFilter;
  const registered = Object.keys(lunr.Pipeline.registeredFunctions).filter((label) => !registeredBefore.has(label));
  return { lunr, stopWords, registered };
}

const BUILDS = {
  source: loadLunr("lunr", "lunr-languages/lunr.stemmer.support", "lunr-languages/lunr.de"),
  minified: loadLunr("lunr/lunr.min.js", "lunr-languages/min/lunr.stemmer.support.min.js", "lunr-languages/min/lunr.de.min.js"),
};

function loadBrowserHelper() {
  // Run the file as a classic browser script in an empty context: no require, no module, no window.
  const context = vm.createContext({});
  vm.runInContext(fs.readFileSync(BROWSER_FILE, "utf8"), context, { filename: BROWSER_FILE });
  return vm.runInContext("BoersenGerman", context);
}

function runQuery(lunr, index, clauses) {
  const results = index.query(function (query) {
    for (const clause of clauses) {
      // Options are passed on as given: lunr.js treats a clause that has an editDistance key at
      // all (even 0) as fuzzy, and a fuzzy clause ignores wildcards.
      const options = Object.assign({}, clause);
      delete options.term;
      if ("wildcard" in options) {
        options.wildcard = { none: lunr.Query.wildcard.NONE, trailing: lunr.Query.wildcard.TRAILING }[options.wildcard];
      }
      query.term(clause.term, options);
    }
  });
  return results.map((result) => [result.ref, result.score]);
}

function answer(build, request) {
  const lunr = build.lunr;
  switch (request.op) {
    case "versions":
      return {
        lunr: lunr.version,
        "lunr-languages": require("lunr-languages/package.json").version,
        unicode: process.versions.unicode,
      };
    case "stopwords":
      return build.stopWords;
    case "registered":
      return build.registered;
    case "pipelines": {
      const builder = new lunr.Builder();
      builder.use(lunr.de);
      return { pipeline: builder.pipeline.toJSON(), searchPipeline: builder.searchPipeline.toJSON() };
    }
    case "wordCharacters":
      return lunr.de.wordCharacters;
    case "stem":
      return request.words.map((word) => lunr.de.stemmer(new lunr.Token(word, {})).toString());
    case "trim":
      return request.tokens.map((token) => lunr.de.trimmer(new lunr.Token(token, {})).toString());
    case "pipeline": {
      const builder = new lunr.Builder();
      builder.use(lunr.de);
      return request.documents.map((words) => builder.pipeline.run(lunr.tokenizer(words)).map((token) => token.toString()));
    }
    case "browser": {
      const helper = loadBrowserHelper();
      return request.texts.map((text) => ({ tokenize: helper.tokenize(text), fold: helper.fold(text) }));
    }
    case "query": {
      const index = lunr.Index.load(request.index);
      return request.queries.map((clauses) => runQuery(lunr, index, clauses));
    }
    default:
      throw new Error("unknown op: " + request.op);
  }
}

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const source = JSON.stringify(answer(BUILDS.source, request));
if (request.op !== "browser" && JSON.stringify(answer(BUILDS.minified, request)) !== source) {
  throw new Error("lunr.min.js / lunr.de.min.js answer op " + request.op + " differently from lunr.js / lunr.de.js");
}
process.stdout.write(source);
