/* Merkliste: offers a visitor marks, kept only in this browser (localStorage), shown on
   /merkliste/, shareable as a link (the list is in the address), downloadable as one .ics file.
   No account, no server, nothing sent anywhere. */
(function () {
  "use strict";
  var KEY = "boersen-merkliste";
  // Texts in the page's language (texte.js); an offer's address in it (en/…).
  var _ = BoersenTexte._, n_ = BoersenTexte.n_, pageUrl = BoersenTexte.pageUrl;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || []; } catch (error) { return []; }
  }
  function save(items) { window.localStorage.setItem(KEY, JSON.stringify(items)); }
  function find(items, id) { return items.filter(function (item) { return item.id === id; })[0]; }
  function announce(text) {
    var region = document.querySelector(".merkliste-status");
    if (region) region.textContent = text;
  }
  function record(button) {
    return { id: button.getAttribute("data-merken"), titel: button.getAttribute("data-titel"), url: button.getAttribute("data-url"),
      termin: button.getAttribute("data-termin") || "", ics: button.getAttribute("data-ics") || "", bis: button.getAttribute("data-bis") || "" };
  }

  // "Merken" on offer pages: a toggle button (aria-pressed), hidden without JavaScript.
  function bookmarks() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-merken]"), function (button) {
      var id = button.getAttribute("data-merken");
      var sync = function () {
        var marked = !!find(load(), id);
        button.setAttribute("aria-pressed", String(marked));
        button.textContent = marked ? _("Gemerkt") : _("Merken");
      };
      button.hidden = false;
      sync();
      button.addEventListener("click", function () {
        var items = load(), marked = !!find(items, id);
        save(marked ? items.filter(function (item) { return item.id !== id; }) : items.concat([record(button)]));
        sync();
        announce(marked ? _("Von der Merkliste entfernt.") : _("Auf die Merkliste gesetzt."));
      });
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) node.textContent = text;
    return node;
  }

  // An offer of a shared list this browser does not know: its page holds its data.
  function fetchRecord(siteUrl, id) {
    return fetch(siteUrl + "/" + pageUrl(id + "/")).then(function (response) {
      if (!response.ok) return { id: id, titel: id, url: "", termin: "", ics: "", bis: "", fehlt: true };
      return response.text().then(function (html) {
        var button = new DOMParser().parseFromString(html, "text/html").querySelector("button[data-merken]");
        return button ? record(button) : { id: id, titel: id, url: "", termin: "", ics: "", bis: "", fehlt: true };
      });
    });
  }

  function page(root) {
    var siteUrl = root.getAttribute("data-site-url"), today = root.getAttribute("data-heute");
    var shared = (new URLSearchParams(window.location.search).get("angebote") || "").split(",").filter(Boolean);
    var list = root.querySelector(".merkliste-eintraege"), actions = root.querySelector(".merkliste-aktionen");
    actions.hidden = false;

    function render(items, foreign) {
      list.textContent = "";
      if (!items.length) {
        list.appendChild(element("p", { class: "empty" }, _("Ihre Merkliste ist leer. Auf jeder Angebotsseite können Sie „Merken“ wählen.")));
      }
      var ol = element("ol", { class: "offer-list" });
      items.forEach(function (item) {
        var li = element("li", { class: "offer-card" });
        var heading = element("h2", { class: "offer-title" });
        heading.appendChild(item.url ? element("a", { href: siteUrl + "/" + pageUrl(item.url) }, item.titel) : document.createTextNode(item.titel));
        li.appendChild(heading);
        if (item.termin) li.appendChild(element("p", {}, item.termin));
        if (item.fehlt || (item.bis && item.bis < today)) li.appendChild(element("p", { class: "notice notice-past" }, _("Dieses Angebot ist nicht mehr aktuell.")));
        if (!foreign) {
          var remove = element("button", { type: "button", class: "secondary" }, _("Entfernen"));
          remove.setAttribute("aria-label", _("„%(title)s“ von der Merkliste entfernen", { title: item.titel }));
          remove.addEventListener("click", function () {
            save(load().filter(function (other) { return other.id !== item.id; }));
            render(load(), false);
            announce(_("„%(title)s“ entfernt.", { title: item.titel }));
          });
          li.appendChild(remove);
        }
        ol.appendChild(li);
      });
      if (items.length) list.appendChild(ol);
      var link = root.querySelector(".merkliste-link");
      link.value = window.location.origin + window.location.pathname + "?angebote=" + items.map(function (item) { return item.id; }).join(",");
      root.querySelector(".merkliste-ics").disabled = !items.some(function (item) { return item.ics; });
      root.current = items;
    }

    root.querySelector(".merkliste-drucken").addEventListener("click", function () { window.print(); });
    root.querySelector(".merkliste-ics").addEventListener("click", function () {
      var files = root.current.filter(function (item) { return item.ics; });
      Promise.all(files.map(function (item) { return fetch(siteUrl + "/" + item.ics).then(function (r) { return r.text(); }); })).then(function (texts) {
        var body = texts.map(function (text) {
          var start = text.indexOf("BEGIN:VEVENT"), end = text.lastIndexOf("END:VEVENT");
          return start === -1 ? "" : text.slice(start, end + "END:VEVENT".length);
        }).join("\r\n");
        var zone = texts.length ? texts[0].slice(texts[0].indexOf("BEGIN:VTIMEZONE"), texts[0].indexOf("END:VTIMEZONE") + "END:VTIMEZONE".length) : "";
        var calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Boersen//Merkliste//DE\r\n" + (zone ? zone + "\r\n" : "") + body + "\r\nEND:VCALENDAR\r\n";
        var download = element("a", { href: URL.createObjectURL(new Blob([calendar], { type: "text/calendar" })), download: "merkliste.ics" });
        document.body.appendChild(download);
        download.click();
        download.remove();
      });
    });

    if (shared.length) {
      var take = root.querySelector(".merkliste-uebernehmen");
      take.hidden = false;
      Promise.all(shared.map(function (id) { return find(load(), id) || fetchRecord(siteUrl, id); })).then(function (items) {
        render(items, true);
        announce(n_("Eine geteilte Merkliste mit %(num)s Angebot.", "Eine geteilte Merkliste mit %(num)s Angeboten.", items.length));
        take.addEventListener("click", function () {
          var own = load();
          items.forEach(function (item) { if (!item.fehlt && !find(own, item.id)) own.push(item); });
          save(own);
          take.hidden = true;
          history.replaceState(null, "", window.location.pathname);
          render(load(), false);
          announce(_("Die Angebote stehen jetzt auf Ihrer Merkliste."));
        });
      });
    } else {
      render(load(), false);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    BoersenTexte.ready.then(function () {
      bookmarks();
      var root = document.querySelector(".merkliste");
      if (root) page(root);
    });
  });
})();
