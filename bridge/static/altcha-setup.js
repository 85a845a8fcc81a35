/* The ALTCHA widget (BRIDGE_ALTCHA=on): German texts, and the proof-of-work worker loaded from
   this site, so the page keeps its strict Content-Security-Policy (no blob: workers). */
(function () {
  "use strict";
  var altcha = globalThis.$altcha;
  altcha.algorithms.set("SHA-256", function () {
    return new Worker("/static/vendor/altcha-3.2.2.sha-worker.js");
  });
  altcha.i18n.set("de", {
    ariaLinkLabel: "ALTCHA (Webseite des Herstellers)",
    cancel: "Abbrechen",
    enterCode: "Code eingeben",
    enterCodeAria: "Geben Sie den Code ein, den Sie hören. Mit der Leertaste spielen Sie ihn ab.",
    enterCodeFromImage: "Bitte geben Sie den Code aus dem Bild ein.",
    error: "Die Prüfung hat nicht geklappt. Bitte später noch einmal versuchen.",
    expired: "Die Prüfung ist abgelaufen. Bitte noch einmal.",
    footer: "",
    getAudioChallenge: "Code zum Anhören",
    label: "Ich bin kein Roboter",
    loading: "Wird geladen …",
    reload: "Neu laden",
    verify: "Prüfen",
    verificationRequired: "Bitte bestätigen Sie zuerst, dass Sie kein Roboter sind.",
    verified: "Bestätigt",
    verifying: "Wird geprüft …",
    waitAlert: "Wird geprüft … bitte warten."
  });
})();
