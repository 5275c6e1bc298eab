// What the desktop tests of the shell's plugins share: a private D-Bus
// session bus (single-instance hands over through it; xvfb-run provides
// none), temporary folders, and `defer`, which undoes a test's launches
// when it ends.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { until } from "./driver.mjs";

export const tmp = (what) => fs.mkdtempSync(path.join(os.tmpdir(), `faultlines-${what}-`));

/** `defer(fn)` runs `fn` when test `t` ends, even when it fails; the last deferred first. */
export function deferrer(t) {
  const fns = [];
  t.after(async () => {
    for (const fn of fns.reverse()) {
      try { await fn(); } catch { /* already gone */ }
    }
  });
  return (fn) => fns.push(fn);
}

/**
 * A private session bus; resolves to its address. It prints the address into
 * a file, not a pipe: the services it starts (the accessibility bus) inherit
 * its output and would keep a pipe, and this process, open.
 */
export async function sessionBus(defer) {
  const dir = tmp("bus");
  const out = fs.openSync(path.join(dir, "address"), "w");
  const bus = spawn("dbus-daemon", ["--session", "--nofork", "--print-address=1", `--address=unix:path=${dir}/bus`], {
    stdio: ["ignore", out, "ignore"],
  });
  fs.closeSync(out);
  defer(() => bus.kill());
  let failed;
  bus.on("error", (e) => (failed = new Error(`dbus-daemon (package dbus) is needed for these tests: ${e.message}`)));
  await until("the session bus", () => {
    if (failed) throw failed;
    return fs.readFileSync(path.join(dir, "address"), "utf8").includes("\n");
  }, 5000);
  return fs.readFileSync(path.join(dir, "address"), "utf8").trim();
}
