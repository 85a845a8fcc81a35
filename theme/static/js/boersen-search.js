/*
 * Börsen search engine: queries a Börse's prebuilt lunr index shards, filters and counts facets.
 *
 * Twin of plugins/boersen/search/query.py (same steps, same constants; the parity tests run
 * both over the same built files). Facet filtering and counting (filterResults) lives only here.
 * No DOM: the page code is boersen-ui.js. Plain script, no build step; needs the globals lunr
 * (with lunr.stemmer.support and lunr.de loaded, and lunr.tr or lunr.ar for those languages'
 * indexes) and BoersenGerman (search-german.js).
 */
var BoersenSearch = (function () {
  "use strict";

  var MAX_WORDS = 8;
  var MAX_WORD_LENGTH = 40;
  var EXACT = 10, PREFIX = 3, STEM_PREFIX = 2, SYNONYM = 5, SYNONYM_PREFIX = 2, TYPO = 1;
  var MIN_PREFIX_LENGTH = 2;
  var MIN_STEM_PREFIX = 5;
  var MIN_UMLAUT_PREFIX = 5;
  var MIN_TYPO_LENGTH = 4;
  var TWO_TYPOS_FROM = 7;
  var MAX_TYPO_TERMS = 20;
  var MAX_PHRASE = 4;
  var MIN_QUERY_PART = 4; // the word lists' shortest words: "Badesee" is not split at query time
  var MAX_QUERY_PARTS = 3;
  var FUGEN = ["s", "es", "n", "en", "e"]; // joints between parts, as search/words.py
  var SHORT_PREFIX = 5; // prefixes shorter than this skip compound parts: "wa" would match thousands
  var PARTS_FIELD = "teile";
  var RECENT_QUERIES = 50; // answers kept: a deleted letter or a query typed again costs nothing
  var DIGRAPHS = [["ae", "a"], ["oe", "o"], ["ue", "u"]];

  var stopWords = null;

  function isStopWord(word) {
    if (stopWords === null) {
      // lunr.de's stop word filter drops a token by returning undefined.
      stopWords = function (w) { return lunr.de.stopWordFilter(new lunr.Token(w)) === undefined; };
    }
    return stopWords(word);
  }

  /* Lengths and slices in code points, as Python counts them. */
  function length(text) { return Array.from(text).length; }

  /*
   * The analysis of another language's index (twin of search/languages.py): a term is
   * fold(stem(trim(normal(word)))) with lunr.js's English functions, lunr.tr or lunr.ar;
   * Ukrainian has none (lunr-languages has no Ukrainian), only lower case and folding.
   */
  function identity(word) { return word; }

  function Language(code) {
    this.code = code;
    this.german = code === "de";
    this.normal = code === "tr" || code === "ar" ? identity : BoersenGerman.fold;
    this.terms = new Map();
  }

  Language.prototype.functions = function () {
    if (this.code === "en") return { trimmer: lunr.trimmer, stopWordFilter: lunr.stopWordFilter, stemmer: lunr.stemmer };
    return this.code === "uk" ? null : lunr[this.code];
  };

  Language.prototype.trim = function (word) {
    var f = this.functions();
    return f ? f.trimmer(new lunr.Token(word)).toString() : word;
  };

  Language.prototype.isStopWord = function (word) {
    if (this.german) return isStopWord(word);
    // A word that trims to nothing is no stop word (lunr.ar's list holds ""): see languages.py.
    var f = this.functions(), trimmed = this.trim(this.normal(word));
    return f !== null && trimmed !== "" && f.stopWordFilter(new lunr.Token(trimmed)) === undefined;
  };

  Language.prototype.termOf = function (word) {
    if (this.german) return termOf(word);
    var term = this.terms.get(word);
    if (term === undefined) {
      var trimmed = this.trim(this.normal(word)), f = this.functions();
      term = trimmed === "" ? "" : BoersenGerman.fold(f ? f.stemmer(new lunr.Token(trimmed)).toString() : trimmed);
      if (this.terms.size > 20000) this.terms.clear();
      this.terms.set(word, term);
    }
    return term;
  };

  /* The form typo lists keep words in, and typos are measured in. */
  Language.prototype.surface = function (word) { return this.normal(word); };

  var languages = {};
  function language(code) {
    code = code || "de";
    if (!languages[code]) languages[code] = new Language(code);
    return languages[code];
  }

  function wordsOf(text, lang) {
    lang = lang || language("de");
    var words = [];
    BoersenGerman.tokenize(text).forEach(function (word) {
      word = Array.from(word).slice(0, MAX_WORD_LENGTH).join("");
      if (!lang.isStopWord(word) && words.indexOf(word) === -1) words.push(word);
    });
    return words.slice(0, MAX_WORDS);
  }

  /* The index term of a word: folded, trimmed and stemmed like the index (index_term in Python). */
  var terms = new Map();  // word -> term: synonyms and word lists ask for the same words again

  function termOf(word) {
    var term = terms.get(word);
    if (term === undefined) {
      term = lunr.de.stemmer(lunr.de.trimmer(new lunr.Token(BoersenGerman.fold(word)))).toString();
      if (terms.size > 20000) terms.clear();
      terms.set(word, term);
    }
    return term;
  }

  function umlautVariant(folded) {
    var variant = folded;
    DIGRAPHS.forEach(function (pair) { variant = variant.split(pair[0]).join(pair[1]); });
    return variant !== folded ? variant : null;
  }

  function startsWith(text, prefix) { return text.slice(0, prefix.length) === prefix; }

  function sameWord(folded, member) {
    if (folded === member || termOf(folded) === termOf(member)) return true;
    return length(member) >= 4 && startsWith(folded, member) && length(folded) - length(member) <= 2;
  }

  function sameList(a, b) {
    return a.length === b.length && a.every(function (x, i) { return x === b[i]; });
  }

  function unitsOf(words, groups) {
    var folded = words.map(function (w) { return BoersenGerman.fold(w); });
    var units = [], i = 0;
    while (i < words.length) {
      for (var size = Math.min(MAX_PHRASE, words.length - i); size > 0; size--) {
        var span = folded.slice(i, i + size), alternatives = [], matched = false;
        groups.forEach(function (group) {
          var hits = group.filter(function (m) {
            return m.length === size && m.every(function (t, k) { return sameWord(span[k], t); });
          });
          if (hits.length === 0) return;
          matched = true;
          group.forEach(function (member) {
            var isHit = hits.some(function (h) { return sameList(h, member); });
            var known = alternatives.some(function (a) { return sameList(a, member); });
            if (!isHit && !known) alternatives.push(member);
          });
        });
        if (matched || size === 1) {
          units.push({ words: words.slice(i, i + size), alternatives: alternatives });
          i += size;
          break;
        }
      }
    }
    return units;
  }

  function wordClauses(word, boost, prefixBoost, lang) {
    if (boost === undefined) { boost = EXACT; prefixBoost = PREFIX; }
    lang = lang || language("de");
    var folded = BoersenGerman.fold(word), term = lang.termOf(word), clauses = [];
    if (term) clauses.push({ term: term, boost: boost });
    if (length(folded) >= MIN_PREFIX_LENGTH) {
      clauses.push({ term: folded, boost: prefixBoost, prefix: true, wholeWords: length(folded) < SHORT_PREFIX });
    }
    if (length(term) >= MIN_STEM_PREFIX && term !== folded && length(folded) - length(term) <= 2) clauses.push({ term: term, boost: STEM_PREFIX, prefix: true });
    if (!lang.german) return clauses;  // "-um", "-ung" and umlaut spellings are German
    if (length(term) >= MIN_STEM_PREFIX + 1 && term.slice(-2) === "um") clauses.push({ term: term.slice(0, -2), boost: boost });
    if (length(folded) >= MIN_STEM_PREFIX && (folded.slice(-2) === "un" || folded.slice(-1) === "u")) {
      // Typing "Beratun": the index holds "berat" (the stem of "Beratung"); cut the begun "-ung".
      clauses.push({ term: folded.slice(0, folded.slice(-2) === "un" ? -2 : -1), boost: prefixBoost, prefix: true });
    }
    var variant = umlautVariant(folded);
    if (variant) {
      clauses.push({ term: termOf(variant), boost: boost });
      if (length(variant) >= MIN_UMLAUT_PREFIX) clauses.push({ term: variant, boost: prefixBoost, prefix: true });
    }
    return clauses;
  }

  function typoBudget(folded) {
    var n = length(folded);
    if (n < MIN_TYPO_LENGTH) return 0;
    return n >= TWO_TYPOS_FROM ? 2 : 1;
  }

  function typoLengths(folded, available) {
    var budget = typoBudget(folded), n = length(folded), lengths = [];
    if (!budget) return lengths;
    for (var k = n - budget; k <= n + budget; k++) if (available.indexOf(k) !== -1) lengths.push(k);
    return lengths;
  }

  /* Optimal string alignment distance over code points, or limit + 1 once it is larger. */
  function distance(a, b, limit) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = [], previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i], smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        current.push(value);
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length] <= limit ? previous[b.length] : limit + 1;
  }

  /* Code point order, as Python sorts strings. */
  function compareCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }

  function typoTerms(folded, lists, lang) {
    lang = lang || language("de");
    var budget = typoBudget(folded), best = budget + 1, found = [];
    Object.keys(lists).map(Number).sort(function (a, b) { return a - b; }).forEach(function (n) {
      lists[n].forEach(function (candidate) {
        var d = distance(folded, candidate, budget);
        if (d === 0 || d > budget || d > best) return;
        if (d < best) { best = d; found = []; }
        found.push(candidate);
      });
    });
    var terms = [];
    found.sort(compareCodePoints).forEach(function (candidate) {
      var term = lang.termOf(candidate);
      if (terms.indexOf(term) === -1) terms.push(term);
    });
    return terms.slice(0, MAX_TYPO_TERMS);
  }

  /* The word list lengths a compound of folded's length can be made of (a verb's stem two
     letters longer: "bastel" is known from "basteln"). */
  function compoundLengths(folded, available) {
    var lengths = [], n = length(folded);
    for (var k = MIN_QUERY_PART; k <= n - MIN_QUERY_PART + 2; k++) if (available.indexOf(k) !== -1) lengths.push(k);
    return lengths;
  }

  /* Fewer parts win, then the longer last part (the head of a German compound), then the longer first. */
  function fewerPartsLongerHead(option, best) {
    if (best === null || option.length !== best.length) return best === null || option.length < best.length;
    var last = length(option[option.length - 1]), bestLast = length(best[best.length - 1]);
    if (last !== bestLast) return last > bestLast;
    return length(option[0]) > length(best[0]);
  }

  var wordSets = new WeakMap(); // a loaded word list -> its words as a Set, made once

  function inList(list, word) {
    if (!list) return false;
    var set = wordSets.get(list);
    if (!set) { set = new Set(list); wordSets.set(list, set); }
    return set.has(word);
  }

  /* folded as two or three words of the lists, perhaps joined by a Fugen-s or -n, or [].
     A part may be a verb's stem ("bastel" of "basteln", "tanz" of "tanzen"): "Bastelnachmittag". */
  function compoundParts(folded, lists) {
    function listed(word) { return inList(lists[length(word)], word); }
    function known(part) { return listed(part) || listed(part + "n") || listed(part + "en"); }
    function segment(letters, partsLeft) {
      var word = letters.join("");
      if (known(word)) return [word];
      if (partsLeft === 1) return null;
      var best = null;
      for (var end = MIN_QUERY_PART; end <= letters.length - MIN_QUERY_PART; end++) {
        var head = letters.slice(0, end).join("");
        if (!known(head)) continue;
        [""].concat(FUGEN).forEach(function (joint) {
          var start = end + length(joint);
          if (letters.slice(end, start).join("") !== joint || letters.length - start < MIN_QUERY_PART) return;
          var rest = segment(letters.slice(start), partsLeft - 1);
          if (rest !== null && fewerPartsLongerHead([head].concat(rest), best)) best = [head].concat(rest);
        });
      }
      return best;
    }
    if (listed(folded)) return [];
    return segment(Array.from(folded), MAX_QUERY_PARTS) || [];
  }

  function shardsFor(clause, shards) {
    if (clause.prefix) {
      return shards.filter(function (s) { return startsWith(s, clause.term) || startsWith(clause.term, s); });
    }
    var best = null;
    shards.forEach(function (s) {
      if (startsWith(clause.term, s) && (best === null || s.length > best.length)) best = s;
    });
    return best === null ? [] : [best];
  }

  function add(scores, more) {
    more.forEach(function (score, position) { scores.set(position, (scores.get(position) || 0) + score); });
    return scores;
  }

  function intersect(parts) {
    var combined = parts[0];
    for (var i = 1; i < parts.length; i++) {
      var next = new Map();
      combined.forEach(function (score, position) {
        if (parts[i].has(position)) next.set(position, score + parts[i].get(position));
      });
      combined = next;
    }
    return combined;
  }

  /* --- Scoring one shard ----------------------------------------------------------------- */

  /*
   * A serialized lunr index (one shard), scored exactly as lunr.Index.query scores it: one
   * query vector per field (each matched term's boost, summed when clauses share a term),
   * and per matching document the sum over its matching fields of field vector · query
   * vector / |query vector|. Without lunr's per-match objects (MatchData, lunr.Set,
   * FieldRef) and its merge of both vectors per document, which for a short prefix (hundreds
   * of terms) made a keystroke cost tens of milliseconds; and without building lunr's token
   * set when a shard loads: prefixes are a range of the sorted terms.
   */
  function Shard(data) {
    var self = this;
    this.fields = data.fields;
    this.terms = data.invertedIndex.map(function (entry) { return entry[0]; }); // UTF-16 order, as JS compares
    this.postings = new Map(data.invertedIndex);
    this.vectors = {}; // field -> ref -> [term index, weight, ...]
    this.fields.forEach(function (field) { self.vectors[field] = new Map(); });
    data.fieldVectors.forEach(function (entry) {
      var slash = entry[0].indexOf("/");
      self.vectors[entry[0].slice(0, slash)].set(entry[0].slice(slash + 1), entry[1]);
    });
  }

  /* The index terms a clause matches: the term itself, or every term it begins. */
  Shard.prototype.expand = function (clause) {
    if (!clause.prefix) return this.postings.has(clause.term) ? [clause.term] : [];
    var terms = this.terms, low = 0, high = terms.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (terms[middle] < clause.term) low = middle + 1;
      else high = middle;
    }
    var found = [];
    for (var i = low; i < terms.length && startsWith(terms[i], clause.term); i++) found.push(terms[i]);
    return found;
  };

  /* Scores per document ref. */
  Shard.prototype.query = function (clauses) {
    var self = this, queryVectors = {}, matching = {}, seen = {};
    this.fields.forEach(function (field) { queryVectors[field] = new Map(); matching[field] = new Set(); seen[field] = new Set(); });
    clauses.forEach(function (clause) {
      var fields = clause.wholeWords ? self.fields.filter(function (f) { return f !== PARTS_FIELD; }) : self.fields;
      self.expand(clause).forEach(function (term) {
        var posting = self.postings.get(term), index = posting._index;
        fields.forEach(function (field) {
          var vector = queryVectors[field];
          vector.set(index, vector.has(index) ? vector.get(index) + clause.boost : clause.boost);
          if (seen[field].has(term)) return;
          seen[field].add(term);
          var refs = Object.keys(posting[field]), found = matching[field];
          for (var k = 0; k < refs.length; k++) found.add(refs[k]);
        });
      });
    });
    var scores = new Map();
    this.fields.forEach(function (field) {
      var vector = queryVectors[field], vectors = self.vectors[field], sum = 0;
      if (matching[field].size === 0) return;
      // In term index order, as lunr sums: the same float to the last bit.
      Array.from(vector.keys()).sort(function (a, b) { return a - b; }).forEach(function (index) {
        sum += vector.get(index) * vector.get(index);
      });
      var magnitude = Math.sqrt(sum);
      matching[field].forEach(function (ref) {
        var elements = vectors.get(ref), dot = 0;
        for (var k = 0; k < elements.length; k += 2) {
          var weight = vector.get(elements[k]);
          if (weight !== undefined) dot += weight * elements[k + 1];
        }
        var score = dot / magnitude || 0;
        scores.set(ref, scores.has(ref) ? scores.get(ref) + score : score);
      });
    });
    return scores;
  };

  /* --- One Börse ------------------------------------------------------------------------ */

  /* One Börse's search files; load(name) resolves to the parsed JSON of a file. */
  function BoerseIndex(manifest, load) {
    this.manifest = manifest;
    this.load = load;
    this.language = language(manifest.sprache);
    this.shards = {};
    this.wordFiles = {};
    this.cardFiles = {};
    this.loadedCardFiles = new Set();
    this.recent = new Map(); // the words of a query -> its answer, oldest first
  }

  BoerseIndex.prototype.shard = function (name) {
    if (!this.shards[name]) {
      this.shards[name] = this.load("t-" + name + ".json").then(function (data) { return new Shard(data); });
    }
    return this.shards[name];
  };

  /* The word lists of the lengths lengthsFor(folded, available lengths) picks. */
  BoerseIndex.prototype.lists = function (lengthsFor, folded) {
    var self = this, files = this.manifest.woerter; // length -> file holding its words
    var lengths = lengthsFor(folded, Object.keys(files).map(Number));
    return Promise.all(lengths.map(function (n) {
      if (!self.wordFiles[files[n]]) self.wordFiles[files[n]] = self.load("w-" + files[n] + ".json");
      return self.wordFiles[files[n]];
    })).then(function (loaded) {
      var lists = {};
      lengths.forEach(function (n, i) { lists[n] = loaded[i][n]; });
      return lists;
    });
  };

  /* Scores per offer position of one lunr query per shard, summed over the shards. */
  BoerseIndex.prototype.run = function (clauses) {
    var self = this, byShard = {};
    clauses.forEach(function (clause) {
      shardsFor(clause, self.manifest.shards).forEach(function (s) {
        (byShard[s] = byShard[s] || []).push(clause);
      });
    });
    var names = Object.keys(byShard).sort(compareCodePoints);
    return Promise.all(names.map(function (n) { return self.shard(n); })).then(function (shards) {
      var scores = new Map();
      shards.forEach(function (shard, i) {
        shard.query(byShard[names[i]]).forEach(function (score, ref) {
          var position = parseInt(ref, 36);
          scores.set(position, (scores.get(position) || 0) + score);
        });
      });
      return scores;
    });
  };

  BoerseIndex.prototype.unitScores = function (unit, typos) {
    var self = this;
    var singles = unit.alternatives.filter(function (a) { return a.length === 1; }).map(function (a) { return a[0]; });
    var synonymClauses = [];
    singles.forEach(function (s) { synonymClauses = synonymClauses.concat(wordClauses(s, SYNONYM, SYNONYM_PREFIX)); });
    var direct;
    if (unit.words.length === 1) {
      var lang = this.language, clauses = wordClauses(unit.words[0], undefined, undefined, lang);
      var folded = lang.surface(unit.words[0]);
      var typoClauses = typos
        ? this.lists(typoLengths, folded).then(function (lists) {
            return typoTerms(folded, lists, lang).map(function (term) { return { term: term, boost: TYPO }; });
          })
        : Promise.resolve([]);
      direct = typoClauses.then(function (more) { return self.run(clauses.concat(more, synonymClauses)); });
    } else {
      direct = Promise.all(unit.words.map(function (w) { return self.run(wordClauses(w, undefined, undefined, self.language)); })).then(function (parts) {
        var scores = intersect(parts);
        return singles.length ? self.run(synonymClauses).then(function (more) { return add(scores, more); }) : scores;
      });
    }
    var phrases = unit.alternatives.filter(function (a) { return a.length > 1; });
    return direct.then(function (scores) {
      return Promise.all(phrases.map(function (phrase) {
        return Promise.all(phrase.map(function (w) { return self.run(wordClauses(w, SYNONYM, SYNONYM_PREFIX)); })).then(intersect);
      })).then(function (perPhrase) {
        perPhrase.forEach(function (more) { add(scores, more); });
        return scores;
      });
    });
  };

  /* A one-word unit as the compound of the data's words it is, every part matching. */
  BoerseIndex.prototype.compoundScores = function (unit) {
    var self = this;
    if (unit.words.length > 1 || !this.language.german) return Promise.resolve(new Map());
    var folded = this.language.surface(unit.words[0]);
    return this.lists(compoundLengths, folded).then(function (lists) {
      var parts = compoundParts(folded, lists);
      if (!parts.length) return new Map();
      return Promise.all(parts.map(function (part) { return self.run(wordClauses(part)); })).then(intersect);
    });
  };

  /* [{position, score}] best first, or null for an empty query (show everything). */
  BoerseIndex.prototype.search = function (text) {
    var self = this, words = wordsOf(text, this.language), key = words.join(" ");
    if (words.length === 0) return Promise.resolve(null);
    var answer = this.recent.get(key);
    if (answer === undefined) {
      answer = this.answer(words).catch(function (error) { self.recent.delete(key); throw error; });
      if (this.recent.size >= RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value);
    }
    this.recent.delete(key);
    this.recent.set(key, answer); // now the newest
    return answer;
  };

  BoerseIndex.prototype.answer = function (words) {
    var self = this;
    var units = unitsOf(words, this.manifest.synonyme);
    var forgiving = units.map(function (u) { return u.words.length === 1 && typoBudget(self.language.surface(u.words[0])) > 0; });
    var typos = units.map(function () { return false; });
    return Promise.all(units.map(function (u) { return self.unitScores(u, false); })).then(function (scores) {
      return Promise.all(units.map(function (u, i) {
        if (scores[i].size > 0 || !forgiving[i]) return scores[i];
        typos[i] = true;
        return self.compoundScores(u).then(function (parts) { return parts.size > 0 ? parts : self.unitScores(u, true); });
      }));
    }).then(function (scores) {
      var combined = intersect(scores);
      var retry = forgiving.some(function (f, i) { return f && !typos[i]; });
      if (combined.size > 0 || !retry) return combined;
      return Promise.all(units.map(function (u, i) {
        if (!forgiving[i] || typos[i]) return scores[i];
        return self.unitScores(u, true);
      })).then(intersect);
    }).then(function (combined) {
      var results = [];
      // Scores rounded once per result, not twice per comparison: thousands of results for "sc".
      combined.forEach(function (score, position) { results.push({ position: position, score: score, key: Math.round(score * 1e6) }); });
      results.sort(function (a, b) { return (b.key - a.key) || (a.position - b.position); });
      return results.map(function (r) { return { position: r.position, score: r.score }; });
    });
  };

  BoerseIndex.prototype.facets = function () {
    if (!this.facetData) this.facetData = this.load("facetten.json").then(function (d) { return d.facets; });
    return this.facetData;
  };

  /* Result cards for positions, in the given order. */
  BoerseIndex.prototype.cards = function (positions) {
    var self = this, size = this.manifest.kartenProDatei;
    return Promise.all(positions.map(function (p) {
      return self.cardFile(self.cardFileOf(p)).then(function (cards) { return cards[p % size]; });
    }));
  };

  /* The number of the card file holding a position's card: cards sit in listing order. */
  BoerseIndex.prototype.cardFileOf = function (position) {
    return Math.floor(position / this.manifest.kartenProDatei);
  };

  /* One card file, loaded once; a failed load is forgotten, so the next need tries again. */
  BoerseIndex.prototype.cardFile = function (number) {
    var self = this;
    if (!this.cardFiles[number]) {
      this.cardFiles[number] = this.load("karten-" + number + ".json").then(function (cards) {
        self.loadedCardFiles.add(number);
        return cards;
      }, function (error) {
        delete self.cardFiles[number];
        throw error;
      });
    }
    return this.cardFiles[number];
  };

  /* Are the cards of all these positions loaded already? */
  BoerseIndex.prototype.hasCards = function (positions) {
    var self = this;
    return positions.every(function (p) { return self.loadedCardFiles.has(self.cardFileOf(p)); });
  };

  /* Starts loading the cards of positions likely needed next, without waiting for them: the
     next page of results, which "more results" shows and a refining keystroke mostly draws its
     first results from ("kin" after "ki"). Cards sit in listing order, so a query's first 20
     results lie in up to 20 files; loaded ahead, the next keystroke waits for none of them. */
  BoerseIndex.prototype.prefetch = function (positions) {
    var self = this;
    positions.forEach(function (p) {
      self.cardFile(self.cardFileOf(p)).catch(function () { /* loaded again when needed */ });
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
    // An offer without an age range is for every age: it stays in.
    if (facet.kind === "age") return selected === null || selected === undefined || value === null || (value[0] <= selected && selected <= value[1]);
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
    Shard: Shard,
    language: language,
    filterResults: filterResults,
    wordsOf: wordsOf,
    unitsOf: unitsOf,
    wordClauses: wordClauses,
    typoTerms: typoTerms,
    distance: distance,
  });
})();
