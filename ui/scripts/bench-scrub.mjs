// Scrubbing benchmark in headless Chromium: input → painted frame while the
// slider sweeps the whole span in N steps, for Faultlines and, side by side in
// the same run, for a reference page that renders the same events the common
// way (Leaflet with an L.geoJSON layer rebuilt from a filter at every step, as
// Leaflet.TimeDimension does). Reports p50/p95 and peak JS heap for both.
// A third page that changes one line of text per step shows the browser's own
// floor: what any visible change costs in this Chromium, whatever the page.
// The pages take turns, one sweep each per round, so that the machine's noise
// falls on all of them alike.
//
// Usage: node scripts/bench-scrub.mjs [--data DIR] [--steps 200] [--rounds 3] [--ui DIST] [--query ?events=canvas]
// (--ui: another build of the UI, e.g. an older commit's, for a before/after;
// --query: added to our page's address.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, startServer } from "../e2e/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const steps = Number(arg("--steps", 200));
const rounds = Number(arg("--rounds", 3));
const data = arg("--data", null);
const ui = arg("--ui", path.join(root, "ui", "dist"));
const query = arg("--query", "");

// Serve our UI plus the reference page (Leaflet from node_modules) from one folder.
const site = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-bench-"));
fs.cpSync(ui, site, { recursive: true });
fs.mkdirSync(path.join(site, "reference"));
fs.copyFileSync(path.join(root, "ui", "node_modules", "leaflet", "dist", "leaflet.js"), path.join(site, "reference", "leaflet.js"));
fs.copyFileSync(path.join(root, "ui", "node_modules", "leaflet", "dist", "leaflet.css"), path.join(site, "reference", "leaflet.css"));
fs.writeFileSync(
  path.join(site, "reference", "index.html"),
  `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="leaflet.css">
<style>html,body,#m{margin:0;height:100%}</style></head><body><div id="m"></div>
<script src="leaflet.js"></script><script src="ref.js"></script></body></html>`,
);
fs.writeFileSync(
  path.join(site, "reference", "ref.js"),
  `window.ready = (async () => {
  const events = await (await fetch("/api/all-events")).json();
  const features = events.map((e) => ({ type: "Feature", geometry: e.geometry, properties: { lo: e.lo, hi: e.hi, kind: e.kind, title: e.title } }));
  const countries = await (await fetch("/api/regions")).json();
  const map = L.map("m", { preferCanvas: false }).setView([42, 60], 4);
  let layer = null;
  window.step = (t) => {
    if (layer) map.removeLayer(layer);
    layer = L.geoJSON({ type: "FeatureCollection", features: features.filter((f) => f.properties.lo <= t && t <= f.properties.hi) }, {
      pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 5 }),
    }).addTo(map);
  };
  return { n: features.length, countries: countries.length };
})();`,
);

fs.writeFileSync(
  path.join(site, "reference", "floor.html"),
  `<!doctype html><html><head><meta charset="utf-8"></head><body><svg width="300" height="40"><text id="t" x="10" y="25">–</text></svg>
<script src="floor.js"></script></body></html>`,
);
fs.writeFileSync(path.join(site, "reference", "floor.js"), `const t = document.getElementById("t").firstChild; window.benchStep = (day) => { t.data = String(day); };`);

const server = await startServer(data ? ["--data", data] : [], site);
const browser = await launch();
const info = await (await fetch(`${server.url}/api/info`)).json();
const t0 = info.span.start_day;
const t1 = info.span.end_day;
const days = Array.from({ length: steps }, (_, i) => Math.round(t0 + ((t1 - t0) * i) / (steps - 1)));

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

async function heap(page) {
  return page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
}

// One sweep over the days on a page that defines `window.benchStep(day)`.
// "update": input → the DOM (and canvas) updated and laid out; "frame work":
// that plus the work of the frame showing it (from the animation frame to a
// task posted from it); "frame": input → the animation frame (includes vsync).
async function sweep(page, acc = { times: [], frames: [], work: [], peak: 0 }) {
  await page.bringToFront(); // a tab in the background gets no animation frames
  // Warm-up, not measured (as criterion does): a quick pass over other days.
  let peak = Math.max(acc.peak, await heap(page));
  for (let i = 0; i < 40; i++) {
    await page.evaluate((day) => window.benchStep(day), Math.round(t0 + ((t1 - t0) * (i + 0.5)) / 40));
    peak = Math.max(peak, await heap(page));
  }
  const { times, frames, work } = acc;
  for (const d of days) {
    const [upd, frame, w] = await page.evaluate(async (day) => {
      const t = performance.now();
      await window.benchStep(day);
      void document.body.offsetHeight;
      const upd = performance.now() - t;
      const raf = await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r));
      return [upd, raf - t, upd + (performance.now() - raf)];
    }, d);
    times.push(upd);
    frames.push(frame);
    work.push(w);
    peak = Math.max(peak, await heap(page));
  }
  return { times, frames, work, peak };
}


// Ours: set the slider's date; done when the map has drawn it.
const ours = await browser.context.newPage();
await ours.goto(server.url + query);
await ours.locator("html[data-ready=true]").waitFor({ timeout: 120000 });
await ours.evaluate(() => {
  window.benchStep = (day) => {
    const f = window.faultlines;
    const drawn = f.nextDraw();
    f.timeline.setDay(day);
    return drawn;
  };
});
if (!(await ours.evaluate(() => window.crossOriginIsolated))) console.warn("note: the page is not cross-origin isolated; timers are coarse (0.1 ms)");

// Reference: rebuild the filtered L.geoJSON layer.
const ref = await browser.context.newPage();
ref.on("pageerror", (e) => console.error("reference page error:", e.message));
ref.on("console", (m) => m.type() === "error" && console.error("reference page:", m.text()));
await ref.goto(`${server.url}/reference/index.html`);
await ref.waitForFunction(() => typeof window.step === "function", null, { timeout: 120000 });
const refInfo = await ref.evaluate(() => window.ready);
await ref.evaluate(() => {
  window.benchStep = async (day) => window.step(day);
});

const floor = await browser.context.newPage();
await floor.goto(`${server.url}/reference/floor.html`);

let o, rr, fl;
for (let r = 0; r < rounds; r++) {
  o = await sweep(ours, o);
  rr = await sweep(ref, rr);
  fl = await sweep(floor, fl);
}

await browser.close();
server.stop();
fs.rmSync(site, { recursive: true, force: true });
const a = stats(o.times);
const r = stats(rr.times);
const af = stats(o.frames);
const rf = stats(rr.frames);
const aw = stats(o.work);
const rw = stats(rr.work);
const ff = stats(fl.frames);
const fw = stats(fl.work);
const fu = stats(fl.times);
const mb = (x) => (x / 1048576).toFixed(1);
const f2 = (x) => x.toFixed(2);
console.log(`${refInfo.n} events, ${rounds} sweeps of ${steps} steps over ${info.span.start}..${info.span.end}`);
const line = (name, u, f, w, h) =>
  console.log(`${name} update p50 ${f2(u.p50)} ms, p95 ${f2(u.p95)} ms, max ${f2(u.max)} ms | frame work p50 ${f2(w.p50)}, p95 ${f2(w.p95)} ms | to next frame p50 ${f2(f.p50)}, p95 ${f2(f.p95)} ms | peak JS heap ${mb(h)} MiB`);
line("Faultlines:       ", a, af, aw, o.peak);
line("Leaflet reference:", r, rf, rw, rr.peak);
line("Browser floor:    ", fu, ff, fw, fl.peak);
console.log(`speed-up: update p50 ${(r.p50 / a.p50).toFixed(1)}x, p95 ${(r.p95 / a.p95).toFixed(1)}x; frame work p50 ${(rw.p50 / aw.p50).toFixed(1)}x, p95 ${(rw.p95 / aw.p95).toFixed(1)}x`);
const above = (x, y) => ((x - y) > 0 ? (x - y).toFixed(2) : "0");
console.log(`frame work above the floor: Faultlines p50 ${above(aw.p50, fw.p50)} ms, p95 ${above(aw.p95, fw.p95)} ms; reference p50 ${above(rw.p50, fw.p50)} ms, p95 ${above(rw.p95, fw.p95)} ms`);
