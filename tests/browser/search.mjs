// The public site's search (Pagefind) in headless Chromium.
//
//   node tests/browser/search.mjs <planpack-binary> <repo-root>
//
// Builds the example (HTML only, with its exempt papers to --restricted-out) and, on
// search.html served from 127.0.0.1: a word that only a committee report uses finds that
// report; a word that only an exempt paper uses finds nothing (restricted output is never
// indexed); the form is used from the keyboard and its live region says how many pages
// were found; axe-core finds nothing wrong with the results shown, at 1280 and 320 px;
// without JavaScript the page is a list of links to every published document. The
// restricted output holds no index. Exit 0 all passed, 1 a check failed, 77 the tools are
// missing (a failure to ctest).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { browserTools, launchChromium } from "./chromium.mjs";
import { serve } from "./static_server.mjs";

// A word of the example's committee report "Youth Justice Team: update"
// (meetings/cyp-scrutiny-2022-09-22/07-youth-justice-update.md) and no other source file,
// and one that only the exempt report 15-therapy-contract.md (exempt = 3) uses.
const REPORT_WORD = "criminalisation";
const REPORT_PAGE = /cyp-scrutiny-2022-09-22\/youth-justice-update\.html$/;
const EXEMPT_WORD = "Harbourside";
const HEADER_WORD = "anticipated";  // "Anticipated Impact on the Quality of Practice"
const HEADER_PAGE = /youth-justice-plan-2022-23\/improvement-plan\.html$/;
const STEP_TIMEOUT = 30_000;

const [planpack, repoRoot] = process.argv.slice(2);
if (!planpack || !repoRoot) {
  console.error("usage: node search.mjs <planpack-binary> <repo-root>");
  process.exit(2);
}
const { chromium, axePath } = await browserTools();

let failed = 0;
function check(ok, what, details = []) {
  if (ok) console.log(`ok   ${what}`);
  else { failed++; console.log(`FAIL ${what}`); for (const d of details) console.log(`       ${d}`); }
  return ok;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "planpack-search-test-"));
const site = path.join(tmp, "site"), restricted = path.join(tmp, "restricted");
let browser = null, server = null;
try {
  const started = Date.now();
  const b = spawnSync(planpack, ["build", "--root", path.resolve(repoRoot), "--out", site, "--format", "html",
    "--restricted-out", restricted, "-v"], { encoding: "utf8", timeout: 180_000 });
  const indexed = fs.existsSync(path.join(site, "pagefind", "pagefind.js"));
  check(b.status === 0 && indexed, `the example builds with its search index (${Date.now() - started} ms; ` +
    `${(b.stdout.match(/search index .* in \d+ ms/) || ["no index"])[0]})`, [b.stdout.slice(-600), b.stderr.slice(-600)]);
  if (!indexed) throw new Error("no index to search");
  check(fs.existsSync(restricted) && !fs.existsSync(path.join(restricted, "pagefind")),
    "the restricted output was written and holds no search index");

  server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium(chromium);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const bad = [];
  page.on("response", (r) => { if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`); });
  page.on("pageerror", (e) => bad.push(`script error: ${e.message}`));

  // From the home page's header, by keyboard: the Search link, then the box and Enter.
  await page.goto(base + "index.html");
  const nav = await page.$('nav[aria-label="Site"] a[href="search.html"]');
  check(nav !== null, "the header's site navigation links to search.html");
  await page.goto(base + "search.html");
  const status = page.locator("#search-status");
  check(await status.getAttribute("role") === "status", "the result count is a live region (role=status)");
  const search = async (word) => {
    await page.locator("#search-input").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(word);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /result/i.test(document.getElementById("search-status").textContent));
    return {
      status: (await status.textContent()).trim(),
      links: await page.$$eval("#search-results:not([hidden]) ol a", (as) => as.map((a) => a.href)),
      marks: await page.$$eval("#search-results ol mark", (ms) => ms.map((m) => m.textContent)),
      excerpts: await page.$$eval("#search-results ol li p", (ps) => ps.map((p) => p.textContent)),
    };
  };
  const found = await search(REPORT_WORD);
  check(found.links.length >= 1 && found.links.every((u) => u.startsWith(base) && REPORT_PAGE.test(u)),
    `"${REPORT_WORD}" finds the committee report (${found.status})`, found.links);
  check(/^1 result|^\d+ results/.test(found.status), `the live region counts the results: "${found.status}"`);
  check(found.marks.some((m) => m.toLowerCase().startsWith(REPORT_WORD.slice(0, 6))), "the excerpt marks the word found",
    found.marks);
  check(await page.evaluate(() => document.activeElement.id) === "search-input",
    "focus stays in the search box after searching");
  if (found.links.length) {
    const target = await (await fetch(found.links[0])).text();
    check(target.toLowerCase().includes(REPORT_WORD), "the page found contains the word");
  }
  for (const [label, size] of [["1280", { width: 1280, height: 900 }], ["320", { width: 320, height: 640 }]]) {
    await page.setViewportSize(size);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ").slice(0, 300)}`));
    check(violations.length === 0, `search.html with results at ${label} px: axe finds no violations`, violations);
  }
  // A word that stands only in a table's head, beside other head cells: it is found, and
  // the excerpt a reader sees does not run it together with its neighbours' words.
  const header = await search(HEADER_WORD);
  check(header.links.some((u) => HEADER_PAGE.test(u)),
    `"${HEADER_WORD}", which only a column head of the 2022/23 action plan says, finds it (${header.status})`, header.links);
  const glued = header.excerpts.filter((e) => /[a-z]Anticipated|Practice[A-Z]/.test(e));
  check(header.excerpts.length > 0 && glued.length === 0,
    "its excerpt keeps the head cells' words apart (not \"ActionAnticipated\")", header.excerpts);
  const exempt = await search(EXEMPT_WORD);
  check(exempt.links.length === 0 && /^No results/.test(exempt.status),
    `"${EXEMPT_WORD}", which only an exempt paper says, finds nothing (${exempt.status})`, exempt.links);
  check(bad.length === 0, "no failed request or script error", bad);

  // Without JavaScript: no form, and a link to every published document, the report's page among them.
  const noscript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noscript.newPage();
  await plain.goto(base + "search.html");
  const form = await plain.$eval("form.search-form", (f) => f.hidden);
  const links = await plain.$$eval("main a", (as) => as.map((a) => a.getAttribute("href")));
  check(form === true, "without JavaScript the search form is not offered");
  check(links.some((h) => REPORT_PAGE.test(h)) && links.some((h) => /youth-justice-plan-2023-24\/index\.html$/.test(h)),
    `without JavaScript the page lists every published document (${links.length} links)`);
  const missing = links.filter((h) => !fs.existsSync(path.join(site, h)));
  check(missing.length === 0, "every listed link is a page of the site", missing);
} catch (e) {
  check(false, `the run completes: ${e.message}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) { server.closeAllConnections?.(); server.close(); }
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failed ? `${failed} check(s) failed` : "all search checks passed");
process.exit(failed ? 1 : 0);
