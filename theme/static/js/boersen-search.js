/*
 * Börsen search engine: queries a Börse's prebuilt lunr index shards, filters and counts facets.
 *
 * Twin of plugins/boersen/search/query.py (same steps, same constants; the parity tests run
 * both over the same built files). Facet filtering and counting (filterResults) lives only here.
 * No DOM: the page code is boersen-ui.js. Plain script, no build step; needs the globals lunr
 * (with lunr.stemmer.support and lunr.de loaded) and BoersenGerman (search-german.js).
 */
var BoersenSearch = (function () {
  "use strict";

  var MAX_WORDS = 8;
  var MAX_WORD_LENGTH = 40;
  var EXACT = 10, PREFIX = 3, TYPO = 1, SYNONYM = 5;
  var MIN_TYPO_LENGTH = 5;
  var MIN_PREFIX_LENGTH = 2;
  var DIGRAPHS = [["ae", "ä"], ["oe", "ö"], ["ue", "ü"]];

  var stopWords = null;

  function isStopWord(word) {
    if (stopWords === null) {
      // lunr.de's stop word filter drops a token by returning undefined.
      stopWords = function (w) { return lunr.de.stopWordFilter(new lunr.Token(w)) === undefined; };
    }
    return stopWords(word);
  }

  function wordsOf(text) {
    var words = [];
    BoersenGerman.tokenize(text).forEach(function (word) {
      word = Array.from(word).slice(0, MAX_WORD_LENGTH).join("");
      if (!isStopWord(word) && words.indexOf(word) === -1) words.push(word);
    });
    return words.slice(0, MAX_WORDS);
  }

  function umlautVariant(word) {
    var variant = word;
    DIGRAPHS.forEach(function (pair) { variant = variant.split(pair[0]).join(pair[1]); });
    return variant !== word ? variant : null;
  }

  function indexTerm(word) {
    var token = lunr.de.trimmer(new lunr.Token(word));
    return lunr.de.stemmer(token).toString();
  }

  function synonymsOf(word, synonyms) {
    var stem = indexTerm(word), found = [];
    synonyms.forEach(function (group) {
      var members = group.map(function (m) { return m.toLowerCase(); });
      var hit = members.some(function (m) { return indexTerm(m) === stem; });
      if (!hit) return;
      members.forEach(function (m) {
        if (indexTerm(m) !== stem && found.indexOf(m) === -1) found.push(m);
      });
    });
    return found;
  }

  function clausesFor(word, synonyms) {
    var clauses = [{ term: word, boost: EXACT, usePipeline: true }];
    if (Array.from(word).length >= MIN_PREFIX_LENGTH) {
      clauses.push({ term: BoersenGerman.fold(word), boost: PREFIX, usePipeline: false, prefix: true });
    }
    if (Array.from(indexTerm(word)).length >= MIN_TYPO_LENGTH) { // stems: "reiten" is "reit", too short
      clauses.push({ term: word, boost: TYPO, usePipeline: true, typo: true });
    }
    var variant = umlautVariant(word);
    if (variant) clauses.push({ term: variant, boost: EXACT, usePipeline: true });
    synonymsOf(word, synonyms).forEach(function (s) {
      clauses.push({ term: s, boost: SYNONYM, usePipeline: true });
    });
    return clauses;
  }

  function shardsFor(clause, shards) {
    if (clause.prefix) {
      return shards.filter(function (s) { return s.indexOf(clause.term) === 0 || clause.term.indexOf(s) === 0; });
    }
    var term = indexTerm(clause.term), best = null;
    shards.forEach(function (s) {
      if (term.indexOf(s) === 0 && (best === null || s.length > best.length)) best = s;
    });
    return best === null ? [] : [best];
  }

  /* One Börse's search files; load(name) resolves to the parsed JSON of a file. */
  function BoerseIndex(manifest, load) {
    this.manifest = manifest;
    this.load = load;
    this.shards = {};
    this.cardFiles = {};
  }

  BoerseIndex.prototype.shard = function (name) {
    if (!this.shards[name]) {
      this.shards[name] = this.load("t-" + name + ".json").then(function (data) { return lunr.Index.load(data); });
    }
    return this.shards[name];
  };

  BoerseIndex.prototype.wordScores = function (word) {
    var self = this, byShard = {};
    clausesFor(word, this.manifest.synonyme).forEach(function (clause) {
      shardsFor(clause, self.manifest.shards).forEach(function (s) {
        (byShard[s] = byShard[s] || []).push(clause);
      });
    });
    var names = Object.keys(byShard).sort();
    return Promise.all(names.map(function (n) { return self.shard(n); })).then(function (indexes) {
      var scores = new Map();
      indexes.forEach(function (index, i) {
        var results = index.query(function (q) {
          byShard[names[i]].forEach(function (clause) {
            var options = { boost: clause.boost, usePipeline: clause.usePipeline };
            if (clause.prefix) options.wildcard = lunr.Query.wildcard.TRAILING;
            // Only fuzzy clauses may carry editDistance: lunr treats the key itself as fuzzy.
            if (clause.typo) options.editDistance = 1;
            q.term(clause.term, options);
          });
        });
        results.forEach(function (r) {
          var position = parseInt(r.ref, 36);
          scores.set(position, (scores.get(position) || 0) + r.score);
        });
      });
      return scores;
    });
  };

  /* [{position, score}] best first, or null for an empty query (show everything). */
  BoerseIndex.prototype.search = function (text) {
    var self = this, words = wordsOf(text);
    if (words.length === 0) return Promise.resolve(null);
    return Promise.all(words.map(function (w) { return self.wordScores(w); })).then(function (perWord) {
      var combined = perWord[0];
      for (var i = 1; i < perWord.length; i++) {
        var next = new Map();
        combined.forEach(function (score, position) {
          if (perWord[i].has(position)) next.set(position, score + perWord[i].get(position));
        });
        combined = next;
      }
      var results = [];
      combined.forEach(function (score, position) { results.push({ position: position, score: score }); });
      results.sort(function (a, b) {
        var difference = Math.round(b.score * 1e6) - Math.round(a.score * 1e6);
        return difference !== 0 ? difference : a.position - b.position;
      });
      return results;
    });
  };

  BoerseIndex.prototype.facets = function () {
    if (!this.facetData) this.facetData = this.load("facetten.json").then(function (d) { return d.facets; });
    return this.facetData;
  };

  /* Result cards for positions, in the given order. */
  BoerseIndex.prototype.cards = function (positions) {
    var self = this, size = this.manifest.kartenProDatei;
    var files = Array.from(new Set(positions.map(function (p) { return Math.floor(p / size); })));
    return Promise.all(files.map(function (f) {
      if (!self.cardFiles[f]) self.cardFiles[f] = self.load("karten-" + f + ".json");
      return self.cardFiles[f];
    })).then(function () {
      return Promise.all(positions.map(function (p) {
        return self.cardFiles[Math.floor(p / size)].then(function (cards) { return cards[p % size]; });
      }));
    });
  };

  /* --- Facets -------------------------------------------------------------------------- */

  function dayNumber(isoDate, epoch) {
    return Math.round((Date.parse(isoDate + "T00:00:00Z") - Date.parse(epoch + "T00:00:00Z")) / 86400000);
  }

  /* Does offer i pass facet f under selection value (null/empty = no filter)? */
  function passes(facet, i, selected) {
    var value = facet.values[i];
    if (facet.kind === "flag") return !selected || value === 1;
    if (facet.kind === "age") return selected === null || selected === undefined || (value !== null && value[0] <= selected && selected <= value[1]);
    if (facet.kind === "dates") {
      if (!selected || (!selected.von && !selected.bis)) return true;
      var from = selected.von ? dayNumber(selected.von, facet.epoch) : -Infinity;
      var to = selected.bis ? dayNumber(selected.bis, facet.epoch) : Infinity;
      for (var k = 0; k < value.length; k += 2) {
        if (value[k] <= to && value[k + 1] >= from) return true;
      }
      return false;
    }
    if (!selected || selected.length === 0) return true;
    for (var j = 0; j < value.length; j++) {
      if (selected.indexOf(facet.keys[value[j]]) !== -1) return true;
    }
    return false;
  }

  function isActive(facet, selected) {
    if (facet.kind === "flag") return !!selected;
    if (facet.kind === "age") return selected !== null && selected !== undefined;
    if (facet.kind === "dates") return !!(selected && (selected.von || selected.bis));
    return !!(selected && selected.length);
  }

  /*
   * candidates: positions in result order (all offers when the query is empty).
   * selection: facet name -> selected keys / age / {von, bis} / true.
   * Returns the positions passing every facet, and per facet the counts it would have if its
   * own selection were changed: per option for choices, one number for flags, ages and dates.
   */
  function filterResults(facets, candidates, selection) {
    var active = facets.filter(function (f) { return isActive(f, selection[f.name]); });
    var matches = candidates.filter(function (i) {
      return active.every(function (f) { return passes(f, i, selection[f.name]); });
    });
    var counts = {};
    facets.forEach(function (facet) {
      var others = active.filter(function (f) { return f !== facet; });
      var pool = candidates.filter(function (i) {
        return others.every(function (f) { return passes(f, i, selection[f.name]); });
      });
      if (facet.kind === "choice") {
        var perOption = facet.options.map(function () { return 0; });
        pool.forEach(function (i) { facet.values[i].forEach(function (o) { perOption[o] += 1; }); });
        counts[facet.name] = perOption;
      } else if (facet.kind === "flag") {
        counts[facet.name] = pool.filter(function (i) { return facet.values[i] === 1; }).length;
      } else {
        counts[facet.name] = pool.filter(function (i) { return passes(facet, i, selection[facet.name]); }).length;
      }
    });
    return { matches: matches, counts: counts };
  }

  return Object.freeze({
    BoerseIndex: BoerseIndex,
    filterResults: filterResults,
    wordsOf: wordsOf,
    clausesFor: clausesFor,
  });
})();
