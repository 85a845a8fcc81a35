/*
 * Texts of the page scripts in the page's language, and marks for German text on other pages.
 *
 * The scripts are written in German: _("Suchergebnisse (%(num)s)", { num: 3 }) and
 * n_("%(num)s Angebot", "%(num)s Angebote", count). On a page in another language, <html
 * data-texte> names a JSON file with the translations (plugins/boersen/i18n/scripts.py); plural
 * forms are keyed by the browser's Intl.PluralRules category, so no rule runs as code. German
 * pages load nothing. Scripts wait for BoersenTexte.ready before they write any text.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var lang = root.getAttribute("lang") || "de", rtl = root.getAttribute("dir") === "rtl";
  var texts = {}, plurals = {}, rules = null;
  var source = root.getAttribute("data-texte");

  var ready = !source ? Promise.resolve() : fetch(source).then(function (response) {
    if (!response.ok) throw new Error(source + ": " + response.status);
    return response.json();
  }).then(function (data) {
    texts = data.texte || {};
    plurals = data.mehrzahl || {};
    rules = new Intl.PluralRules(lang);
  }).catch(function () { /* German texts are better than none */ });

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (whole, name) { return values && name in values ? String(values[name]) : whole; });
  }

  function translate(text, values) { return fill(texts[text] || text, values); }
  function translated(text) { return lang === "de" || Object.prototype.hasOwnProperty.call(texts, text); }

  function translatePlural(one, many, count, values) {
    var forms = plurals[one], text = count === 1 ? one : many;
    if (forms && rules) text = forms[rules.select(count)] || forms.other || text;
    var all = { num: count };
    Object.keys(values || {}).forEach(function (key) { all[key] = values[key]; });
    return fill(text, all);
  }

  // German text on another language's page gets lang="de" (and dir="ltr" on Arabic pages): a result
  // card's field the index holds in German only (its "sprachen" say so), or, without a card, text
  // from the data such as a Börse's title or a category without a translation.
  function markGerman(node, card, field) {
    var german = card ? !!(card.sprachen && card.sprachen[field] === "de") : true;
    if (lang !== "de" && german) {
      node.setAttribute("lang", "de");
      if (rtl) node.setAttribute("dir", "ltr");
    }
    return node;
  }

  // An offer's address (relative to the site) in the page's language: /en/ferien/x/ on English pages.
  var prefix = lang === "de" ? "" : lang + "/";
  function pageUrl(url) { return prefix && url.indexOf(prefix) !== 0 ? prefix + url : url; }

  window.BoersenTexte = { ready: ready, lang: lang, _: translate, n_: translatePlural, translated: translated, markGerman: markGerman, pageUrl: pageUrl };
})();
