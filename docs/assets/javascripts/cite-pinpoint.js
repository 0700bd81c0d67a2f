// The cite box follows the passage a reader points at: clicking an indent's ¶ (or a letter
// paragraph's), or arriving at its anchor, shows that passage's URL, citation, legal forms and downloads. They
// are the page's data (#cite-pinpoints, made by the build from the citation model: JSON, not a
// script). Without this script, or at another anchor, the box cites the page, which stays correct.
(function () {
  "use strict";
  var data = document.getElementById("cite-pinpoints");
  var box = data && data.closest(".cite-box");
  var url = document.getElementById("cite-url");
  var text = document.getElementById("cite-text");
  if (!box || !url || !text) return;
  var pins = JSON.parse(data.textContent);

  function show(anchor) {
    var cited = Object.prototype.hasOwnProperty.call(pins.units, anchor) ? pins.units[anchor] : pins.page;
    url.textContent = cited.url;
    text.textContent = cited.citation;
    Object.keys(cited.forms || {}).forEach(function (ident) {
      var form = document.getElementById("cite-" + ident); // the legal forms: OSCOLA, Bluebook...
      if (form) form.textContent = cited.forms[ident];
    });
    box.querySelectorAll("a[data-format]").forEach(function (link) {
      var file = cited.files[link.getAttribute("data-format")];
      link.setAttribute("href", file);
      link.setAttribute("download", file.replace(/\.([a-z]+)$/, "." + pins.lang + ".$1"));
    });
    box.setAttribute("data-pinpoint", cited === pins.page ? "" : anchor);
  }

  function fromAddress() {
    var anchor = "";
    try {
      anchor = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      anchor = "";
    }
    show(anchor);
  }

  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
