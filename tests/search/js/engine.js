"use strict";
/*
 * Runs the browser's search engine (theme/static/js/boersen-search.js) in node against built
 * search files, with the real lunr.js 2.3.9 and lunr-languages 1.22.0 from node_modules.
 *
 * stdin:  {"folder": "<output>/<boerse>/suche/", "queries": ["schwimm", ...],
 *          "filters": [{"q": "...", "selection": {...}}, ...]}
 * stdout: {"queries": [[[position, score], ...] | null, ...],
 *          "filters": [{"matches": [...], "counts": {...}}, ...]}
 *
 * Or stdin {"shard": "<file of a shard>", "clauses": [[clause, ...], ...]}: each clause list
 * scored by the engine's Shard and by lunr.js's own Index.query, as [[ref, score], ...] each.
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const ROOT = path.join(__dirname, "..", "..", "..");
const lunr = require("lunr");
require("lunr-languages/lunr.stemmer.support")(lunr);
require("lunr-languages/lunr.de")(lunr);

function loadEngine() {
  // The browser files run as classic scripts in a context that has only lunr, like a page.
  const context = vm.createContext({ lunr: lunr });
  for (const file of ["search-german.js", "boersen-search.js"]) {
    const filename = path.join(ROOT, "theme", "static", "js", file);
    vm.runInContext(fs.readFileSync(filename, "utf8"), context, { filename });
  }
  return vm.runInContext("BoersenSearch", context);
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const BoersenSearch = loadEngine();
  if (request.shard) {
    const data = JSON.parse(fs.readFileSync(request.shard, "utf8"));
    const shard = new BoersenSearch.Shard(data), index = lunr.Index.load(data);
    const lunrScores = (clauses) => index.query((q) => clauses.forEach((c) => {
      const options = { boost: c.boost, usePipeline: false };
      if (c.prefix) options.wildcard = lunr.Query.wildcard.TRAILING;
      if (c.wholeWords) options.fields = index.fields.filter((f) => f !== "teile"); // lunr wants no key at all for every field
      q.term(c.term, options);
    })).map((r) => [r.ref, r.score]);
    const answer = request.clauses.map((clauses) => ({ engine: Array.from(shard.query(clauses)), lunr: lunrScores(clauses) }));
    process.stdout.write(JSON.stringify(answer));
    return;
  }
  const load = (name) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(request.folder, name), "utf8")));
  const index = new BoersenSearch.BoerseIndex(await load("index.json"), load);
  const answer = { queries: [], filters: [] };
  for (const q of request.queries || []) {
    const found = await index.search(q);
    answer.queries.push(found === null ? null : found.map((r) => [r.position, r.score]));
  }
  const facets = await index.facets();
  for (const f of request.filters || []) {
    const found = await index.search(f.q);
    const candidates = found === null ? Array.from({ length: index.manifest.anzahl }, (_, i) => i) : found.map((r) => r.position);
    answer.filters.push(BoersenSearch.filterResults(facets, candidates, f.selection));
  }
  process.stdout.write(JSON.stringify(answer));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
