// Startup of the desktop app: process start → first painted map (reported by
// the UI's performance mark through the `startup_report` command), and memory
// (RSS and PSS of the app and its WebKit processes) after load; on the first
// run, also the CPU the app uses while its symbols pulse (the first 10 s) and
// at rest once they have settled (10 s from 15 s after the first map).
// Run under a display, e.g.: xvfb-run -a node scripts/bench-startup.mjs [binary] [runs]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../e2e/serve.mjs";

const bin = process.argv[2] ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "release", "faultlines-app");
const runs = Number(process.argv[3] ?? 8);

function children(pid) {
  const out = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(d), ...children(Number(d)));
    } catch { /* gone */ }
  }
  return out;
}

function memory(pid) {
  let rss = 0;
  let pss = 0;
  const names = [];
  for (const p of [pid, ...children(pid)]) {
    try {
      const roll = fs.readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      rss += Number(/Rss:\s+(\d+)/.exec(roll)?.[1] ?? 0);
      pss += Number(/Pss:\s+(\d+)/.exec(roll)?.[1] ?? 0);
      names.push(fs.readFileSync(`/proc/${p}/comm`, "utf8").trim());
    } catch { /* gone */ }
  }
  return { rss: rss / 1024, pss: pss / 1024, names };
}

/** CPU time (user + system) of a process and its children, in clock ticks. */
function ticks(pid) {
  let t = 0;
  for (const p of [pid, ...children(pid)]) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      t += Number(f[11]) + Number(f[12]);
    } catch { /* gone */ }
  }
  return t;
}
const CLK_TCK = 100;
/** Share of one core used by the app over the next `s` seconds. */
async function cpu(pid, s) {
  const a = ticks(pid);
  await new Promise((r) => setTimeout(r, s * 1000));
  return (ticks(pid) - a) / CLK_TCK / s;
}

const times = [];
const mems = [];
let idle = null;
for (let i = 0; i < runs; i++) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-startup-"));
  const t0 = Date.now();
  const child = spawn(bin, [], { env: { ...process.env, FAULTLINES_TRACE_STARTUP: "1", FAULTLINES_STATE_DIR: stateDir }, stdio: ["ignore", "ignore", "pipe"] });
  const painted = await new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`no first map after 30 s: ${err}`)), 30000);
    child.stderr.on("data", (d) => {
      err += d;
      const m = /first map painted at ([\d.]+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  times.push(painted - t0);
  await new Promise((r) => setTimeout(r, 2000));
  mems.push(memory(child.pid));
  if (i === 0) {
    const pulsing = await cpu(child.pid, 8);
    await new Promise((r) => setTimeout(r, 5000));
    idle = { pulsing, rest: await cpu(child.pid, 10) };
  }
  child.kill();
  await new Promise((r) => child.on("exit", r));
  fs.rmSync(stateDir, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`binary: ${bin} (${(fs.statSync(bin).size / 1048576).toFixed(1)} MiB)`);
console.log(`process start → first painted map over ${runs} runs: median ${med(times).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (first run ${times[0].toFixed(0)} ms)`);
console.log(`CPU, share of one core: ${(idle.pulsing * 100).toFixed(1)}% while the symbols pulse (2–10 s after the first map), ${(idle.rest * 100).toFixed(1)}% at rest (15–25 s)`);
console.log(`memory after load: median RSS ${med(mems.map((m) => m.rss)).toFixed(0)} MB, median PSS ${med(mems.map((m) => m.pss)).toFixed(0)} MB (processes: ${mems[0].names.join(", ")})`);
