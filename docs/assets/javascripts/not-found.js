// The 404 page (overrides/404.html): a static host serves it at the address the reader asked for.
// When that address names a citable page of the edition in any common spelling (16.3.2, 16-3-2,
// 16_3_2, para-16.3.2, §16.3.2; under /p/, /plan/, /parallel/, /en/ or /fr/), the box at the top
// offers that page in both languages, the language asked for first. Otherwise the search link
// searches the address's words. The pages come from the data the build writes
// (hooks/edition/exports/addresses.py): titles are written as text, links are built from the
// site's root and page paths that are checked first.
(function () {
  "use strict";
  var box = document.querySelector("[data-edition-suggestion]");
  if (!box || !window.fetch) return;
  var root = box.getAttribute("data-root"); // the site's path: "/" or "/s-2003-85/"
  var PAGE_PATH = /^(?:[a-z0-9-]+\/)*$/; // a page below a language root: "plan/16-3-2/"
  var PREFIX = /^(?:paragraphe|paragraph|para|par|art(?:icle)?|no|n°|§|p)[\s._-]*(?=\d)/;

  // "para-16_3_2" -> "16.3.2"; "Letter" -> "letter"
  function keyOf(segment) {
    var word = segment.toLowerCase().replace(/\.html?$/, "").replace(PREFIX, "");
    if (/^\d+(?:[\s._-]+\d+)*[.]?$/.test(word)) return word.replace(/[\s._-]+/g, ".").replace(/\.$/, "");
    return word;
  }

  // The address's segments below the site's root, decoded, and the language it asks for.
  function asked(pathname, languages) {
    var path = pathname.indexOf(root) === 0 ? pathname.slice(root.length) : pathname.replace(/^\//, "");
    var segments = path.split("/").filter(Boolean).map(function (segment) {
      try {
        return decodeURIComponent(segment);
      } catch (error) {
        return segment;
      }
    });
    var lang = null;
    if (segments.length && Object.prototype.hasOwnProperty.call(languages, segments[0].toLowerCase())) {
      lang = segments.shift().toLowerCase();
    }
    return { segments: segments, lang: lang };
  }

  // The citable page the address names: the last segment that is a key (so /plan/16.3.2/ is 16.3.2,
  // /plan/nothing/ is the Plan).
  function named(segments, pages) {
    for (var i = segments.length - 1; i >= 0; i--) {
      var key = keyOf(segments[i]);
      if (Object.prototype.hasOwnProperty.call(pages, key)) return pages[key];
    }
    return null;
  }

  function offer(found, languages, first) {
    var rows = Array.prototype.slice.call(box.querySelectorAll("[data-lang]"));
    rows.sort(function (a, b) {
      return (b.getAttribute("data-lang") === first) - (a.getAttribute("data-lang") === first);
    });
    var shown = 0;
    rows.forEach(function (row) {
      var lang = row.getAttribute("data-lang");
      var page = found[lang];
      var langRoot = languages[lang];
      if (!page || typeof langRoot !== "string" || !PAGE_PATH.test(langRoot) || !PAGE_PATH.test(page[0])) {
        row.hidden = true;
        return;
      }
      var link = document.createElement("a");
      link.href = root + langRoot + page[0];
      link.hreflang = lang;
      link.textContent = String(page[1]);
      row.appendChild(link);
      box.appendChild(row); // in the order sorted above
      shown += 1;
    });
    box.hidden = shown === 0;
  }

  // No page named: the search links search the address's words.
  function searchWords(segments) {
    var words = segments.join(" ").replace(/\.html?$/, "").replace(/[-_./]+/g, " ").trim();
    if (!words) return;
    var links = document.querySelectorAll("a[data-edition-search]");
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i].getAttribute("href").split("?")[0] + "?q=" + encodeURIComponent(words);
    }
  }

  fetch(box.getAttribute("data-addresses"))
    .then(function (response) {
      if (!response.ok) throw new Error("no data for the 404 page: " + response.status);
      return response.json();
    })
    .then(function (data) {
      var where = asked(window.location.pathname, data.languages);
      var found = named(where.segments, data.pages);
      var site = Object.keys(data.languages).filter(function (lang) {
        return data.languages[lang] === ""; // the language at the site's root
      })[0];
      if (found) offer(found, data.languages, where.lang || site);
      else searchWords(where.segments);
    })
    .catch(function (error) {
      console.warn(error);
    });
})();
