// First paint in headless Chromium: bytes fetched before the first painted map,
// and time from navigation start to the UI's "faultlines:first-map" mark.
// Usage: node scripts/bench-firstpaint.mjs [runs]   (needs ui/dist and the faultlines binary)
import { startServer } from "../e2e/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const runs = Number(process.argv[2] ?? 15);
const server = await startServer();
const b = await launch();
const times = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const page = await b.context.newPage();
  const sizes = [];
  page.on("response", async (r) => {
    if (!r.url().includes("/api/")) return;
    try { sizes.push((await r.body()).length); } catch { /* redirected */ }
  });
  await page.goto(server.url, { waitUntil: "load" });
  await page.locator("svg.atlas[data-ready=true]").waitFor({ timeout: 20000 });
  const t = await page.evaluate(() => performance.getEntriesByName("faultlines:first-map")[0].startTime);
  if (i > 0) times.push(t); // the first run warms the server and the disk cache
  bytes = sizes.reduce((a, x) => a + x, 0);
  await page.close();
}
await b.close();
server.stop();
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * (times.length - 1)))];
console.log(`first map: median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, min ${times[0].toFixed(0)} ms over ${times.length} warm loads`);
console.log(`API bytes before the first map (layers at overview, regions, info, state…): ${(bytes / 1024).toFixed(0)} KiB`);
