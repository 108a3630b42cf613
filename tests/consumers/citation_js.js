// Reads a bibliography file with citation.js and prints the CSL-JSON items it made.
// usage: node citation_js.js FILE FORMAT   (FORMAT: bibtex, biblatex, ris, csljson)
const fs = require("fs");
const { Cite, plugins } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");
require("@citation-js/plugin-csl");

const [file, format] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const forceType = {
  bibtex: "@biblatex/text",
  biblatex: "@biblatex/text",
  ris: "@ris/file",
  csljson: "@csl/list+object",
}[format];
const input = format === "csljson" ? JSON.parse(text) : text;
const cite = new Cite(input, { forceType });
process.stdout.write(JSON.stringify(cite.data, null, 1));
