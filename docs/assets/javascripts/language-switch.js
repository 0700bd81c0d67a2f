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

// ---------------------------------------------------------------- cite pinpoint
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

// ---------------------------------------------------------------- select to cite
// Select to cite: words selected inside a provision's text or a letter's paragraphs show a small
// "Cite this passage" control (key C, or the control itself, from the keyboard). It gives the
// passage's pinpoint citation (the page's data, #cite-pinpoints, made from the citation model)
// and a link to exactly those words: the page's URL, the passage's anchor and a text fragment
// (#anchor:~:text=...), with words before or after it when the words alone occur elsewhere on the
// page. The control is a fixed overlay: nothing on the page moves. A selection outside the text
// (headings, notes, the cite box, navigation) shows nothing.
(function () {
  "use strict";
  var data = document.getElementById("cite-pinpoints");
  if (!data) return;
  var pins = JSON.parse(data.textContent);
  var labels = pins.labels;
  var TEXT = ".provision-text, .letter-text";
  var WORD = /[\p{L}\p{N}]/u;
  var copied = "";
  try {
    copied = JSON.parse(document.getElementById("__config").textContent).translations["clipboard.copied"];
  } catch (error) {
    copied = "";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var root = element("div", "ed select-cite");
  root.setAttribute("lang", pins.lang);
  var button = element("button", "select-cite__button", labels.cite_box);
  button.type = "button";
  button.title = labels.cite_selection_key;
  button.setAttribute("aria-keyshortcuts", "c");
  button.setAttribute("aria-expanded", "false");
  var panel = element("div", "select-cite__panel");
  panel.id = "select-cite-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", labels.cite_box);
  button.setAttribute("aria-controls", panel.id);
  var citation = element("p", "select-cite__citation");
  var link = element("a", "select-cite__link", labels.cite_selection_link);
  link.href = location.pathname;  // a real address from the start (a link without one is not crawlable); set on each selection
  var copyCitation = element("button", "select-cite__copy", labels.copy);
  var copyLink = element("button", "select-cite__copy", labels.copy);
  var close = element("button", "select-cite__close", "×");
  [copyCitation, copyLink, close].forEach(function (control) {
    control.type = "button";
  });
  copyCitation.setAttribute("aria-label", labels.copy + " : " + labels.cite_text);
  copyLink.setAttribute("aria-label", labels.copy + " : " + labels.cite_selection_link);
  close.setAttribute("aria-label", labels.close);
  close.title = labels.close;
  var rowCitation = element("div", "select-cite__row");
  rowCitation.append(citation, copyCitation);
  var rowLink = element("div", "select-cite__row");
  rowLink.append(link, copyLink);
  // "Copied" is said here, not on the button: a button whose text changed would move its row.
  var status = element("span", "select-cite__status");
  status.setAttribute("role", "status");
  var title = element("p", "select-cite__title", labels.cite_box);
  panel.append(close, title, status, rowCitation, rowLink);
  root.append(button, panel);
  button.hidden = true;
  panel.hidden = true;
  document.body.append(root);

  var chosen = null; // {range, unit, cited, href}

  function clean(text) {
    return text.replace(/¶/g, " ").replace(/\s+/g, " ").trim();
  }

  function unitOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? el.closest(".unit") : null;
  }

  // The text of a unit before and after the range, as a reader sees it (without the ¶).
  function around(range, unit) {
    var before = document.createRange();
    before.setStart(unit, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var after = document.createRange();
    var end = unitOf(range.endContainer) || unit;
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(end, end.childNodes.length);
    return [before.toString(), after.toString()];
  }

  function words(text) {
    return clean(text).split(" ").filter(Boolean);
  }

  // How often the words occur on the page, as a text fragment looks for them (any case).
  var pageText = null;
  function occurrences(needle) {
    if (pageText === null) {
      var main = document.querySelector(".md-container") || document.body; // the page, not this control
      pageText = clean(main.innerText).toLowerCase();
    }
    var haystack = pageText, count = 0, at = 0, lower = needle.toLowerCase();
    while ((at = haystack.indexOf(lower, at)) !== -1) {
      count += 1;
      at += 1;
    }
    return count;
  }

  function encode(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  // Whole words only (a text fragment matches at word boundaries): a selection that starts or
  // ends inside a word takes the whole word.
  function wholeWords(selected, before, after) {
    var head = before.match(/[\p{L}\p{N}]+$/u);
    var tail = after.match(/^[\p{L}\p{N}]+/u);
    if (head && WORD.test(selected.charAt(0))) {
      selected = head[0] + selected;
      before = before.slice(0, -head[0].length);
    }
    if (tail && WORD.test(selected.charAt(selected.length - 1))) {
      selected = selected + tail[0];
      after = after.slice(tail[0].length);
    }
    return [clean(selected), words(before), words(after)];
  }

  function fragment(selected, before, after) {
    var parts = wholeWords(selected, before, after);
    var text = parts[0], prior = parts[1], next = parts[2];
    var all = words(text);
    var start = text, end = "";
    if (all.length > 12) {
      // a long passage: its first and last words, which the browser highlights and all between
      start = all.slice(0, 5).join(" ");
      end = all.slice(-5).join(" ");
    }
    // Words before (after) until the whole is unique on the page; a word, not punctuation alone.
    var prefix = [], suffix = [];
    while (
      (occurrences(prefix.concat([start]).join(" ")) > 1 || (prefix.length && !WORD.test(prefix.join(""))))
      && prefix.length < prior.length && prefix.length < 6
    ) {
      prefix = prior.slice(-(prefix.length + 1));
    }
    var last = end || start;
    while (
      ((occurrences(prefix.concat([start]).join(" ")) > 1 && occurrences([last].concat(suffix).join(" ")) > 1) ||
        (suffix.length && !WORD.test(suffix.join("")))) &&
      suffix.length < next.length &&
      suffix.length < 6
    ) {
      suffix = next.slice(0, suffix.length + 1);
    }
    var directive = "";
    if (prefix.length) directive += encode(prefix.join(" ")) + "-,";
    directive += encode(start);
    if (end) directive += "," + encode(end);
    if (suffix.length) directive += ",-" + encode(suffix.join(" "));
    return directive;
  }

  // The selection, if it lies in the text of the page: its first unit and the words.
  function current() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var unit = unitOf(range.startContainer);
    var block = unit && unit.closest(TEXT);
    if (!block) return null;
    var ending = range.endContainer;
    if (!block.contains(ending) && range.endOffset !== 0) return null;
    if (!block.contains(ending)) {
      // a triple click ends at the start of what follows: keep the selection inside the text
      range = range.cloneRange();
      range.setEnd(block, block.childNodes.length);
    }
    var selected = clean(range.toString());
    if (!selected || !WORD.test(selected)) return null;
    var sides = around(range, unit);
    var cited = Object.prototype.hasOwnProperty.call(pins.units, unit.id) ? pins.units[unit.id] : pins.page;
    var href = pins.page.url + "#" + unit.id + ":~:text=" + fragment(range.toString(), sides[0], sides[1]);
    return { range: range, unit: unit, cited: cited, href: href };
  }

  function place(node) {
    if (!chosen) return;
    var rects = chosen.range.getClientRects();
    var rect = rects.length ? rects[rects.length - 1] : chosen.range.getBoundingClientRect();
    var width = node.offsetWidth, height = node.offsetHeight, margin = 8;
    var header = document.querySelector(".md-header");
    var below = header ? Math.max(0, header.getBoundingClientRect().bottom) + margin : margin;
    var top = rect.bottom + margin;
    if (top + height > window.innerHeight - margin) top = rect.top - height - margin;
    // a selection scrolled out of sight: the control stays at the edge of the window
    top = Math.min(Math.max(below, top), window.innerHeight - height - margin);
    var left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
    node.style.top = Math.round(top) + "px";
    node.style.left = Math.round(Math.max(margin, left)) + "px";
  }

  function hideButton() {
    button.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  function closePanel(focusBack) {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (focusBack && chosen && chosen.unit) {
      var anchor = chosen.unit.querySelector(".permalink");
      if (anchor) anchor.focus({ preventScroll: true });
    }
    update();
  }

  function openPanel() {
    if (!chosen) return;
    citation.textContent = chosen.cited.citation;
    link.href = chosen.href;
    link.textContent = labels.cite_selection_link;
    status.textContent = "";
    button.hidden = true;
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    place(panel);
    copyCitation.focus({ preventScroll: true });
  }

  function update() {
    if (!panel.hidden) return; // the panel keeps what it was opened for
    chosen = current();
    if (!chosen) {
      hideButton();
      return;
    }
    button.hidden = false;
    place(button);
  }

  function copy(text) {
    function done() {
      status.textContent = copied;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () {});
    }
  }

  var pending = false;
  document.addEventListener("selectionchange", function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      update();
    });
  });
  // Keep the selection when the control is pressed with a mouse or a finger.
  button.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });
  button.addEventListener("click", openPanel);
  close.addEventListener("click", function () {
    closePanel(true);
  });
  copyCitation.addEventListener("click", function () {
    copy(citation.textContent);
  });
  copyLink.addEventListener("click", function () {
    copy(link.href);
  });
  window.addEventListener(
    "scroll",
    function () {
      if (!button.hidden) place(button);
      if (!panel.hidden) place(panel);
    },
    { passive: true }
  );
  window.addEventListener("resize", function () {
    pageText = null;
    if (!button.hidden) place(button);
    if (!panel.hidden) place(panel);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      closePanel(true);
      return;
    }
    if ((event.key === "c" || event.key === "C") && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      if (!panel.hidden) return;
      chosen = current();
      if (!chosen) return;
      event.preventDefault();
      event.stopPropagation();
      openPanel();
    }
  }, true);
  document.addEventListener("mousedown", function (event) {
    if (!panel.hidden && !root.contains(event.target)) closePanel(false);
  });
})();
