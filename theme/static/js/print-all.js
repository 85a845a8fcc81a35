/* Printing a listing split into pages prints all its offers, not just the page shown.

   On a split Börse or category page, Ctrl+P (Cmd+P) and the link "Alle N Angebote auf einer
   Seite drucken" load the listing's print view (/<boerse>/drucken/), put its offers into the
   page for print only, and open the print dialog; printing from the browser's menu loads it
   in "beforeprint". Without JavaScript the link opens the print view, and a printed page
   names its address. On the print view itself, a "Jetzt drucken" button. */
(function () {
  "use strict";

  var printNow = document.querySelector(".print-now");
  if (printNow) {
    printNow.hidden = false;
    printNow.addEventListener("click", function () { window.print(); });
  }

  var link = document.querySelector("a[data-print-all]");
  if (!link || !window.fetch || !window.DOMParser) return;
  var loading = null;
  var loaded = false;

  // Puts the print view's offers into this page, shown on paper only.
  function insert(html, address) {
    if (loaded) return;
    var list = new DOMParser().parseFromString(html, "text/html").querySelector(".print-all");
    if (!list) throw new Error("no print view");
    // The print view lies deeper than this page: its relative links are made site-absolute.
    Array.prototype.forEach.call(list.querySelectorAll("a[href]"), function (a) {
      var target = new URL(a.getAttribute("href"), address);
      if (target.origin === window.location.origin) a.setAttribute("href", target.pathname + target.search + target.hash);
    });
    var container = document.createElement("div");
    container.className = "print-all-offers";
    container.appendChild(document.importNode(list, true));
    Array.prototype.forEach.call(document.querySelectorAll("main .offer-list"), function (own) {
      own.classList.add("page-offers");
    });
    link.parentNode.after(container);
    document.body.classList.add("print-all-loaded");
    loaded = true;
  }

  function loadAll() {
    if (!loading) {
      loading = fetch(link.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text().then(function (html) { insert(html, response.url); });
      });
    }
    return loading;
  }

  // Printing from the browser's menu gives no time to wait: the print view is read synchronously,
  // the one place where that is worth a short pause. If it fails, the page prints with its note.
  window.addEventListener("beforeprint", function () {
    if (loaded) return;
    try {
      var request = new XMLHttpRequest();
      request.open("GET", link.href, false);
      request.send();
      if (request.status === 200) insert(request.responseText, request.responseURL || link.href);
    } catch (error) { /* the page shown prints, with the address of the print view */ }
  });

  function printAll(event) {
    event.preventDefault();
    link.setAttribute("aria-busy", "true");
    loadAll().then(function () {
      link.removeAttribute("aria-busy");
      window.print();
    }, function () {
      window.location.href = link.href;  // the print view itself still prints everything
    });
  }

  link.addEventListener("click", printAll);
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key === "p" || event.key === "P")) {
      printAll(event);
    }
  });
})();
