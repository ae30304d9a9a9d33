// The writer's loop in a real browser: `planpack serve` on a copy of the example service.
//
//   node tests/browser/serve.mjs <planpack-binary> <repo-root>
//
// Opens a section page in Debian's Chromium, edits its Markdown file and sees the page
// reload by itself with the change; breaks the file and sees the error (file:line:col, the
// source line, a caret) on the page; fixes it and sees the page again. Then checks the
// server's hardening over raw HTTP: climbing out of the site (/../planpack.toml) is a 404,
// a request body over the limit is refused, a Host that is not loopback is refused, and
// files built with `planpack build` carry no reload script; the calendars, feeds and open
// data are served as build writes them. The server listens on
// 127.0.0.1 on a free port and is stopped with SIGTERM; every step has a time limit.
// Exit 0 all passed, 1 a check failed, 77 the tools are missing (a failure to ctest).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { CHROMIUM, launchChromium } from "./chromium.mjs";

const STEP_TIMEOUT = 60_000;        // a reload after an edit (the test build runs under ASan)
const WHOLE_RUN_TIMEOUT = 480_000;  // below ctest's TIMEOUT (the test build under ASan is slow)

const [planpack, repoRoot] = process.argv.slice(2);
if (!planpack || !repoRoot) {
  console.error("usage: node serve.mjs <planpack-binary> <repo-root>");
  process.exit(2);
}
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch (e) {
  console.log(`MISSING: playwright-core not installed (${e.code || e.message}); run scripts/setup.sh --test`);
  process.exit(77);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`MISSING: no Chromium at ${CHROMIUM}; run scripts/setup.sh --test`);
  process.exit(77);
}

let passed = 0, failed = 0;
function check(ok, what, details = []) {
  if (ok) { passed++; console.log(`ok   ${what}`); }
  else { failed++; console.log(`FAIL ${what}`); for (const d of details) console.log(`       ${d}`); }
  return ok;
}
const clip = (s, n = 400) => (s.length > n ? s.slice(0, n) + "…" : s).replace(/\s+/g, " ");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "planpack-serve-"));
const root = path.join(tmp, "service");
let browser = null, server = null, serverLog = "";

async function stopServer() {
  if (!server || server.exitCode !== null) return server ? server.exitCode : null;
  const exited = new Promise((r) => server.once("exit", (code, signal) => r(code ?? signal)));
  server.kill("SIGTERM");
  const code = await Promise.race([exited, sleep(15_000).then(() => "timeout")]);
  if (code === "timeout") server.kill("SIGKILL");
  return code;
}
async function cleanup() {
  try { if (browser) await browser.close(); } catch { /* already gone */ }
  browser = null;
  await stopServer();
}
const watchdog = setTimeout(async () => {
  console.log(`FAIL the whole run finished within ${WHOLE_RUN_TIMEOUT / 1000} s`);
  console.log(clip(serverLog, 2000));
  await cleanup();
  process.exit(1);
}, WHOLE_RUN_TIMEOUT);
watchdog.unref();

// Waits for cond() (async) to be true, trying again on errors (a page mid-reload).
async function until(cond, ms = STEP_TIMEOUT) {
  const end = Date.now() + ms;
  let last = null;
  while (Date.now() < end) {
    try { if (await cond()) return true; } catch (e) { last = e; }
    await sleep(100);
  }
  if (last) console.log(`       (last error: ${clip(String(last.message || last), 200)})`);
  return false;
}

// Marks the open page, so a reload shows as the mark gone. Retried: the first PDFs finish
// in the background at any moment and offer new downloads, which reloads the page once,
// and a page in the middle of a reload has no context to evaluate in. The checks below
// hold whichever reload comes first.
async function markPage(page) {
  await until(() => page.evaluate(() => { window.__notReloaded = true; return true; }));
}

// One raw HTTP/1.1 request, so the path reaches the server exactly as written (clients
// tidy "/../" away). Returns the status code, or null.
function raw(port, request) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    const timer = setTimeout(() => { socket.destroy(); resolve(null); }, 10_000);
    socket.on("connect", () => socket.write(request));
    socket.on("data", (d) => { data += d.toString("latin1"); });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      resolve(m ? Number(m[1]) : null);
    });
  });
}

try {
  // A copy of the example service, so the test can edit it.
  fs.mkdirSync(root);
  for (const entry of ["planpack.toml", "content", "data", "meetings"])
    if (fs.existsSync(path.join(repoRoot, entry)))
      fs.cpSync(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });

  // Which page shows the introduction: build once, and find the sentence.
  const mdRel = "content/01-introduction.md";
  const md = path.join(root, mdRel);
  const original = fs.readFileSync(md, "utf8");
  const sentence = "I am pleased to introduce our Business Plan";
  const built = path.join(tmp, "built");
  const b = spawnSync(planpack, ["build", "--root", root, "--out", built, "--format", "html"],
    { encoding: "utf8", timeout: 120_000 });
  check(b.status === 0, "the example builds", [clip(b.stderr || "")]);
  const pages = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else if (e.name.endsWith(".html")) pages.push(p);
  } };
  walk(built);
  const pagePath = pages.find((p) => fs.readFileSync(p, "utf8").includes(sentence));
  check(Boolean(pagePath), "a built page holds the introduction");
  check(pages.every((p) => !fs.readFileSync(p, "utf8").includes("__planpack")),
    "built files carry no reload script");
  const url = "/" + path.relative(built, pagePath).split(path.sep).join("/");

  // The server, on a free port of 127.0.0.1.
  server = spawn(planpack, ["serve", "--root", root, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (d) => { serverLog += d; });
  server.stderr.on("data", (d) => { serverLog += d; });
  let base = null;
  await until(async () => {
    const m = /serving (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(serverLog);
    if (m) base = m[1];
    return base !== null || server.exitCode !== null;
  }, 120_000);
  if (!check(base !== null, "serve prints its address on 127.0.0.1", [clip(serverLog)])) throw new Error("no server");
  const port = Number(new URL(base).port);
  check(!fs.existsSync(path.join(root, "site")), "serve writes no site/ (it serves from memory)");

  browser = await launchChromium(chromium);
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(base + url.slice(1));
  check((await page.textContent("body")).includes(sentence), `the browser shows ${url}`);
  // Wait until the page's event stream is open, so the edit below is the change it sees.
  // (A resource-timing entry, tried before, appears only when a request ends, which an
  // event stream never does: that wait ran out its 60 s every run.)
  check(await until(() => page.evaluate(() => !!document.querySelector("script[data-listening]"))),
    "the page's live-reload stream opens");

  // 1. An edit reloads the page with the change. The mark on window goes with the old page.
  const marker = "A paragraph added while the preview was open, number " + Date.now() + ".";
  await markPage(page);
  const t0 = Date.now();
  fs.writeFileSync(md, original.replace(sentence, marker + "\n\n" + sentence));
  const reloaded = await until(() => page.evaluate((m) =>
    !window.__notReloaded && document.body.innerText.includes(m), marker));
  check(reloaded, "an edit to the Markdown reloads the page with the change",
    [`after ${Date.now() - t0} ms`, clip(serverLog.slice(-600))]);
  if (reloaded) console.log(`       (save to reload: ${Date.now() - t0} ms under the test build)`);

  // 2. A broken file: the page shows the error, where it is, the line and a caret.
  await markPage(page);
  const broken = original.replace(/^order = 1$/m, 'order = "one');
  check(broken !== original, "the test can break the front matter");
  fs.writeFileSync(md, broken);
  const shown = await until(() => page.evaluate(() =>
    !window.__notReloaded && document.querySelector("#planpack-errors") !== null));
  const text = shown ? await page.textContent("body") : "";
  check(shown, "an error replaces the page", [clip(serverLog.slice(-600))]);
  check(/content\/01-introduction\.md:\d+:\d+/.test(text), "the error names file:line:col", [clip(text)]);
  check(text.includes('order = "one'), "the error quotes the source line", [clip(text)]);
  check(shown && (await page.locator(".caret").first().textContent()).trim() === "^",
    "a caret points at the column");
  // Every page shows it, not only the edited one.
  const home = await fetch(base);
  const homeText = await home.text();
  check(homeText.includes("planpack-errors") && homeText.includes("01-introduction.md"),
    "the home page shows the error too (never a stale page)");

  // 3. Fixed: the page comes back, reloaded.
  await markPage(page);
  fs.writeFileSync(md, original);
  const back = await until(() => page.evaluate((s) =>
    !window.__notReloaded && document.querySelector("#planpack-errors") === null &&
    document.body.innerText.includes(s), sentence));
  check(back, "fixing the file brings the page back", [clip(serverLog.slice(-600))]);
  check(!(await page.textContent("body")).includes(marker), "the page shows the file as it is now");

  // 4. PDFs come from the background and are served when asked for.
  const plan = url.split("/")[1];
  const pdf = await fetch(`${base}${plan}/${plan}.pdf`);
  const pdfBytes = Buffer.from(await pdf.arrayBuffer());
  check(pdf.status === 200 && pdfBytes.subarray(0, 5).toString() === "%PDF-",
    "the plan's PDF is served (built in the background)", [`status ${pdf.status}`]);

  // 4b. The calendars, feeds and open data, served as build writes them. Open data lists
  // the meetings' PDFs and workbooks (which the html-only build above did not make) with
  // their SHA-256: those are checked against the files served, pages against the built ones.
  const sha = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");
  const served = async (rel) => {
    const r = await fetch(base + rel);
    return { status: r.status, type: r.headers.get("content-type") || "", bytes: Buffer.from(await r.arrayBuffer()) };
  };
  for (const [rel, type] of [["calendar.ics", "text/calendar"], ["feed.atom", "application/atom+xml"],
    ["committees/cyp-scrutiny/calendar.ics", "text/calendar"], ["data/v1/meetings.csv", "text/csv"],
    ["data/v1/schema.json", "application/json"]]) {
    const r = await served(rel);
    const file = path.join(built, rel);
    check(r.status === 200 && r.type.startsWith(type) && fs.existsSync(file) && r.bytes.equals(fs.readFileSync(file)),
      `serve serves ${rel} (${type}) as build writes it`, [`status ${r.status}, ${r.type}, ${r.bytes.length} bytes`]);
  }
  // Open data fingerprints each meeting's files as serve shows them: its pages, once the
  // background PDFs are made, offer those PDFs with their size, so the pages are fetched from
  // serve (less the reload tag it adds), not read from the html-only build.
  const unreload = (bytes) => Buffer.from(
    bytes.toString("utf8").replace(/<script src="\/__planpack\/reload\.js" data-generation="\d+"><\/script>\n/, ""), "utf8");
  let open = { documents: [] };
  let sameRest = false;
  let wrong = ["(not checked)"];
  const wrote = JSON.parse(fs.readFileSync(path.join(built, "data/v1/committee-papers.json"), "utf8"));
  const rest = (o) => JSON.stringify({ ...o, documents: undefined });
  // Retried: a fingerprint and its file are only comparable from one generation.
  await until(async () => {
    const data = await served("data/v1/committee-papers.json");
    open = data.status === 200 ? JSON.parse(data.bytes.toString("utf8")) : { documents: [] };
    sameRest = data.status === 200 && rest(open) === rest(wrote);
    wrong = [];
    for (const d of open.documents) {
      const r = await served(d.path);
      const bytes = d.path.endsWith(".html") ? unreload(r.bytes) : r.bytes;
      if (r.status !== 200 || sha(bytes) !== d.sha256) wrong.push(d.path);
    }
    return sameRest && open.documents.some((d) => d.path.endsWith(".pdf")) && wrong.length === 0;
  });
  check(sameRest, "serve's open data is build's, documents aside");
  check(open.documents.some((d) => d.path.endsWith(".pdf")) && wrong.length === 0,
    `serve's open data fingerprints each meeting's files as served (${open.documents.length})`, wrong);

  // 5. Hardening, over raw HTTP.
  const get = (p, host = `127.0.0.1:${port}`) => raw(port, `GET ${p} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  check(await get("/") === 200, "GET / is 200");
  check(await get("/../planpack.toml") === 404, "GET /../planpack.toml is 404");
  check(await get("/%2e%2e/planpack.toml") === 404, "GET /%2e%2e/planpack.toml is 404");
  check(await get(`/${plan}/../../planpack.toml`) === 404, "GET /plan/../../planpack.toml is 404");
  check(await get("/content/01-introduction.md") === 404, "sources are not served");
  check(await get("/", "evil.example") === 421, "a Host that is not loopback is refused (DNS rebinding)");
  check(await get("/", `localhost:${port}`) === 200, "Host localhost is served");
  const big = "x".repeat(64 * 1024);
  check(await raw(port, `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n${big}`) === 413,
    "a 64 KB request body is refused (413)");
  check([400, 414, 431].includes(await get("/" + "a".repeat(20_000))), "a 20 KB request line is refused");

  const code = await stopServer();
  check(code === 0, "serve stops cleanly on SIGTERM", [`exit ${code}`, clip(serverLog.slice(-400))]);
  check(!fs.existsSync(path.join(root, "site")), "serve left no site/ behind");
} catch (e) {
  check(false, "the run completes", [String(e.stack || e), clip(serverLog.slice(-1000))]);
} finally {
  await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
