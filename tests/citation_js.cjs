// Reads a BibTeX, RIS or CSL-JSON file the way reference managers do (citation-js: the converter
// they embed) and formats it in CSL styles (citeproc-js, through @citation-js/plugin-csl).
// Used by tests/test_citation_styles.py. Input on stdin, JSON:
//   {"styles": {name: file.csl}, "locales": {code: file.xml}, "files": [file.bib|.ris|.json]}
// Output on stdout, JSON: {file: {"items": [CSL item], "styles": {name: {"bibliography", "citation"}}}}
// A file that does not parse, or a style that fails to format it, is reported as {"error": ...}
// for that file or style: the test names the page and what failed.
'use strict'

const fs = require('fs')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const FORMATS = { '.bib': '@biblatex/text', '.ris': '@ris/file', '.json': '@csl/list+object' }

function main (request) {
  const csl = plugins.config.get('@csl')
  for (const [code, file] of Object.entries(request.locales)) csl.locales.add(code, fs.readFileSync(file, 'utf8'))
  const locales = {}
  for (const [name, file] of Object.entries(request.styles)) {
    const xml = fs.readFileSync(file, 'utf8')
    csl.styles.add(name, xml)
    locales[name] = (xml.match(/default-locale="([^"]+)"/) || [null, 'en-US'])[1]
  }
  const out = {}
  for (const file of request.files) {
    const text = fs.readFileSync(file, 'utf8')
    const extension = file.slice(file.lastIndexOf('.'))
    let cite
    try {
      const data = extension === '.json' ? JSON.parse(text) : text
      cite = new Cite(data, { forceType: FORMATS[extension] })
    } catch (error) {
      out[file] = { error: String(error) }
      continue
    }
    const styles = {}
    for (const name of Object.keys(request.styles)) {
      try {
        const options = { format: 'text', template: name, lang: locales[name] }
        styles[name] = {
          bibliography: cite.format('bibliography', options).trim(),
          citation: cite.format('citation', options).trim()
        }
      } catch (error) {
        styles[name] = { error: String(error) }
      }
    }
    out[file] = { items: cite.data, styles }
  }
  return out
}

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => { input += chunk })
process.stdin.on('end', () => { process.stdout.write(JSON.stringify(main(JSON.parse(input)))) })
