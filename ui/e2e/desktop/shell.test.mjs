// Desktop end-to-end for what the shell's plugins do: one instance per state
// dir (tauri-plugin-single-instance, over D-Bus on Linux) and the window's
// size and place across restarts (tauri-plugin-window-state). Each test has
// its own state dir; the single-instance tests run their own session bus
// (`dbus-daemon`), since xvfb-run provides none.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "../serve.mjs";
import { defaultApp, startDriver, until } from "../driver.mjs";
import { deferrer, sessionBus, tmp } from "../session-bus.mjs";

const app = defaultApp();
/** The single-instance names on `address`'s bus. */
function instanceNames(address) {
  const out = execFileSync("dbus-send", ["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    encoding: "utf8",
  });
  return [...out.matchAll(/"(app\.faultlines\.atlas[^"]*\.SingleInstance)"/g)].map((m) => m[1]);
}

/** Launch the app directly (not under WebDriver); its stderr is collected in `.log`. */
function launch(defer, env, args = []) {
  const child = spawn(app, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  child.log = "";
  child.stderr.on("data", (d) => (child.log += d));
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  defer(() => child.kill());
  return child;
}

/** How `child` ended, or "running" if it is still up after `ms`. */
const endOf = (child, ms) => Promise.race([child.exited, new Promise((r) => setTimeout(() => r("running"), ms))]);

/** Run `fn`; if it fails, save a screenshot of `current()`'s window. */
async function withShot(current, name, fn) {
  try {
    await fn();
  } catch (e) {
    const dir = path.join(root, "test-results");
    fs.mkdirSync(dir, { recursive: true });
    try { await current().saveScreenshot(path.join(dir, `desktop-${name}.png`)); } catch { /* no window */ }
    throw e;
  }
}

const mapReady = (browser) => browser.$("svg.atlas[data-ready=true]").then((m) => m.waitForExist({ timeout: 20000 }));

describe("one instance per state dir", () => {
  it("a second launch hands over, exits 0 at once, and the first window keeps working", async (t) => {
    const defer = deferrer(t);
    const env = { FAULTLINES_STATE_DIR: tmp("state"), DBUS_SESSION_BUS_ADDRESS: await sessionBus(defer) };
    const driver = await startDriver(app, env);
    defer(() => driver.stop());
    const browser = await driver.session();
    defer(() => browser.deleteSession().catch(() => {}));
    await withShot(() => browser, "single-instance", async () => {
      await mapReady(browser);
      assert.equal(instanceNames(env.DBUS_SESSION_BUS_ADDRESS).length, 1, "the first app holds its name on the bus");
      const t0 = Date.now();
      const second = launch(defer, env);
      assert.deepEqual(await endOf(second, 10000), { code: 0, signal: null }, second.log);
      assert.ok(Date.now() - t0 < 5000, `the second launch took ${Date.now() - t0} ms to hand over`);
      // The first window is still there and answers.
      assert.equal(await browser.getTitle(), "Faultlines — the CSTO story on the map");
      const tj = await browser.$("aria/Tajikistan");
      await tj.click();
      assert.equal(await tj.getAttribute("aria-pressed"), "true");
      const events = await browser.executeAsync((done) => {
        window.__TAURI_INTERNALS__.invoke("dataset_info").then((i) => done(i.counts.events), () => done(-1));
      });
      assert.ok(events > 0);
    });
  });

  it("the running app receives the second launch's arguments; another state dir is another instance", async (t) => {
    const defer = deferrer(t);
    const bus = await sessionBus(defer);
    const env = { FAULTLINES_STATE_DIR: tmp("state"), DBUS_SESSION_BUS_ADDRESS: bus };
    const first = launch(defer, env);
    await until("the first app's name on the bus", () => instanceNames(bus).length === 1);
    // Neither a file nor a link: the running app says it is not used (links go to the window: deeplink.test.mjs).
    const second = launch(defer, env, ["probe-argument-1"]);
    assert.deepEqual(await endOf(second, 10000), { code: 0, signal: null }, second.log);
    await until("the first app to log the handed-over arguments", () => first.log.includes("probe-argument-1"), 5000);
    // A launch on a state dir of its own does not hand over: it runs beside the first.
    const other = launch(defer, { ...env, FAULTLINES_STATE_DIR: tmp("state") });
    await until("a second name on the bus", () => instanceNames(bus).length === 2);
    assert.equal(await endOf(other, 500), "running", other.log);
    other.kill();
    first.kill();
  });

  it("without a session bus every launch starts normally", async (t) => {
    const defer = deferrer(t);
    const env = { FAULTLINES_STATE_DIR: tmp("state"), DBUS_SESSION_BUS_ADDRESS: `unix:path=${tmp("nobus")}/bus` };
    const driver = await startDriver(app, env);
    defer(() => driver.stop());
    const browser = await driver.session();
    defer(() => browser.deleteSession().catch(() => {}));
    await withShot(() => browser, "no-bus", async () => {
      await mapReady(browser);
      const second = launch(defer, env);
      assert.equal(await endOf(second, 3000), "running", `the second launch ended: ${second.log}`);
      second.kill();
      assert.equal(await browser.getTitle(), "Faultlines — the CSTO story on the map");
    });
  });
});

describe("the window's size and place", () => {
  it("come back after a restart", async (t) => {
    const defer = deferrer(t);
    const stateDir = tmp("state");
    const driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir });
    defer(() => driver.stop());
    let browser = await driver.session();
    defer(() => browser.deleteSession().catch(() => {}));
    await withShot(() => browser, "window-state", async () => {
      await mapReady(browser);
      await browser.setWindowRect(40, 30, 1000, 700);
      // The UI saves its state a moment after a change, and the window's with it.
      await browser.execute(() => document.querySelector("[role=slider]").focus());
      await browser.keys(["ArrowRight"]);
      const file = path.join(stateDir, "window-state.json");
      await until("the window state file", () => fs.existsSync(file), 5000);
      await browser.deleteSession();
      browser = await driver.session();
      await mapReady(browser);
      assert.deepEqual(await browser.getWindowRect(), { x: 40, y: 30, width: 1000, height: 700 });
    });
  });

  it("keep the saved size but not a place off every monitor", async (t) => {
    const defer = deferrer(t);
    const stateDir = tmp("state");
    // As the plugin writes it, for a window last seen on a monitor that is gone.
    const off = { width: 900, height: 600, x: 5000, y: 5000, prev_x: 5000, prev_y: 5000, maximized: false, visible: true, decorated: true, fullscreen: false };
    fs.writeFileSync(path.join(stateDir, "window-state.json"), JSON.stringify({ main: off }));
    const driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir });
    defer(() => driver.stop());
    const browser = await driver.session();
    defer(() => browser.deleteSession().catch(() => {}));
    await withShot(() => browser, "window-off-screen", async () => {
      await mapReady(browser);
      const rect = await browser.getWindowRect();
      assert.deepEqual([rect.width, rect.height], [900, 600]);
      assert.ok(rect.x < 1280 && rect.y < 800, `the window is on the screen: ${JSON.stringify(rect)}`);
    });
  });
});
