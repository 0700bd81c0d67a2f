// The header's menu and search buttons, on a phone, are Material's <label>s of two checkboxes: a
// keyboard could not reach them, so the site's menu and the search were out of reach. Each becomes
// a button (Tab, then Enter or Space), named by what it opens; Escape closes the open drawer and gives
// the focus back to its button.
(function () {
  "use strict";
  var names = {
    __drawer: document.querySelector(".md-nav--primary"),
    __search: document.querySelector(".md-search__input")
  };
  var buttons = document.querySelectorAll("label.md-header__button[for]");
  for (var i = 0; i < buttons.length; i++) {
    (function (label) {
      var toggle = document.getElementById(label.htmlFor);
      var named = names[label.htmlFor];
      if (!toggle || !named) return;
      label.tabIndex = 0;
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", named.getAttribute("aria-label"));
      var expanded = function () { label.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
      expanded();
      toggle.addEventListener("change", expanded);
      label.addEventListener("click", function () { window.setTimeout(expanded, 0); });
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") {  // Enter on a focused label: Material clicks it already
          event.preventDefault();
          label.click();
        }
      });
    })(buttons[i]);
  }
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    var button = document.querySelector("label.md-header__button[for=__drawer]");
    if (button) button.focus();
  });
})();
