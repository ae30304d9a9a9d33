// What a PDF viewer built on Mozilla's pdf.js exposes to assistive technology: for each
// page, the structure tree (getStructTree) and the text under its elements. Prints JSON;
// tests/e2e/test_pdf_tagged.py compares it with pdftotext and with the sources.
//
//   node tests/browser/struct_tree.mjs a.pdf [b.pdf ...]
//
// Per page: headings [{level, text}], tables [{th, td, rows}], figures [{alt}], tagged (the
// text of every element in structure-tree order), stream (all text in content-stream
// order), content (the same less artifacts) and artifacts (the text of artifacts). Exit 77 when pdfjs-dist
// is not installed.
import fs from "node:fs";

let pdfjs;
try {
  pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
} catch (e) {
  console.log(`MISSING: pdfjs-dist not installed (${e.code || e.message}); run scripts/setup.sh --test`);
  process.exit(77);
}

// Text of each marked-content id, and the page's text in stream order with artifacts apart.
async function textOf(page) {
  const text = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map();
  const stack = [];
  let stream = "", artifacts = "", content = "", untagged = "";
  for (const item of text.items) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
      stack.push({ id: item.id ?? null, artifact: item.tag === "Artifact" });
      continue;
    }
    if (item.type === "endMarkedContent") {
      stack.pop();
      continue;
    }
    // pdf.js drops a line's closing space and marks the break with hasEOL instead, as its
    // text layer (what a screen reader reads in Firefox) does: a line break is a space.
    const s = (item.str ?? "") + (item.hasEOL ? "\n" : "");
    stream += s;
    const mc = stack.findLast((m) => m.id !== null || m.artifact);
    if (mc?.artifact) artifacts += s;
    else if (mc) byId.set(mc.id, (byId.get(mc.id) ?? "") + s);
    else untagged += s;
    if (!mc?.artifact) content += s;
  }
  return { byId, stream, artifacts, content, untagged };
}

function walk(node, byId, out, visit) {
  if (!node) return "";
  if (node.type === "content") return byId.get(node.id) ?? "";
  let text = "";
  for (const child of node.children ?? []) text += walk(child, byId, out, visit);
  visit(node, text);
  return text;
}

async function inspect(path) {
  const data = new Uint8Array(fs.readFileSync(path));
  const doc = await pdfjs.getDocument({ data, verbosity: 0, disableFontFace: true, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; ++n) {
    const page = await doc.getPage(n);
    const { byId, stream, artifacts, content, untagged } = await textOf(page);
    const tree = await page.getStructTree();
    const headings = [], tables = [], figures = [];
    const tagged = walk(tree, byId, null, (node, text) => {
      const m = /^H([1-6])$/.exec(node.role ?? "");
      if (m) headings.push({ level: Number(m[1]), text });
      if (node.role === "Figure") figures.push({ alt: node.alt ?? null, text });
      if (node.role === "Table") {
        const count = (n, role) =>
          (n.role === role ? 1 : 0) + (n.children ?? []).reduce((a, c) => a + count(c, role), 0);
        tables.push({ th: count(node, "TH"), td: count(node, "TD"), rows: count(node, "TR") });
      }
    });
    // Tree order walks children before their parent's visit: headings come out in order
    // because a heading holds no heading.
    pages.push({ headings, tables, figures, tagged, stream, artifacts, content, untagged, has_tree: !!tree });
    page.cleanup();
  }
  await doc.destroy();
  return { path, pages };
}

const results = [];
for (const path of process.argv.slice(2)) results.push(await inspect(path));
process.stdout.write(JSON.stringify(results));
