/*
 * Search worker of the S/2003/85 edition: Material's own worker, with three additions.
 *
 * 1. Accents and ligatures do not matter: index terms and queries are folded
 *    ("sécurité" = "securite", "œuvre" = "oeuvre").
 * 2. A provision number ("16.3.2", "16.3.2.", "par. 16.3.2") is searched as an exact
 *    term, so the provision it names comes first.
 * 3. An acronym or name in the other language finds this language's term
 *    ("EAPC" on the French site finds "CPEA"): the index config carries a `synonyms` map,
 *    written by the build from the register of entities.
 *
 * Material's worker is loaded unchanged; only the messages it receives are rewritten.
 * Its file name carries the hash of the pinned Material release (9.8.2).
 */
/* global lunr */
"use strict";

const SETUP = 0;
const QUERY = 2;
let synonyms = {};

function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE")
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

const NUMBER = /^(?:(?:par|para|paragraphe|paragraph|§|no|n°)\.?\s*)?(\d+(?:\.\d+)*)\.?$/;

function rewrite(query) {
  const folded = fold(query).trim();
  const number = NUMBER.exec(folded);
  if (number) return "+" + number[1];
  const extra = [];
  const whole = synonyms[folded];
  if (whole) extra.push(...whole);
  for (const word of folded.split(/[\s'"]+/)) {
    if (synonyms[word]) extra.push(...synonyms[word]);
  }
  return extra.length ? folded + " " + extra.join(" ") : folded;
}

const listen = self.addEventListener.bind(self);
self.addEventListener = (type, handler, options) => listen(type, type !== "message" ? handler : event => {
  const message = event.data;
  if (message.type === SETUP) synonyms = message.data.config.synonyms || {};
  if (message.type === QUERY) return handler({ data: { type: QUERY, data: rewrite(message.data) } });
  return handler(event);
}, options);

importScripts("search.a7633da7.min.js");

/* Fold every term the index holds (queries are folded above). */
function foldToken(token) {
  return token.update(fold);
}
lunr.Pipeline.registerFunction(foldToken, "editionFold");
const add = lunr.Builder.prototype.add;
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!this.pipeline._stack.includes(foldToken)) this.pipeline._stack.unshift(foldToken);
  return add.call(this, doc, attributes);
};
