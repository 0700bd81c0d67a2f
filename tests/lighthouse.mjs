// Lighthouse runs for tests/test_gates.py, one Chromium for all of them.
//
//   node tests/lighthouse.mjs jobs.json
//
// jobs.json: [{"url": ..., "preset": "desktop" | "mobile", "categories": [...] | null, "output": path}]
// Each run writes its report (Lighthouse's JSON result) to `output`. Starting Node, Lighthouse and
// Chromium once instead of once per run saves several seconds a run on a 2-core machine; every run
// still loads its page cold (Lighthouse clears the origin's cache and storage first).
import { readFileSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: JSON.parse(process.env.CHROME_FLAGS || "[]"),
});
try {
  for (const job of jobs) {
    // No full-page screenshot: only the HTML report shows it, no audit scores it, and it costs a
    // second a run (the page laid out again at its full height and captured).
    const flags = { port: chrome.port, output: "json", logLevel: "error", disableFullPageScreenshot: true };
    if (job.categories) flags.onlyCategories = job.categories;
    const result = await lighthouse(job.url, flags, job.preset === "desktop" ? desktopConfig : undefined);
    writeFileSync(job.output, result.report);
  }
} finally {
  await chrome.kill();
}
