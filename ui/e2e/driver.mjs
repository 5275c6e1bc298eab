// The real desktop app under WebDriver: tauri-driver (→ WebKitWebDriver) on a
// free loopback port, and sessions that launch the app. Used by the desktop
// tests and the desktop benchmark.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { remote } from "webdriverio";
import { root } from "./serve.mjs";

/** The debug build of the app, unless FAULTLINES_APP names another. */
export const defaultApp = () => process.env.FAULTLINES_APP ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "debug", "faultlines-app");

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => {
        c.end();
        resolve(true);
      });
      c.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/**
 * Wait until `test()` is true; an error it throws (a page reloading under
 * WebDriver, say) counts as not yet, and is named if time runs out.
 */
export async function until(what, test, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      if (await test()) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${last.message})` : ""}`);
}

/**
 * End every app process started with `stateDir`: a session whose page
 * reloaded may end without closing its window, and a window left open
 * holds the test runner's output pipe, so the run never ends.
 */
function endApps(stateDir) {
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, "latin1").split("\0");
      if (env.includes(`FAULTLINES_STATE_DIR=${stateDir}`)) process.kill(Number(pid));
    } catch { /* gone, or not ours to read */ }
  }
}

/**
 * Start tauri-driver with `env` added to the app's environment. Returns
 * `{ session, stop }`: `session(args)` launches `app` with `args` and resolves
 * to a WebDriver session; `stop()` ends the driver and, when `env` names a
 * state dir, every app still running on it.
 */
export async function startDriver(app, env = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(process.env.TAURI_DRIVER ?? "tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  await waitForPort(port, 15000);
  return {
    session: (args = []) =>
      remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "error",
        capabilities: { browserName: "wry", "wdio:enforceWebDriverClassic": true, "tauri:options": { application: app, args } },
      }),
    stop: () => {
      driver.kill();
      if (env.FAULTLINES_STATE_DIR) endApps(env.FAULTLINES_STATE_DIR);
    },
  };
}

/**
 * A test step that, when it fails, leaves a screenshot of the window as
 * `test-results/desktop-{prefix}{name}.png` (the browser tests' `guardWithShots`).
 * `browser()`: the session at the time of failure.
 */
export function guardWithShots(prefix, browser) {
  return async (name, fn) => {
    try {
      await fn();
    } catch (e) {
      const dir = path.join(root, "test-results");
      fs.mkdirSync(dir, { recursive: true });
      try { await browser().saveScreenshot(path.join(dir, `desktop-${prefix}${name}.png`)); } catch { /* no window */ }
      throw e;
    }
  };
}
