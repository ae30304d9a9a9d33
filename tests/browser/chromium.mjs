// Starting headless Chromium for the browser tests. On CI's two cores, with the ASan
// build's other tests running beside it, Chromium has taken more than 30 s to start, so
// the start gets its own generous timeout and one retry; a browser that never starts
// still fails the test.
import fs from "node:fs";
import { createRequire } from "node:module";

export const CHROMIUM = process.env.PLANPACK_CHROMIUM || "/usr/bin/chromium";

const LAUNCH_TIMEOUT = 120_000;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launchChromium(chromium) {
  const options = { executablePath: CHROMIUM, headless: true, timeout: LAUNCH_TIMEOUT, args: ARGS };
  try {
    return await chromium.launch(options);
  } catch (first) {
    console.log(`note: Chromium did not start (${String(first.message).split("\n")[0]}); trying once more`);
    return await chromium.launch(options);
  }
}

// playwright-core, axe-core's script and Chromium. Missing ones end the run with code 77
// and the fix printed; ctest counts that as a failure on purpose (no SKIP_RETURN_CODE): a
// CI run must not pass without its browser.
export async function browserTools() {
  let chromium, axePath;
  try {
    ({ chromium } = await import("playwright-core"));
    axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  } catch (e) {
    console.log(`MISSING: playwright-core/axe-core not installed (${e.code || e.message}); ` +
      "run scripts/setup.sh --test (npm ci in tests/browser)");
    process.exit(77);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`MISSING: no Chromium at ${CHROMIUM}; run scripts/setup.sh --test`);
    process.exit(77);
  }
  return { chromium, axePath };
}
