#!/usr/bin/env node
// Loads a CSL-JSON export into citeproc-js (npm `citeproc`) and renders every item.
// node csljson_load.js STYLE.csl ITEMS.json LOCALES_DIR
// stdout: {"items": N, "rendered": [[id, html], ...]}; exit 1 with the error on stderr.
'use strict';
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');

const [stylePath, itemsPath, localesDir] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = new Map(items.map((item) => [String(item.id), item]));
const sys = {
  retrieveLocale(lang) {
    const file = path.join(localesDir, 'locales-' + lang + '.xml');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : false;
  },
  retrieveItem(id) {
    return byId.get(String(id));
  },
};
try {
  const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, 'utf8'));
  engine.updateItems(items.map((item) => String(item.id)));
  const [meta, entries] = engine.makeBibliography();
  const rendered = meta.entry_ids.map((ids, n) => [String(ids[0]), entries[n]]);
  process.stdout.write(JSON.stringify({ items: items.length, rendered }));
} catch (err) {
  process.stderr.write(String((err && err.stack) || err) + '\n');
  process.exit(1);
}
