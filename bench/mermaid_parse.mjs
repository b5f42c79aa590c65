// Parse Mermaid files with Mermaid's own parser (no rendering); print one line per file:
// ok, the file, the diagram type and the settings Mermaid took from the chart (directives or
// front matter; {} when none), or error, the file and the message.
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, "utf8"));
    console.log(`ok\t${file}\t${result.diagramType}\t${JSON.stringify(result.config ?? {})}`);
  } catch (error) {
    bad += 1;
    console.log(`error\t${file}\t${String(error.message || error).split("\n").slice(0, 3).join(" | ")}`);
  }
}
process.exit(bad ? 1 : 0);
