// The language switch keeps the reader's place: the anchors are the same in both languages
// (#p-16-3-2, #annex-i3), so the link to the other language carries the current one.
(function () {
  "use strict";
  function carryAnchor() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", href + window.location.hash);
    }
  }
  carryAnchor();
  window.addEventListener("hashchange", carryAnchor);
})();
