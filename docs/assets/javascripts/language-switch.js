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

// The header's menu and search buttons, on a phone, are Material's <label>s of two checkboxes: a
// keyboard could not reach them, so the site's menu and the search were out of reach. Each label
// gives way to a real button (Tab, then Enter or Space; a label may not take the role of a
// button), named by what it opens and saying whether it is open; the open drawer takes the focus,
// and Escape closes it and gives the focus back to its button. Without JavaScript the labels
// stay, for a pointer.
(function () {
  "use strict";
  var names = {
    __drawer: document.querySelector(".md-nav--primary"),
    __search: document.querySelector(".md-search__input")
  };
  var labels = document.querySelectorAll("label.md-header__button[for]");
  for (var i = 0; i < labels.length; i++) {
    (function (label) {
      var toggle = document.getElementById(label.htmlFor);
      var named = names[label.htmlFor];
      if (!toggle || !named) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.setAttribute("data-for", label.htmlFor);
      button.setAttribute("aria-label", named.getAttribute("aria-label"));
      while (label.firstChild) button.appendChild(label.firstChild);
      var expanded = function () { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
      expanded();
      toggle.addEventListener("change", expanded);
      button.addEventListener("click", function () {
        toggle.click();
        // opened, the drawer takes the focus: its first link (the header's controls come before
        // it in the page's order, under the drawer's shade)
        if (toggle.id === "__drawer" && toggle.checked) {
          var first = named.querySelector(".md-nav__list a[href], .md-nav__list label[for]");
          if (first) first.focus();
        }
      });
      label.hidden = true;
      label.parentNode.insertBefore(button, label.nextSibling);
    })(labels[i]);
  }
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.click();
    var button = document.querySelector("button.md-header__button[data-for=__drawer]");
    if (button) button.focus();
  });
})();
