// Headless-browser accessibility test of the site planpack writes.
//
//   node tests/browser/a11y.mjs <planpack-binary> <repo-root> [<screenshot-dir>]
//
// Builds the example service (the repo root), a small fixture service that uses every
// block kind and the service `planpack new service` makes, serves each site from 127.0.0.1, and checks every .html page in Debian's
// Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA plus best practice) at 1280 and 320 CSS px
// (and at 375 where a page has a wide table or a chart), no horizontal page scroll at 320
// and 375 px (WCAG 1.4.10), every chart's text at 12 CSS px or more as rendered and inside
// its drawing, one drawing of each chart shown, one h1 and no skipped heading levels,
// lang="en-GB", a working skip link, captions and scoped headers on every table, no failed
// or external requests. Full-page screenshots of the example's action plan, attendance grid
// and performance pages at 320 and 375 px go to <screenshot-dir> (ctest passes
// build/browser-screenshots), else to a temporary
// directory. Exit 0 all passed, 1 a check failed, 77 the tools are missing (a failure to ctest).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { browserTools, launchChromium } from "./chromium.mjs";
import { serve } from "./static_server.mjs";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const NARROW = { width: 320, height: 640 };
const PHONE = { width: 375, height: 740 };
const WIDE = { width: 1280, height: 900 };
const STEP_TIMEOUT = 15_000;      // any one navigation, wait, evaluate or screenshot
const BUILD_TIMEOUT = 120_000;    // one planpack build
const WHOLE_RUN_TIMEOUT = 870_000; // the whole run, below ctest's TIMEOUT

const [planpack, repoRoot, screenshotDir] = process.argv.slice(2);
if (!planpack || !repoRoot) {
  console.error("usage: node a11y.mjs <planpack-binary> <repo-root> [<screenshot-dir>]");
  process.exit(2);
}

const { chromium, axePath } = await browserTools();

let passed = 0, failed = 0;
function check(ok, what, details = []) {
  if (ok) { passed++; console.log(`ok   ${what}`); }
  else { failed++; console.log(`FAIL ${what}`); for (const d of details) console.log(`       ${d}`); }
  return ok;
}
const clip = (s, n = 300) => (s.length > n ? s.slice(0, n) + "…" : s).replace(/\s+/g, " ");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "planpack-a11y-"));
const shotDir = screenshotDir ? path.resolve(screenshotDir) : tmp;
if (screenshotDir) {
  // Last run's pictures go; nothing else in the directory is touched.
  fs.mkdirSync(shotDir, { recursive: true });
  for (const f of fs.readdirSync(shotDir)) if (f.endsWith(".png")) fs.rmSync(path.join(shotDir, f));
}
let browser = null, server = null;

async function cleanup() {
  try { if (browser) await browser.close(); } catch { /* already gone */ }
  browser = null;
  if (server) { server.closeAllConnections?.(); server.close(); server = null; }
}
const watchdog = setTimeout(async () => {
  console.log(`FAIL the whole run finished within ${WHOLE_RUN_TIMEOUT / 1000} s`);
  await cleanup();
  process.exit(1);
}, WHOLE_RUN_TIMEOUT);
watchdog.unref();

// ---------------------------------------------------------------------------------------
// The fixture: one service using every block kind the Markdown and data loaders know.
function writeFixture(dir) {
  const files = {
    "planpack.toml": `[service]
name = "Fixture Youth Justice Service"
local_authority = "Fixture Council"

[site]
language = "en-GB"
base_url = "/"

[[document]]
id = "fixture-plan"
kind = "annual_plan"
title = "Fixture Plan 2024/25"
period_start = 2024-04-01
period_end = 2025-03-31
published = 2024-06-01
`,
    "content/01-blocks.md": `+++
document = "fixture-plan"
order = 1
title = "Every block kind"
+++

Opening paragraph with **strong**, *emphasis*, ~~struck~~, \`inline code\`, an autolink
https://www.gov.uk/ and a footnote.[^note]

## Lists

- first item
- second item with a [cross-reference](xref:data)
  - nested item

1. numbered one
2. numbered two

## Tasks

- [x] finished task
- [ ] open task

## A table

| Measure | 2022/23 | 2023/24 |
|---|---:|---:|
| First-time entrants | 61 | 58 |
| Reoffending rate (%) | 30.3 | 28.1 |

Table: Headline measures, 2022/23 and 2023/24

### Quoted

> "They listened to me and did what they said they would."
>
> — a young person

### Code

\`\`\`
planpack build --root . --out site
\`\`\`

See [](xref:data) and [the heading](xref:data#wide-table).

[^note]: The footnote text, with a [link back to the data](xref:data).
`,
    "content/appendix-data.md": `+++
document = "fixture-plan"
kind = "appendix"
order = 1
id = "data"
title = "Data tables"
+++

## Wide table

\`\`\`planpack table
data = "wide"
caption = "A table with many columns, wider than a phone"
\`\`\`
`,
    "data/wide.csv": "Agency,April,May,June,July,August,September,October,November,December,Notes\n" +
      "Police,1200,1300,1400,1500,1600,1700,1800,1900,2000,Seconded officer from the constabulary\n" +
      "Health,100,200,300,400,500,600,700,800,900,\"Nurse, part time\"\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

function build(root, out) {
  const r = spawnSync(planpack, ["build", "--root", root, "--out", out],
    { encoding: "utf8", timeout: BUILD_TIMEOUT });
  return { ok: r.status === 0, why: (r.error ? r.error.message : "") + (r.stderr || "").trim() };
}

function htmlPages(site) {
  const out = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out.push(path.relative(site, p).split(path.sep).join("/"));
    }
  })(site);
  return out.sort();
}

// ---------------------------------------------------------------------------------------
// Checks on one loaded page.
async function runAxe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

function axeCheck(label, violations) {
  const details = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      details.push(`${v.id} (${v.impact}): ${v.help}`);
      details.push(`  target ${n.target}`);
      details.push(`  html   ${clip(n.html)}`);
    }
  }
  check(violations.length === 0, `${label}: axe finds no violations` +
    (violations.length ? ` (${violations.map((v) => v.id).join(", ")})` : ""), details);
}

function structure() {
  const hs = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter((h) => !h.closest("[hidden]"))
    .map((h) => ({ level: +h.tagName[1], text: h.textContent.trim() }));
  const skips = [];
  let prev = 0;
  for (const h of hs) {
    if (h.level > prev + 1) skips.push(`h${h.level} "${h.text}" after ${prev ? "h" + prev : "the page start"}`);
    prev = h.level;
  }
  const tables = [...document.querySelectorAll("table")].map((t, i) => {
    const cap = t.querySelector(":scope > caption");
    const ths = [...t.querySelectorAll("th")];
    return {
      n: i + 1,
      caption: cap ? cap.textContent.trim() : "",
      ths: ths.length,
      unscoped: ths.filter((th) => !["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope")))
        .map((th) => th.outerHTML.slice(0, 120)),
    };
  });
  return { h1s: hs.filter((h) => h.level === 1).length, skips, lang: document.documentElement.getAttribute("lang"), tables };
}

async function skipLinkCheck(page, label) {
  // A keyboard user's first Tab lands on the skip link, which shows, and Enter moves focus
  // to a target that exists and can hold focus.
  await page.keyboard.press("Tab");
  const link = await page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a.tagName !== "A") return { tag: a ? a.tagName : null };
    const r = a.getBoundingClientRect();
    const href = a.getAttribute("href") || "";
    const id = href.startsWith("#") ? decodeURIComponent(href.slice(1)) : null;
    const target = id ? document.getElementById(id) : null;
    return {
      tag: "A", text: a.textContent.trim(), href,
      visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth,
      target: !!target,
      focusable: !!target && (target.tabIndex >= 0 || target.hasAttribute("tabindex")),
    };
  });
  const first = link.tag === "A" && /skip/i.test(link.text);
  check(first, `${label}: first Tab stop is the skip link`, [`got ${JSON.stringify(link)}`]);
  if (!first) return;
  check(link.visible, `${label}: skip link is visible when focused`);
  check(link.target && link.focusable, `${label}: skip link target ${link.href} exists and is focusable`);
  await page.keyboard.press("Enter");
  const landed = await page.evaluate((href) => document.activeElement &&
    "#" + document.activeElement.id === href, link.href);
  check(landed, `${label}: Enter on the skip link moves focus to ${link.href}`);
}

async function overflowCheck(page, label) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    // What sticks out, when something does: elements whose right edge passes the viewport
    // and which are not inside a scrolling box (a scrollable table region is fine).
    const culprits = [];
    if (scrollWidth > width) {
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 0.5) continue;
        let p = el.parentElement, clipped = false;
        while (p && p !== document.body) {
          const ox = getComputedStyle(p).overflowX;
          if (ox !== "visible") { clipped = true; break; }
          p = p.parentElement;
        }
        if (!clipped) culprits.push(`${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""} right=${Math.round(r.right)}: ${el.outerHTML.slice(0, 100)}`);
      }
    }
    return { width, scrollWidth, culprits: culprits.slice(0, 6) };
  });
  check(r.scrollWidth <= r.width,
    `${label}: no horizontal page scroll at ${r.width} px (scrollWidth ${r.scrollWidth})`, r.culprits);
}

// Every chart drawing's text as the reader sees it: its font size times the scale the SVG is
// drawn at (getScreenCTM, so a viewBox shrunk to a phone counts), which must be 12 CSS px or
// more, and its box inside its drawing's (else it is cropped). A chart shows exactly one of
// its drawings (site.css picks by the room it has); text in the hidden one is skipped.
function chartText() {
  const bad = [];
  let count = 0, smallest = Infinity;
  for (const t of document.querySelectorAll("svg text")) {
    if (t.getClientRects().length === 0) continue;
    const m = t.getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    count++;
    smallest = Math.min(smallest, px);
    const what = `"${t.textContent.trim().slice(0, 40)}"`;
    // 0.01 px for layout rounding: a 640-unit drawing in a 40rem column measures 11.9996.
    if (px < 11.99) bad.push(`${what} renders at ${px.toFixed(2)} px`);
    const r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();
    if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1)
      bad.push(`${what} is cropped: [${Math.round(r.left)}, ${Math.round(r.right)}] outside its drawing's [${Math.round(s.left)}, ${Math.round(s.right)}]`);
  }
  for (const [i, d] of [...document.querySelectorAll(".chart-drawing")].entries()) {
    const shown = [...d.querySelectorAll("svg")].filter((s) => s.getClientRects().length > 0).length;
    if (shown !== 1) bad.push(`chart ${i + 1} shows ${shown} drawings`);
  }
  return { count, smallest, bad };
}

async function chartTextCheck(page, label, width) {
  const r = await page.evaluate(chartText);
  if (r.count === 0 && r.bad.length === 0) return;
  check(r.bad.length === 0, `${label}: chart text at ${width} px is 12 px or more and inside its drawing ` +
    `(${r.count} texts, smallest ${r.smallest.toFixed(2)} px)`, r.bad.slice(0, 8));
}

// ---------------------------------------------------------------------------------------
async function testSite(name, site, context, shots) {
  server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const pages = htmlPages(site);
  check(pages.length > 0, `${name}: the site has HTML pages (${pages.length})`);

  // Two pages at a time: each one mostly waits on Chromium, so the run takes about half
  // as long, and every page still gets every check.
  let next = 0;
  const worker = async () => {
    while (next < pages.length) await testPage(pages[next++]);
  };
  const testPage = async (rel) => {
    const label = `${name}/${rel}`;
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT);
    // Nothing leaves 127.0.0.1: a page that needs the internet is a finding, not a flake.
    const bad = new Set();
    await page.route((url) => !url.href.startsWith(base), (route) => {
      bad.add(`external ${route.request().url()}`);
      return route.abort("blockedbyclient");
    });
    page.on("response", (r) => { if (r.status() >= 400) bad.add(`${r.status()} ${r.url()}`); });
    try {
      // Wide: axe, structure, keyboard.
      await page.setViewportSize(WIDE);
      await page.goto(base + rel, { waitUntil: "load" });
      check(bad.size === 0, `${label}: every request succeeds and stays on 127.0.0.1`, [...bad]);
      axeCheck(`${label} @${WIDE.width}px`, await runAxe(page));
      const s = await page.evaluate(structure);
      check(s.h1s === 1, `${label}: exactly one h1 (got ${s.h1s})`);
      check(s.skips.length === 0, `${label}: no skipped heading levels`, s.skips);
      check(s.lang === "en-GB", `${label}: html lang="en-GB" (got ${JSON.stringify(s.lang)})`);
      for (const t of s.tables) {
        check(t.caption !== "", `${label}: table ${t.n} has a caption`);
        check(t.ths > 0 && t.unscoped.length === 0,
          `${label}: table ${t.n} ("${clip(t.caption, 50)}") has th cells, all with scope`,
          t.ths ? t.unscoped : ["no th cells"]);
      }
      await chartTextCheck(page, label, WIDE.width);
      await skipLinkCheck(page, label);

      // Narrow: reflow and axe again (target sizes and overlaps change with the layout).
      // Tables that would not fit are stacked, one card per row, on a phone: nothing
      // scrolls sideways inside them either.
      const stackedTables = async () => page.evaluate(() => [...document.querySelectorAll(".table-wrap.stack")]
        .map((w) => ({ caption: w.querySelector("caption")?.textContent ?? "", over: w.scrollWidth - w.clientWidth }))
        .filter((t) => t.over > 1));
      for (const vp of [NARROW, PHONE]) {
        // The page is narrowed rather than loaded again, as a phone turning would: every
        // media query is evaluated afresh and the pages have no script that reads the
        // width at load. A second load of each page was a fifth of the run's time.
        await page.setViewportSize(vp);
        await overflowCheck(page, label);
        await chartTextCheck(page, label, vp.width);
        const over = await stackedTables();
        check(over.length === 0, `${label}: stacked tables fit ${vp.width} px without scrolling`, over.map((t) => clip(t.caption, 60)));
        // Every breakpoint is at 40rem, so 375 px lays out as 320 does; axe (the slow part)
        // runs there again only on pages with the widest tables or with charts.
        if (vp === NARROW || await page.$(".table-wrap.wide, .chart-drawing"))
          axeCheck(`${label} @${vp.width}px`, await runAxe(page));
      }

      for (const vp of shots.want(rel)) {
        await page.setViewportSize(vp);
        const file = path.join(shotDir, `${name}-${rel.replace(/\.html$/, "").replace(/\//g, "--")}-${vp.width}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: STEP_TIMEOUT });
        shots.taken.push(file);
      }
    } catch (e) {
      check(false, `${label}: the page loads and every check completes`, [clip(String(e.message || e), 400)]);
    } finally {
      await page.close().catch(() => {});
    }
  };
  await Promise.all([worker(), worker()]);
  await new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
  server = null;
}

const shotsTaken = [];
try {
  const sites = [];
  const example = path.join(tmp, "example-site");
  const b = build(path.resolve(repoRoot), example);
  if (b.ok) sites.push(["example", example]);
  else console.log(`note the example service does not build yet, so only the fixture is tested: ${clip(b.why, 400)}`);

  const fixtureRoot = path.join(tmp, "fixture");
  const fixture = path.join(tmp, "fixture-site");
  writeFixture(fixtureRoot);
  const fb = build(fixtureRoot, fixture);
  if (check(fb.ok, "the fixture service builds", [clip(fb.why, 600)])) sites.push(["fixture", fixture]);

  // `planpack new service`: a new user's first site (a draft, with its banner) must be
  // as accessible as a finished one.
  const fresh = path.join(tmp, "new-service");
  const made = spawnSync(planpack, ["new", "service", fresh], { encoding: "utf8", timeout: BUILD_TIMEOUT });
  const nb = made.status === 0 ? build(fresh, path.join(tmp, "new-service-site")) : { ok: false, why: made.stderr };
  if (check(nb.ok, "planpack new service builds", [clip(nb.why, 600)])) sites.push(["new-service", path.join(tmp, "new-service-site")]);

  browser = await launchChromium(chromium);
  const context = await browser.newContext({ locale: "en-GB", reducedMotion: "reduce" });

  // Screenshots, for people to look at: the example's action plan, attendance grid and
  // performance pages (and the board pack's) at 320 and 375 px, and one numbered section
  // page of the first site that has a table at 320, 375 and 1280.
  const looked = [/(^|\/)action-plan(-progress)?\.html$/, /(^|\/)(attendance|board)\.html$/,
    /(^|\/)performance(-summary)?\.html$/];
  for (const [i, [name, site]] of sites.entries()) {
    let chosen = null;
    if (i === 0) {
      const read = (rel) => fs.readFileSync(path.join(site, rel), "utf8");
      const sections = htmlPages(site).filter((rel) => /<h1>\d+\./.test(read(rel)));
      chosen = sections.find((rel) => read(rel).includes("<table")) || sections[0] || null;
    }
    const want = (rel) => rel === chosen ? [NARROW, PHONE, WIDE]
      : name === "example" && looked.some((re) => re.test(rel)) ? [NARROW, PHONE] : [];
    await testSite(name, site, context, { want, taken: shotsTaken });
  }
  for (const f of shotsTaken) console.log(`screenshot ${f}`);
} catch (e) {
  check(false, "the run completes", [String(e.stack || e)]);
} finally {
  await cleanup();
  // Keep only the screenshots.
  for (const d of ["example-site", "fixture-site", "fixture"]) fs.rmSync(path.join(tmp, d), { recursive: true, force: true });
  if (shotsTaken.length === 0 || shotDir !== tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
