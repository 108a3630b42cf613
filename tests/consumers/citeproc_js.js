#!/usr/bin/env node
// Reference renderer for the differential tests: citeproc-js (npm `citeproc`).
// node citeproc_js.js STYLE.csl ITEMS.json LOCALES_DIR [--bibliography-only]
// stdout: {"version", "bibliography": [[id, html], ...], "citations": {id: html},
//          "omitted": [ids of items citeproc-js printed no entry for], "error"}
// Every item is cited once, alone, in file order; note styles get note n for citation n.
'use strict';
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');

const [stylePath, itemsPath, localesDir, mode] = process.argv.slice(2);
const bibliographyOnly = mode === '--bibliography-only';
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

const result = { version: CSL.PROCESSOR_VERSION, bibliography: [], citations: {}, omitted: [], error: null, seconds: 0 };
const started = process.hrtime.bigint();
try {
  const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, 'utf8'));
  engine.setOutputFormat('html');
  const isNote = engine.opt.xclass === 'note';
  const ids = items.map((item) => String(item.id));
  const before = [];
  if (bibliographyOnly) engine.updateItems(ids);
  ids.forEach((id, n) => {
    if (bibliographyOnly) return;
    const citation = {
      citationID: 'C' + n,
      citationItems: [{ id }],
      properties: { noteIndex: isNote ? n + 1 : 0 },
    };
    const [, updates] = engine.processCitationCluster(citation, before, []);
    for (const [, html, citationID] of updates) {
      result.citations[ids[Number(citationID.slice(1))]] = html;
    }
    before.push([citation.citationID, citation.properties.noteIndex]);
  });
  const bib = engine.makeBibliography();
  if (bib) {
    // entry_ids also names items whose entry came out empty (bibliography_errors);
    // the entries have no string for those, so pair only the others, in order
    const [meta, entries] = bib;
    const empty = new Set((meta.bibliography_errors || []).map((e) => String(e.itemID)));
    result.omitted = [...empty];
    const shown = meta.entry_ids.map((eid) => String(eid[0])).filter((id) => !empty.has(id));
    if (shown.length !== entries.length) throw new Error('entry_ids and entries differ in length');
    shown.forEach((id, n) => result.bibliography.push([id, entries[n]]));
  }
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
} catch (err) {
  result.error = String((err && err.stack) || err);
}
process.stdout.write(JSON.stringify(result));
