// The language switch and the switch between the single and the parallel view keep the reader's
// place: the anchors are the same in both languages and in both views (#p-16-3-2, #p-16-4-2-i3,
// #annex-i3), so the link to the other language or view carries the current one.
(function () {
  "use strict";
  function carryAnchor() {
    var links = document.querySelectorAll("a.md-select__link[hreflang], article a.view-switch");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", href + window.location.hash);
    }
  }
  carryAnchor();
  window.addEventListener("hashchange", carryAnchor);
})();
