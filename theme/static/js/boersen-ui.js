/*
 * Börsen search page code: the search form, facets, results, and the state in the URL.
 *
 * Progressive enhancement: without JavaScript the page lists every offer and the form stays
 * hidden behind a <noscript> note. With it, this script shows the form, reads the state from
 * the URL (?q=…&kategorien=…&alter=7), keeps the URL current (back button and shared links
 * work) and announces the number of results in a live region. Index shards load only once
 * somebody types. Needs BoersenSearch (boersen-search.js).
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  // A new query's first results show as soon as their cards are in, the rest of the page
  // follows: cards lie in listing order, so 20 results may need 20 files, the first 10 half.
  var FIRST_CARDS = 10;
  // A choice with more options (districts, languages) shows the most frequent first, the rest
  // on request, and a box to find one by typing; options without offers go last and hide.
  var SHORT_LIST = 8;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // The form is there from the first paint; its controls work once the script runs.
  function enable(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[disabled]"), function (control) { control.disabled = false; });
  }

  function loader(base) {
    return function (name) {
      return fetch(base + name).then(function (response) {
        if (!response.ok) throw new Error(name + ": " + response.status);
        return response.json();
      });
    };
  }

  // Texts in the page's language (texte.js): German where the page is German.
  var _ = BoersenTexte._, n_ = BoersenTexte.n_;

  /* A page in another language L searches L's index (its translations, L's stemmer) and the
     German index, which still finds German words: L's matches first, then the German ones
     not among them. Both index the same current offers in the same order, so a position names
     the same offer in both; facets and cards (in L) come from L's index. */
  function openIndexes(urls) {
    return Promise.all(urls.map(function (url) {
      var load = loader(url);
      return load("index.json").then(function (manifest) { return new BoersenSearch.BoerseIndex(manifest, load); });
    })).then(function (indexes) { return indexes.length === 1 ? indexes[0] : new MergedIndex(indexes); });
  }

  function MergedIndex(indexes) {
    this.indexes = indexes;
    this.manifest = indexes[0].manifest;
  }
  MergedIndex.prototype.search = function (text) {
    return Promise.all(this.indexes.map(function (index) { return index.search(text); })).then(function (lists) {
      if (lists[0] === null) return null;
      var seen = {}, merged = [];
      lists.forEach(function (list) {
        (list || []).forEach(function (result) {
          if (!seen[result.position]) { seen[result.position] = true; merged.push(result); }
        });
      });
      return merged;
    });
  };
  MergedIndex.prototype.facets = function () { return this.indexes[0].facets(); };
  MergedIndex.prototype.cards = function (positions) { return this.indexes[0].cards(positions); };
  MergedIndex.prototype.prefetch = function (positions) { this.indexes[0].prefetch(positions); };
  MergedIndex.prototype.hasCards = function (positions) { return this.indexes[0].hasCards(positions); };

  /* Work that can wait until the results are painted and the page is idle. */
  function whenIdle(work) {
    if (window.requestIdleCallback) window.requestIdleCallback(work, { timeout: 500 });
    else setTimeout(work, 0);
  }

  function indexUrls(root, fallback) {
    var urls = root.getAttribute("data-index-urls");
    return urls ? JSON.parse(urls) : [fallback];
  }

  /* The live region speaks once typing pauses, not after every keystroke. */
  var ANNOUNCE_DELAY = 400;
  function announce(status, text) {
    clearTimeout(status.announceTimer);
    status.announceTimer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_DELAY);
  }

  function card(data, siteUrl, headingLevel) {
    var facts = element("ul", { class: "facts" }, data.fakten.map(function (fact) { return element("li", { text: fact }); }));
    // Title and summary the index holds in German only get lang="de", inline as on the static list.
    var title = element("a", { href: siteUrl + "/" + BoersenTexte.pageUrl(data.url), text: data.titel });
    var summary = element("span", { text: data.kurz });
    var image = data.bild && element("img", {
      class: "card-picture", src: siteUrl + "/" + data.bild.src, alt: data.bild.alt,
      width: data.bild.b, height: data.bild.h, loading: "lazy", decoding: "async",
    });
    if (image && data.sprachen) image.setAttribute("lang", "de");  // alt texts are written in German only
    return element("li", { class: "offer-card" }, [
      image,
      element("h" + headingLevel, { class: "offer-title" }, [BoersenTexte.markGerman(title, data, "titel")]),
      element("p", { class: "offer-summary" }, [BoersenTexte.markGerman(summary, data, "kurz")]),
      facts,
    ]);
  }

  /* --- State in the URL ------------------------------------------------------------------ */

  function readState(facets) {
    var params = new URLSearchParams(window.location.search), state = { q: params.get("q") || "", selection: {} };
    facets.forEach(function (facet) {
      if (facet.kind === "flag") state.selection[facet.name] = params.get(facet.name) === "ja";
      else if (facet.kind === "age") {
        var age = parseInt(params.get(facet.name), 10);
        state.selection[facet.name] = isNaN(age) ? null : age;
      } else if (facet.kind === "dates") state.selection[facet.name] = { von: params.get("von") || "", bis: params.get("bis") || "" };
      else state.selection[facet.name] = params.getAll(facet.name).filter(function (key) { return facet.keys.indexOf(key) !== -1; });
    });
    return state;
  }

  function writeUrl(state, facets) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    facets.forEach(function (facet) {
      var value = state.selection[facet.name];
      if (facet.kind === "flag") { if (value) params.set(facet.name, "ja"); }
      else if (facet.kind === "age") { if (value !== null && value !== undefined) params.set(facet.name, String(value)); }
      else if (facet.kind === "dates") {
        if (value && value.von) params.set("von", value.von);
        if (value && value.bis) params.set("bis", value.bis);
      } else (value || []).forEach(function (key) { params.append(facet.name, key); });
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  /* --- One Börse's page ------------------------------------------------------------------ */

  function BoersePage(root) {
    this.root = root;
    this.siteUrl = root.getAttribute("data-site-url");
    this.form = root.querySelector("form.search-form");
    this.input = this.form.querySelector("input[type=search]");
    this.facetBox = root.querySelector(".facets");
    this.status = root.querySelector(".search-status");
    this.results = document.querySelector(".search-results");  // in the place of the static list
    this.staticList = document.querySelector(".static-offers");
    this.shown = PAGE_SIZE;
    this.renderCount = 0;
  }

  BoersePage.prototype.start = function () {
    var self = this;
    return openIndexes(indexUrls(this.root, this.root.getAttribute("data-search"))).then(function (index) {
      self.index = index;
      return self.index.facets();
    }).then(function (facets) {
      self.facets = facets;
      self.state = readState(facets);
      self.buildFacets();
      // Filters start folded, so nothing below moves when they are built (no layout shift);
      // open when a shared link sets some.
      var panel = self.root.querySelector(".facet-panel");
      if (panel && self.hasFilters()) panel.open = true;
      enable(self.form);
      self.bind();
      self.syncControls();
      return self.update().then(function () {
        // Folded again when the open panel would push the first result below the first screen.
        var first = self.results.querySelector(".offer-card");
        if (panel && panel.open && !self.hasFilters() && first && first.getBoundingClientRect().top > window.innerHeight) panel.open = false;
      });
    });
  };

  BoersePage.prototype.buildFacets = function () {
    var self = this;
    this.controls = {};
    this.facets.forEach(function (facet) {
      var box;
      if (facet.kind === "choice") {
        box = element("fieldset", { class: "facet facet-choice" }, [element("legend", { text: _(facet.label) })]);
        var long = facet.keys.length > SHORT_LIST, list = box;
        if (long) {
          var findId = "facet-finden-" + facet.name;
          var find = element("input", { type: "search", id: findId, class: "facet-find", autocomplete: "off" });
          box.appendChild(element("label", { for: findId, class: "facet-find-label", text: _("%(filter)s suchen", { filter: _(facet.label) }) }));
          box.appendChild(find);
          list = element("div", { class: "facet-options" });
          box.appendChild(list);
        }
        self.controls[facet.name] = facet.keys.map(function (key, i) {
          var input = element("input", { type: "checkbox", name: facet.name, value: key });
          var count = element("span", { class: "count" });
          // A category or other value from the data without a translation stays German: lang="de".
          var text = element("span", { text: _(facet.options[i]) });
          if (!BoersenTexte.translated(facet.options[i])) BoersenTexte.markGerman(text);
          var label = element("label", { class: "option" }, [input, document.createTextNode(" "), text, document.createTextNode(" "), count]);
          list.appendChild(label);
          return { input: input, count: count, label: label, text: _(facet.options[i]).toLowerCase() };
        });
        if (long) {
          var all = element("button", { type: "button", class: "facet-all", "aria-expanded": "false" });
          box.appendChild(all);
          var state = self.longFacets = self.longFacets || {};
          state[facet.name] = { find: find, all: all, list: list, expanded: false };
          find.addEventListener("input", function () { self.arrange(facet); });
          all.addEventListener("click", function () {
            state[facet.name].expanded = !state[facet.name].expanded;
            all.setAttribute("aria-expanded", String(state[facet.name].expanded));
            self.arrange(facet);
          });
        }
      } else if (facet.kind === "flag") {
        var input = element("input", { type: "checkbox", name: facet.name, value: "ja" });
        var count = element("span", { class: "count" });
        box = element("div", { class: "facet facet-flag" }, [element("label", { class: "option" }, [input, document.createTextNode(" " + _("nur %(filter)s", { filter: _(facet.label) }) + " "), count])]);
        self.controls[facet.name] = [{ input: input, count: count }];
      } else if (facet.kind === "age") {
        var age = element("input", { type: "number", name: facet.name, min: "0", max: "99", inputmode: "numeric", id: "facet-alter" });
        box = element("div", { class: "facet facet-age" }, [
          element("label", { for: "facet-alter", text: _("Alter des Kindes (Jahre)") }), age,
          element("span", { class: "count", "aria-live": "off" }),
        ]);
        self.controls[facet.name] = [{ input: age, count: box.querySelector(".count") }];
      } else {
        var from = element("input", { type: "date", name: "von", id: "facet-von" });
        var to = element("input", { type: "date", name: "bis", id: "facet-bis" });
        box = element("fieldset", { class: "facet facet-dates" }, [
          element("legend", { text: _("Zeitraum") }),
          element("label", { for: "facet-von", text: _("von") }), from,
          element("label", { for: "facet-bis", text: _("bis") }), to,
          element("span", { class: "count" }),
        ]);
        self.controls[facet.name] = [{ input: from, count: box.querySelector(".count") }, { input: to }];
      }
      self.facetBox.appendChild(box);
    });
    var reset = element("button", { type: "button", class: "reset", text: _("Alle Filter zurücksetzen") });
    reset.addEventListener("click", function () {
      self.facets.forEach(function (facet) {
        self.state.selection[facet.name] = facet.kind === "flag" ? false : facet.kind === "age" ? null : facet.kind === "dates" ? { von: "", bis: "" } : [];
      });
      self.syncControls();
      self.commit(true);
    });
    this.facetBox.appendChild(reset);
    this.toResults = element("a", { class: "to-results", href: "#suchergebnisse" });
    this.facetBox.appendChild(this.toResults);
  };

  /* A long choice: selected options first, then by count; without offers last and hidden;
     only the first SHORT_LIST unless "alle anzeigen" or a typed filter. */
  BoersePage.prototype.arrange = function (facet) {
    var state = this.longFacets[facet.name], controls = this.controls[facet.name].slice();
    var typed = state.find.value.trim().toLowerCase(), shown = 0, available = 0;
    controls.sort(function (a, b) {
      return (b.input.checked - a.input.checked) || (b.number - a.number) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
    });
    controls.forEach(function (c) {
      state.list.appendChild(c.label);
      var visible = c.input.checked || (c.number > 0 && (typed ? c.text.indexOf(typed) !== -1 : (state.expanded || shown < SHORT_LIST)));
      if (c.number > 0 || c.input.checked) available += 1;
      if (visible) shown += 1;
      c.label.hidden = !visible;
    });
    state.all.hidden = !!typed || available <= SHORT_LIST;
    state.all.textContent = state.expanded ? _("weniger anzeigen") : _("alle %(num)s anzeigen", { num: available });
  };

  BoersePage.prototype.readControls = function () {
    var self = this;
    this.facets.forEach(function (facet) {
      var controls = self.controls[facet.name];
      if (facet.kind === "choice") {
        self.state.selection[facet.name] = controls.filter(function (c) { return c.input.checked; }).map(function (c) { return c.input.value; });
      } else if (facet.kind === "flag") self.state.selection[facet.name] = controls[0].input.checked;
      else if (facet.kind === "age") {
        var age = parseInt(controls[0].input.value, 10);
        self.state.selection[facet.name] = isNaN(age) ? null : age;
      } else self.state.selection[facet.name] = { von: controls[0].input.value, bis: controls[1].input.value };
    });
  };

  BoersePage.prototype.syncControls = function () {
    var self = this;
    this.input.value = this.state.q;
    this.facets.forEach(function (facet) {
      var controls = self.controls[facet.name], value = self.state.selection[facet.name];
      if (facet.kind === "choice") controls.forEach(function (c) { c.input.checked = value.indexOf(c.input.value) !== -1; });
      else if (facet.kind === "flag") controls[0].input.checked = !!value;
      else if (facet.kind === "age") controls[0].input.value = value === null ? "" : String(value);
      else { controls[0].input.value = value.von; controls[1].input.value = value.bis; }
    });
  };

  BoersePage.prototype.bind = function () {
    var self = this, typing = false;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.state.q = self.input.value;
      self.commit(!typing);
      typing = false;
    });
    this.input.addEventListener("input", function () {
      // Search on every keystroke: a query takes milliseconds, and a newer one discards
      // the answer of an older one (renderCount). The first change of a burst of typing
      // adds a history entry, the rest replace it.
      self.state.q = self.input.value;
      self.commit(!typing);
      typing = true;
    });
    this.input.addEventListener("blur", function () { typing = false; });
    this.facetBox.addEventListener("change", function () {
      self.readControls();
      typing = false;
      self.commit(true);
    });
    window.addEventListener("popstate", function () {
      self.state = readState(self.facets);
      self.syncControls();
      self.update();
    });
  };

  BoersePage.prototype.commit = function (newEntry) {
    var url = writeUrl(this.state, this.facets);
    if (url !== window.location.pathname + window.location.search) {
      if (newEntry) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    this.shown = PAGE_SIZE;
    return this.update();
  };

  BoersePage.prototype.update = function () {
    var self = this, turn = ++this.renderCount;
    var started = performance.now();
    return this.index.search(this.state.q).then(function (found) {
      if (turn !== self.renderCount) return null; // a newer keystroke won
      var candidates = found === null ? Array.from({ length: self.index.manifest.anzahl }, function (_, i) { return i; }) : found.map(function (r) { return r.position; });
      var filtered = BoersenSearch.filterResults(self.facets, candidates, self.state.selection);
      self.showCounts(filtered.counts);
      var wanted = filtered.matches.slice(0, self.shown), total = filtered.matches.length, everything = found === null;
      function shown() {
        self.root.setAttribute("data-last-render-ms", String(Math.round((performance.now() - started) * 10) / 10));
        self.root.setAttribute("data-render-count", String(turn));
      }
      function whole(cards, firstShown) {
        if (turn !== self.renderCount) return;
        if (firstShown) self.appendCards(cards.slice(FIRST_CARDS));
        else self.render(total, cards, everything);
        self.finish(total, cards.length, everything);
        if (!firstShown) shown();
        // Only under a query: the full list's next page is what a first visit least needs.
        var next = everything ? [] : filtered.matches.slice(self.shown, self.shown + PAGE_SIZE);
        if (next.length) whenIdle(function () { self.index.prefetch(next); });
      }
      // A new query's first 10 first, unless the page's cards are all here; not after "more
      // results", where the list would shrink to 10 and grow again under the reader.
      var stepwise = !everything && self.shown === PAGE_SIZE && wanted.length > FIRST_CARDS && !self.index.hasCards(wanted);
      if (!stepwise) return self.index.cards(wanted).then(function (cards) { whole(cards, false); });
      return self.index.cards(wanted.slice(0, FIRST_CARDS)).then(function (first) {
        if (turn !== self.renderCount) return null;
        self.render(total, first, everything);
        shown();
        // The rest once the page is idle: while someone types on, the next query's files go first.
        return new Promise(whenIdle).then(function () {
          if (turn !== self.renderCount) return null;
          return self.index.cards(wanted).then(function (cards) { whole(cards, true); });
        });
      });
    }).catch(function (error) {
      clearTimeout(self.status.announceTimer);
      self.status.textContent = _("Die Suche ist gerade nicht verfügbar. Alle Angebote stehen in der Liste.");
      if (self.staticList) self.staticList.hidden = false;
      self.results.hidden = true;
      throw error;
    });
  };

  BoersePage.prototype.showCounts = function (counts) {
    var self = this;
    this.facets.forEach(function (facet) {
      var controls = self.controls[facet.name], count = counts[facet.name];
      if (facet.kind === "choice") {
        controls.forEach(function (c, i) { c.number = count[i]; c.count.textContent = "(" + count[i] + ")"; });
        if (self.longFacets && self.longFacets[facet.name]) self.arrange(facet);
      }
      else if (facet.kind === "flag") controls[0].count.textContent = "(" + count + ")";
      else {
        var value = self.state.selection[facet.name];
        var set = facet.kind === "age" ? value !== null : !!(value.von || value.bis);
        controls[0].count.textContent = set ? n_("%(num)s Angebot passt", "%(num)s Angebote passen", count) : "";
      }
    });
  };

  BoersePage.prototype.hasFilters = function () {
    var self = this;
    return this.facets.some(function (f) {
      var v = self.state.selection[f.name];
      return f.kind === "flag" ? v : f.kind === "age" ? v !== null : f.kind === "dates" ? !!(v.von || v.bis) : v.length > 0;
    });
  };

  /* The heading and the first cards; finish adds the button for more and the count. */
  BoersePage.prototype.render = function (total, cards, everything) {
    var self = this, filtered = !everything || this.hasFilters();
    if (this.staticList) this.staticList.hidden = true;
    this.results.hidden = false;
    this.results.textContent = "";
    this.results.id = "suchergebnisse";
    this.results.appendChild(element("h2", { class: "results-heading", text: filtered ? _("Suchergebnisse (%(num)s)", { num: total }) : _("Alle Angebote (%(num)s)", { num: total }) }));
    if (this.toResults) this.toResults.textContent = _("Zu den Ergebnissen (%(num)s)", { num: total });
    if (total === 0) {
      this.results.appendChild(element("p", { class: "empty", text: _("Keine passenden Angebote. Versuchen Sie ein anderes Wort oder weniger Filter.") }));
    } else {
      this.results.appendChild(element("ol", { class: "offer-list" }, cards.map(function (c) { return card(c, self.siteUrl, 3); })));
    }
  };

  /* The rest of the page's cards, below those already shown. */
  BoersePage.prototype.appendCards = function (cards) {
    var self = this, list = this.results.querySelector(".offer-list");
    cards.forEach(function (c) { list.appendChild(card(c, self.siteUrl, 3)); });
  };

  BoersePage.prototype.finish = function (total, showing, everything) {
    var self = this, filtered = !everything || this.hasFilters();
    if (showing < total) {
      var more = element("button", { type: "button", class: "more-results", text: _("Weitere Angebote anzeigen") });
      more.addEventListener("click", function () {
        var first = self.shown;
        self.shown += PAGE_SIZE;
        // The button is rebuilt: keep keyboard users in place, on the first new result.
        self.update().then(function () {
          var link = self.results.querySelectorAll(".offer-title a")[first];
          if (link) link.focus();
        });
      });
      this.results.appendChild(more);
    }
    announce(this.status, filtered ? n_("%(num)s Angebot gefunden", "%(num)s Angebote gefunden", total) : n_("%(num)s Angebot", "%(num)s Angebote", total));
  };

  /* --- The home page: one query over every Börse ------------------------------------------ */

  function HomePage(root) {
    this.root = root;
    this.siteUrl = root.getAttribute("data-site-url");
    this.form = root.querySelector("form.search-form");
    this.input = this.form.querySelector("input[type=search]");
    this.status = root.querySelector(".search-status");
    this.results = root.querySelector(".search-results");
    this.boersen = JSON.parse(root.getAttribute("data-boersen"));
    this.renderCount = 0;
  }

  HomePage.prototype.start = function () {
    var self = this;
    this.indexes = this.boersen.map(function (b) {
      var opened = null;
      return {
        boerse: b,
        get: function () {
          opened = opened || openIndexes(b.indexe || [b.search]);
          return opened;
        },
      };
    });
    enable(this.form);
    var typing = false;
    this.input.value = new URLSearchParams(window.location.search).get("q") || "";
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.commit(true); });
    this.input.addEventListener("input", function () { self.commit(!typing); typing = true; });
    this.input.addEventListener("blur", function () { typing = false; });
    window.addEventListener("popstate", function () {
      self.input.value = new URLSearchParams(window.location.search).get("q") || "";
      self.update();
    });
    return this.update();
  };

  HomePage.prototype.commit = function (newEntry) {
    var q = this.input.value, url = window.location.pathname + (q ? "?" + new URLSearchParams({ q: q }).toString() : "");
    if (url !== window.location.pathname + window.location.search) window.history[newEntry ? "pushState" : "replaceState"](null, "", url);
    return this.update();
  };

  HomePage.prototype.update = function () {
    var self = this, q = this.input.value, turn = ++this.renderCount;
    if (BoersenSearch.wordsOf(q).length === 0) {
      this.results.textContent = "";
      announce(this.status, "");
      return Promise.resolve();
    }
    return Promise.all(this.indexes.map(function (entry) {
      return entry.get().then(function (index) {
        return index.search(q).then(function (found) {
          return index.cards(found.slice(0, 3).map(function (r) { return r.position; })).then(function (cards) {
            return { boerse: entry.boerse, total: found.length, cards: cards };
          });
        });
      });
    })).then(function (groups) {
      if (turn !== self.renderCount) return;
      self.results.textContent = "";
      var total = 0;
      groups.forEach(function (group) {
        total += group.total;
        if (group.total === 0) return;
        var link = element("a", { href: self.siteUrl + "/" + group.boerse.url + "?" + new URLSearchParams({ q: q }).toString(), text: n_("Alle %(num)s Treffer in: %(boerse)s", "Alle %(num)s Treffer in: %(boerse)s", group.total, { boerse: group.boerse.titel }) });
        self.results.appendChild(element("section", { class: "result-group" }, [
          element("h2", {}, [BoersenTexte.markGerman(element("span", { text: group.boerse.titel })), document.createTextNode(" (" + group.total + ")")]),
          element("ol", { class: "offer-list" }, group.cards.map(function (c) { return card(c, self.siteUrl, 3); })),
          element("p", {}, [link]),
        ]));
      });
      if (total === 0) self.results.appendChild(element("p", { class: "empty", text: _("Keine passenden Angebote gefunden.") }));
      announce(self.status, n_("%(num)s Angebot gefunden", "%(num)s Angebote gefunden", total));
      self.root.setAttribute("data-render-count", String(turn));
    });
  };

  function boot() {
    var root = document.querySelector("[data-search]");
    if (root) {
      new BoersePage(root).start();
      return;
    }
    var home = document.querySelector("[data-boersen]");
    if (home) new HomePage(home).start();
  }

  function start() { BoersenTexte.ready.then(boot); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
