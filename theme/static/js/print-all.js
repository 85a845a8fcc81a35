/* Printing a listing split into pages prints all its offers, not just the page shown.

   On a split Börse or category page, Ctrl+P (Cmd+P) and the link "Alle N Angebote auf einer
   Seite drucken" load the listing's print view (/<boerse>/drucken/), put its offers into the
   page for print only, and open the print dialog. Printing from the browser's menu before
   that prints the page shown, with a note naming the print view's address. Without
   JavaScript the link opens the print view. On the print view itself, a "Jetzt drucken" button. */
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

  function loadAll() {
    if (!loading) {
      loading = fetch(link.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text().then(function (html) {
          var list = new DOMParser().parseFromString(html, "text/html").querySelector(".print-all");
          if (!list) throw new Error("no print view");
          // The print view lies deeper than this page: its relative links are made site-absolute.
          Array.prototype.forEach.call(list.querySelectorAll("a[href]"), function (a) {
            var target = new URL(a.getAttribute("href"), response.url);
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
        });
      });
    }
    return loading;
  }

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
