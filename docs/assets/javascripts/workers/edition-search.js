/*
 * Search worker of the S/2003/85 edition: Material's own worker, with four additions.
 *
 * 1. Nothing is loaded until the reader searches: the index Material fetches with the page
 *    is a stub (configuration only); the documents, Material's worker and lunr are loaded on
 *    the first query. A first visit stays small however long the document grows.
 * 2. Accents and ligatures do not matter: index terms and queries are folded
 *    ("sécurité" = "securite", "œuvre" = "oeuvre").
 * 3. A provision number in any common spelling ("16.3.2", "16-3-2", "16 3 2", "16_3_2", "§16.3.2",
 *    "par. 16.3.2", "para. 16.3.2") is searched as an exact term, and its page comes first.
 * 4. An acronym or name in the other language finds this language's term ("EAPC" on the
 *    French site finds "CPEA"), through the `synonyms` map the build writes into the config.
 * 5. A query that is an entity's name, acronym or symbol, in either language ("OTAN",
 *    "Partnership for Peace", "S/RES/1373", "resolution 1441"), puts that entity's page first:
 *    the `entities` map the build writes (hooks/edition/exports/search_first.py, whose
 *    search_key is searchKey here).
 * 6. The excerpt under a result starts a little before the first highlighted word, so that
 *    the words found are in sight, not cut off at the end of a long paragraph.
 * 7. The words a result lacks ("Non trouvé : légères") are shown as the reader typed them, not
 *    as folded for the search ("legeres"). Material writes them as text (escaped), as before.
 *
 * Material's worker is loaded unchanged; only the messages it receives are rewritten. Its file
 * name carries a hash that changes with each Material release: the build finds it in the
 * installed theme and passes it in this worker's URL (?material=search.<hash>.min.js).
 */
/* global lunr */
"use strict";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

let setup = null; // Material's setup message: configuration, no documents
let material = null; // Material's message listener, once its worker is loaded
let starting = null;
let documents = new Map(); // location -> search document
let current = null; // the query being answered: { first, typed }
let queue = Promise.resolve(); // queries are answered one after the other

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

// A provision number, in any common spelling; its parts joined by full stops ("16.3.2").
const NUMBER = /^(?:(?:par|para|paragraphe|paragraph|§|no|n°)\.?\s*)?(\d+(?:[.\-_\s]+\d+)*)\.?$/;
const DOTTED = /^\d+(?:\.\d+)*$/;
const ELISION = /(^|[\s'"])(?:[cdjlmnst]|qu)'/g;

function numberOf(folded) {
  const match = NUMBER.exec(folded);
  return match ? match[1].split(/[.\-_\s]+/).join(".") : null;
}

// What the build's search_key does to a name: folded, every run of other characters one space.
function searchKey(text) {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// The page a query puts first, whatever the ranking: the provision it numbers, the entity it
// names (also without a French elision or a leading article: "l'OTAN", "the NATO"); or null.
function firstPage(query) {
  const config = setup.data.config;
  const folded = fold(query).trim();
  const number = numberOf(folded);
  const provisions = config.provisions || {};
  if (number && Object.hasOwn(provisions, number)) return provisions[number];
  const entities = config.entities || {};
  const keys = [searchKey(folded), searchKey(folded.replace(ELISION, "$1"))];
  keys.push(...keys.map(key => key.replace(/^(?:the|le|la|les|l) /, "")));
  const key = keys.find(k => Object.hasOwn(entities, k));
  return key === undefined ? null : entities[key];
}

function rewrite(query) {
  const folded = fold(query).trim();
  const number = numberOf(folded);
  if (number && (Object.hasOwn(setup.data.config.provisions || {}, number) || DOTTED.test(number))) {
    return "+" + number;
  }
  // French elisions: "d'informations" searches "informations"; "d" alone would find every d- word.
  const elided = folded.replace(ELISION, "$1");
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

// The reader's words by the term each becomes once folded ("legeres" -> "légères"), split as
// Material splits a query (the index's separator).
function typedWords(query) {
  const typed = new Map();
  for (const word of query.split(new RegExp(setup.data.config.separator))) {
    if (word) typed.set(fold(word), word);
  }
  return typed;
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

// A result of the query: the page it names or numbers first, excerpts, the missing words as typed.
function answer(message, query) {
  if (message.type !== RESULT) return message;
  let items = message.data.items;
  const first = query.first;
  if (first !== null) {
    const at = items.findIndex(group => group.some(item => item.location === first));
    const doc = documents.get(first);
    if (at >= 0) items = [items[at], ...items.slice(0, at), ...items.slice(at + 1)];
    else if (doc) items = [[{ ...doc, score: 0, terms: {} }], ...items];
  }
  items = items.map(group => group.map(item => ({
    ...item,
    text: excerpt(item.text),
    terms: Object.fromEntries(Object.entries(item.terms || {}).map(([term, found]) => [query.typed.get(term) || term, found])),
  })));
  return { ...message, data: { ...message.data, items } };
}

function foldToken(token) {
  return token.update(fold);
}

async function start() {
  // Material's worker registers its listener through addEventListener: keep it for ourselves.
  const listen = self.addEventListener;
  self.addEventListener = (type, handler) => { if (type === "message") material = handler; };
  const worker = new URL(self.location).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) throw new Error(`not Material's search worker: ${worker}`);
  importScripts(worker);
  self.addEventListener = listen;

  // Fold every term the index holds (queries are folded in rewrite).
  lunr.Pipeline.registerFunction(foldToken, "editionFold");
  const add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.pipeline._stack.includes(foldToken)) this.pipeline._stack.unshift(foldToken);
    return add.call(this, doc, attributes);
  };

  const response = await fetch(new URL(setup.data.config.documents, self.location));
  const docs = await response.json();
  documents = new Map(docs.map(doc => [doc.location, doc]));
  // Material answers its setup with READY; the page had it already.
  const post = self.postMessage;
  self.postMessage = message => { if (message.type !== READY) post(message); };
  await material({ data: { type: SETUP, data: { ...setup.data, docs } } });
  self.postMessage = message => post(answer(message, current));
}

self.addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    setup = message;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY && !message.data.trim()) {
    // Material asks with no words (on focus, and when the box is emptied): nothing, after what
    // was asked before.
    queue = queue.catch(() => {}).then(() => {
      current = { first: null, typed: new Map() };
      self.postMessage({ type: RESULT, data: { items: [] } });
    });
    await queue;
  } else if (message.type === QUERY) {
    starting = starting || start();
    // One query at a time, so that each result is rewritten for its own query (a query that
    // failed does not stop the next).
    queue = queue.catch(() => {}).then(async () => {
      await starting;
      current = { first: firstPage(message.data), typed: typedWords(message.data) };
      await material({ data: { type: QUERY, data: rewrite(message.data) } });
    });
    await queue;
  }
});
