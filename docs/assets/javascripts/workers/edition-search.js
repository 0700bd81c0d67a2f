/*
 * Search worker of the S/2003/85 edition: Material's own worker, with four additions.
 *
 * 1. Nothing is loaded until the reader searches: the index Material fetches with the page
 *    is a stub (configuration only); the documents, Material's worker and lunr are loaded on
 *    the first query. A first visit stays small however long the document grows.
 * 2. Accents and ligatures do not matter: index terms and queries are folded
 *    ("sécurité" = "securite", "œuvre" = "oeuvre").
 * 3. A provision number ("16.3.2", "16.3.2.", "par. 16.3.2") is searched as an exact term,
 *    so the provision it names comes first.
 * 4. An acronym or name in the other language finds this language's term ("EAPC" on the
 *    French site finds "CPEA"), through the `synonyms` map the build writes into the config.
 * 5. The excerpt under a result starts a little before the first highlighted word, so that
 *    the words found are in sight, not cut off at the end of a long paragraph.
 *
 * Material's worker is loaded unchanged; only the messages it receives are rewritten. Its file
 * name carries a hash that changes with each Material release: the build finds it in the
 * installed theme and passes it in this worker's URL (?material=search.<hash>.min.js).
 *
 * In the offline edition, opened from file://, this script runs in a hidden frame of the page
 * (offline-worker.js), not in a worker: its own address is its script element's, importScripts
 * returns a promise, and the documents come from search/documents.js (written by
 * hooks/edition/exports/offline.py), since nothing can be fetched from disk.
 */
/* global lunr */
"use strict";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

// This script's address: the worker's, or, in the offline edition's frame, its script element's.
const HERE = self.document && self.document.currentScript ? self.document.currentScript.src : self.location.href;
const DOCUMENTS = "__edition_documents"; // what search/documents.js defines (offline edition)

let setup = null; // Material's setup message: configuration, no documents
let material = null; // Material's message listener, once its worker is loaded
let starting = null;

function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE")
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

const STOP_WORDS = new Set([
  "a", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "un", "une", "sur", "pour", "dans",
  "an", "and", "by", "for", "in", "of", "on", "the", "to", "with",
]);

const NUMBER = /^(?:(?:par|para|paragraphe|paragraph|§|no|n°)\.?\s*)?(\d+(?:\.\d+)*)\.?$/;

function rewrite(query) {
  const folded = fold(query).trim();
  const number = NUMBER.exec(folded);
  if (number) return "+" + number[1];
  // French elisions: "d'informations" searches "informations"; "d" alone would find every d- word.
  const elided = folded.replace(/(^|[\s'"])(?:[cdjlmnst]|qu)'/g, "$1");
  if (elided !== folded) return rewrite(elided);
  const synonyms = setup.data.config.synonyms || {};
  const extra = [...(synonyms[folded] || [])];
  for (const word of folded.split(/[\s'"]+/)) extra.push(...(synonyms[word] || []));
  // Short grammatical words go: Material searches every word as a prefix ("de*"), so "de"
  // would find "défense", "démocratique"... and outweigh the words that matter.
  const words = (folded + " " + extra.join(" ")).split(/\s+/).filter(Boolean);
  const meaningful = words.filter(word => !STOP_WORDS.has(word));
  return (meaningful.length ? meaningful : words).join(" ");
}

// The excerpt: the result's text as one line of words, from a little before the first match.
const BEFORE = 80; // characters of context before the first highlighted word
const LENGTH = 280; // characters in all

function excerpt(html) {
  if (!html || !html.includes("<mark>")) return html;
  const plain = html
    .replace(/<\/?(?:sup|sub)>/g, "") // XXI<sup>e</sup> stays one word
    .replace(/<(?!\/?mark>)[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const first = plain.indexOf("<mark>");
  let start = Math.max(0, first - BEFORE);
  if (start > 0) start = plain.indexOf(" ", start) + 1 || start;
  let end = Math.min(plain.length, start + LENGTH);
  const open = plain.lastIndexOf("<mark>", end);
  if (open > plain.lastIndexOf("</mark>", end)) end = plain.indexOf("</mark>", open) + 7; // no cut mark
  if (end < plain.length) end = plain.lastIndexOf(" ", end) > first ? plain.lastIndexOf(" ", end) : end;
  const text = plain.slice(start, end).replace(/<mark>$/, "");
  return "<p>" + (start > 0 ? "… " : "") + text + (end < plain.length ? " …" : "") + "</p>";
}

function withExcerpts(message) {
  if (message.type !== RESULT) return message;
  const items = message.data.items.map(group => group.map(item => ({ ...item, text: excerpt(item.text) })));
  return { ...message, data: { ...message.data, items } };
}

function foldToken(token) {
  return token.update(fold);
}

// The documents of this language's index: fetched, or, from disk, read from the script beside them.
async function documents(url) {
  if (url.protocol === "file:") {
    await importScripts(url.href.replace(/\.json$/, ".js"));
    return self[DOCUMENTS];
  }
  const response = await fetch(url);
  return response.json();
}

async function start() {
  // Material's worker registers its listener through addEventListener: keep it for ourselves.
  const listen = self.addEventListener;
  self.addEventListener = (type, handler) => { if (type === "message") material = handler; };
  const worker = new URL(HERE).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) throw new Error(`not Material's search worker: ${worker}`);
  await importScripts(new URL(worker, HERE).href);
  self.addEventListener = listen;

  // Fold every term the index holds (queries are folded in rewrite).
  lunr.Pipeline.registerFunction(foldToken, "editionFold");
  const add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.pipeline._stack.includes(foldToken)) this.pipeline._stack.unshift(foldToken);
    return add.call(this, doc, attributes);
  };

  const docs = await documents(new URL(setup.data.config.documents, HERE));
  // Material answers its setup with READY; the page had it already.
  const post = self.postMessage;
  self.postMessage = message => { if (message.type !== READY) post(message); };
  await material({ data: { type: SETUP, data: { ...setup.data, docs } } });
  self.postMessage = message => post(withExcerpts(message));
}

self.addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    setup = message;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY && !message.data.trim()) {
    self.postMessage({ type: RESULT, data: { items: [] } }); // Material asks once with no words
  } else if (message.type === QUERY) {
    starting = starting || start();
    await starting;
    await material({ data: { type: QUERY, data: rewrite(message.data) } });
  }
});
