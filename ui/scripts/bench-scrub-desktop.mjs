// Scrubbing inside the real desktop app (WebKitGTK, as shipped: not
// composited), driven over WebDriver: the slider sweeps the whole span in N
// steps, as in bench-scrub.mjs, and each step is timed in the page: "update"
// (input → DOM and canvas updated and laid out) and "frame work" (that plus
// the frame that shows it, from the animation frame to a task posted from
// it). It also says which renderer drew each step (canvas dots, canvas or
// WebGL2 density). A pass that changes nothing, once the symbols have stopped pulsing,
// gives the floor. WebKit's timers here are
// precise to 1 ms only, so figures are whole milliseconds.
//
// Run under a display: xvfb-run -a node scripts/bench-scrub-desktop.mjs [binary] [--data DIR] [--steps 200] [--rounds 2] [--no-floor]
//   [--from YYYY-MM-DD --to YYYY-MM-DD]: sweep only that stretch (1989-01-01 to
//   1993-12-31 crosses the most border changes: the GDR, the USSR, Yugoslavia, Czechoslovakia).
//   --dump FILE: write each step's date, update and frame work (ms), and whether the base map's
//   picture and the pictures of the labels and the symbols stood for their SVGs (1) or not (0), as three digits, tab-separated; slow steps that recur at the same
//   dates in both sweeps are the map's own changes.
//   --query Q: reload the page with ?Q first (e.g. events=canvas).
//   --no-floor: skip the pass that changes nothing (and the 12 s wait before it), as the CI's smoke run does.
// BENCH_CSS="svg.atlas{display:none}" adds a style sheet first: hiding a part
// shows what it costs a frame.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultApp, startDriver } from "../e2e/driver.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const app = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : defaultApp();
const data = arg("--data", null);
const steps = Number(arg("--steps", 200));
const rounds = Number(arg("--rounds", 2));
const dayOf = (iso) => (iso ? Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) : null);
const from = dayOf(arg("--from", null));
const to = dayOf(arg("--to", null));
const noFloor = process.argv.includes("--no-floor");

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-bench-state-"));
const driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir, ...(data ? { FAULTLINES_DATA: data } : {}) });
const browser = await driver.session();

try {
  await (await browser.$("html[data-ready=true]")).waitForExist({ timeout: 120000 });
  const query = arg("--query", null);
  if (query) {
    await browser.execute((q) => window.location.replace(`${window.location.pathname}?${q}`), query);
    await browser.waitUntil(() => browser.execute((q) => window.location.search === `?${q}` && document.documentElement.dataset.ready === "true", query), { timeout: 120000 });
  }
  const sweep = (noop) =>
    browser.executeAsync(
      (noop, steps, rounds, from, to, done) => {
        (async () => {
          const f = window.faultlines;
          const t0 = from ?? f.info.span.start_day;
          const t1 = to ?? f.info.span.end_day;
          const step = async (day) => {
            const t = performance.now();
            if (!noop) {
              const drawn = f.nextDraw();
              f.timeline.setDay(day);
              await drawn;
            }
            void document.body.offsetHeight;
            const u = performance.now() - t;
            const raf = await new Promise((r) => requestAnimationFrame(r));
            await new Promise((r) => setTimeout(r));
            return [u, u + (performance.now() - raf)];
          };
          for (let i = 0; i < 40; i++) await step(Math.round(t0 + ((t1 - t0) * (i + 0.5)) / 40));
          const upd = [];
          const work = [];
          const days = [];
          const modes = {};
          const cached = [];
          for (let r = 0; r < rounds; r++) {
            for (let i = 0; i < steps; i++) {
              const day = Math.round(t0 + ((t1 - t0) * i) / (steps - 1));
              const [u, w] = await step(day);
              days.push(day);
              const mc = document.getElementById("map").classList;
              cached.push(["base", "labels", "symbols"].map((n) => (mc.contains(`${n}-cached`) ? 1 : 0)).join(""));
              const c = document.querySelector("canvas.story-dots:not(.events-off)");
              const m = `${c?.dataset.renderer ?? "none"} ${c?.dataset.mode ?? ""}`.trim();
              modes[m] = (modes[m] ?? 0) + 1;
              upd.push(u);
              work.push(w);
            }
          }
          return { events: f.info.counts.events, upd, work, days, modes, cached };
        })().then(done, (e) => done({ error: String(e) }));
      },
      noop,
      steps,
      rounds,
      from,
      to,
    );
  const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))].toFixed(0);
  if (process.env.BENCH_CSS) await browser.execute((c) => { const st = document.createElement("style"); st.textContent = c; document.head.append(st); }, process.env.BENCH_CSS);
  const ours = await sweep(false);
  if (ours.error) throw new Error(ours.error);
  const dump = arg("--dump", null);
  if (dump) fs.writeFileSync(dump, ours.days.map((d, i) => `${new Date(d * 86400000).toISOString().slice(0, 10)}\t${ours.upd[i]}\t${ours.work[i]}\t${ours.cached[i]}`).join("\n") + "\n");
  let floor = null;
  if (!noFloor) {
    await new Promise((r) => setTimeout(r, 12000)); // the last symbols' pulses end
    floor = await sweep(true);
    if (floor.error) throw new Error(floor.error);
  }
  const span = from !== null ? ` from ${arg("--from")} to ${arg("--to")}` : "";
  console.log(`${ours.events} events, ${rounds} sweeps of ${steps} steps${span}, in ${path.basename(app)} (WebKitGTK)`);
  console.log(`Faultlines:   update p50 ${q(ours.upd, 0.5)} ms, p95 ${q(ours.upd, 0.95)} ms | frame work p50 ${q(ours.work, 0.5)} ms, p95 ${q(ours.work, 0.95)} ms`);
  console.log(`drawn by:     ${Object.entries(ours.modes).map(([m, n]) => `${m} ${n}`).join(", ")}`);
  if (floor) console.log(`no change:    update p50 ${q(floor.upd, 0.5)} ms, p95 ${q(floor.upd, 0.95)} ms | frame work p50 ${q(floor.work, 0.5)} ms, p95 ${q(floor.work, 0.95)} ms`);
} finally {
  await browser.deleteSession().catch(() => {});
  driver.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
}
