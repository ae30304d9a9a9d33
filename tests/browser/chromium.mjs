// Starting headless Chromium for the browser tests. On CI's two cores, with the ASan
// build's other tests running beside it, Chromium has taken more than 30 s to start, so
// the start gets its own generous timeout and one retry; a browser that never starts
// still fails the test.
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
