// Export benchmark in headless Chromium against `faultlines serve`: the
// time from pressing Export to the finished file, for an animation of a
// time range exported through the dialog as a reader would (every frame is
// the app's own view at its date, composed in the page, drawn and encoded
// by the core). Default: 10 s of 2022 at 12 frames a second, 1280 × 720,
// GIF (120 frames). Reports each run, the median, the file's size, the
// machine and its load average.
//
// Usage: node scripts/bench-export.mjs [--runs 3] [--format gif] [--fps 12] [--seconds 10]
//   [--size 1280x720] [--from 2022-01-01] [--to 2022-12-31] [--data DIR]
// The server binary is FAULTLINES_BIN (e.g. target/release/faultlines), else the debug build.
import fs from "node:fs";
import os from "node:os";
import { startServer } from "../e2e/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg("--runs", 3));
const format = arg("--format", "gif");
const fps = arg("--fps", "12");
const seconds = arg("--seconds", "10");
const [width, height] = arg("--size", "1280x720").split("x");
const from = arg("--from", "2022-01-01");
const to = arg("--to", "2022-12-31");
const data = arg("--data", null);

const server = await startServer(data ? ["--data", data] : []);
const browser = await launch();
const page = await browser.context.newPage();
await page.goto(server.url);
await page.locator("html[data-ready=true]").waitFor({ timeout: 120000 });

const times = [];
let bytes = 0;
for (let r = 0; r < runs; r++) {
  const dialog = page.getByRole("dialog", { name: "Export the view" });
  await page.getByRole("button", { name: "Export…" }).click();
  await dialog.waitFor();
  await dialog.getByRole("radio", { name: "Animation" }).check();
  await dialog.getByLabel("From", { exact: true }).fill(from);
  await dialog.getByLabel("To", { exact: true }).fill(to);
  await dialog.getByRole("spinbutton", { name: "Frames a second" }).fill(fps);
  await dialog.getByRole("spinbutton", { name: "Duration (seconds)" }).fill(seconds);
  await dialog.getByRole("spinbutton", { name: "Width (px)" }).fill(width);
  await dialog.getByRole("spinbutton", { name: "Height (px)" }).fill(height);
  await dialog.getByRole("combobox", { name: "Format" }).selectOption(format);
  const t0 = performance.now();
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 600000 }), dialog.getByRole("button", { name: "Export", exact: true }).click()]);
  const path = await file.path();
  times.push((performance.now() - t0) / 1000);
  bytes = fs.statSync(path).size;
  // Where a frame's time went in the page: the app drawing the date, composing the document, waiting for the core.
  const parts = await page.evaluate(() => {
    const sum = (n) => performance.getEntriesByName(n).reduce((s, e) => s + e.duration, 0) / 1000;
    const out = { draw: sum("faultlines:export-draw"), compose: sum("faultlines:export-compose"), wait: sum("faultlines:export-wait") };
    performance.clearMeasures();
    return out;
  });
  console.log(`run ${r + 1}: ${times.at(-1).toFixed(2)} s, ${(bytes / 1048576).toFixed(2)} MiB (in the page: drawing the dates ${parts.draw.toFixed(1)} s, composing ${parts.compose.toFixed(1)} s, waiting for the core ${parts.wait.toFixed(1)} s)`);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
}
await browser.close();
server.stop();

const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const frames = Math.round(Number(fps) * Number(seconds));
console.log(`${format} of ${from}..${to}: ${frames} frames at ${fps} fps, ${width}x${height}`);
console.log(`median of ${runs} runs: ${median.toFixed(2)} s (${((1000 * median) / frames).toFixed(0)} ms a frame), ${(bytes / 1048576).toFixed(2)} MiB`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
