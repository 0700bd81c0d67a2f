// The offline edition only (hooks/edition/exports/offline.py adds this script to its pages): a page
// opened from file:// may not start a Web Worker, so the search worker runs in a hidden frame of
// the page instead. The frame is given what a worker has: postMessage (to the page),
// importScripts (script elements, in order; it returns a promise, which the edition's worker and
// Material's await), and the message events the page posts. Material's worker finds lunr beside
// its own script when the page has an `IFrameWorker` (the name its offline support looks for).
// Online, this script does nothing.
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;

  function load(frame, url) {
    return new Promise(function (resolve, reject) {
      var script = frame.document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("the offline search could not load " + url));
      };
      frame.document.body.appendChild(script);
    });
  }

  function FrameWorker(url) {
    var worker = this;
    var target = document.createDocumentFragment(); // holds the worker's listeners
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.onmessage = null;
    var script = new URL(url, window.location.href).href; // the worker's own address
    var iframe = document.createElement("iframe");
    iframe.hidden = true;
    iframe.tabIndex = -1;
    iframe.setAttribute("aria-hidden", "true");
    iframe.title = "search";
    document.body.appendChild(iframe);
    this.iframe = iframe;
    var frame = iframe.contentWindow;
    frame.postMessage = function (data) {
      var event = new MessageEvent("message", { data: data });
      worker.dispatchEvent(event);
      if (typeof worker.onmessage === "function") worker.onmessage(event);
    };
    frame.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (previous, next) {
        return previous.then(function () {
          return load(frame, new URL(next, script).href);
        });
      }, Promise.resolve());
    };
    this.ready = load(frame, script);
  }

  FrameWorker.prototype.postMessage = function (data) {
    var frame = this.iframe.contentWindow;
    this.ready.then(function () {
      frame.dispatchEvent(new frame.MessageEvent("message", { data: structuredClone(data) }));
    });
  };

  FrameWorker.prototype.terminate = function () {
    this.iframe.remove();
  };

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
