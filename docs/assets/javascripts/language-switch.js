// The edition's script, loaded at the end of every page before Material's bundle (overrides/main.html).
(function () {
  "use strict";
  // Material's drawer and search toggles start closed, even when Firefox restores their state after
  // a reload (Material marks them autocomplete="off", invalid on a checkbox, which hooks/pages.py
  // removes): before the bundle reads them.
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  });
  // The language switch and the switch between the single and the parallel view keep the
  // reader's place: the anchors are the same in both languages and in both views (#p-16-3-2,
  // #p-16-4-2-i3, #annex-i3), so the link to the other language or view carries the current one.
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
