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
