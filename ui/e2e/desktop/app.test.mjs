// Desktop end-to-end: the real Faultlines binary under Xvfb, driven over
// WebDriver (tauri-driver → WebKitWebDriver). Elements are found by their
// accessible names, as in the browser tests.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { remote } from "webdriverio";
import { root } from "../serve.mjs";

const app = process.env.FAULTLINES_APP ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "debug", "faultlines-app");
const driverBin = process.env.TAURI_DRIVER ?? "tauri-driver";

let driver;
let browser;

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
      const c = net.connect(port, "127.0.0.1", () => { c.end(); resolve(true); });
      c.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

before(async () => {
  assert.ok(fs.existsSync(app), `app binary missing: ${app}`);
  const port = await freePort();
  const nativePort = await freePort();
  driver = spawn(driverBin, ["--port", String(port), "--native-port", String(nativePort)], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(port, 15000);
  browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    capabilities: { browserName: "wry", "wdio:enforceWebDriverClassic": true, "tauri:options": { application: app } },
  });
});

after(async () => {
  try { await browser?.deleteSession(); } catch { /* already gone */ }
  driver?.kill();
});

async function guard(name, fn) {
  try {
    await fn();
  } catch (e) {
    const dir = path.join(root, "test-results");
    fs.mkdirSync(dir, { recursive: true });
    try { await browser.saveScreenshot(path.join(dir, `desktop-${name}.png`)); } catch { /* no window */ }
    throw e;
  }
}

describe("the desktop app", () => {
  it("opens a window that shows the map and the dataset summary", () =>
    guard("window", async () => {
      const map = await browser.$("svg.atlas[data-ready=true]");
      await map.waitForExist({ timeout: 20000 });
      const summary = await browser.$("#dataset-summary").getText();
      assert.match(summary, /^\d+ events · \d+ excerpts/);
      assert.equal(await browser.execute(() => document.documentElement.dataset.transport), "tauri");
      assert.equal(await browser.getTitle(), "Faultlines — the CSTO story on the map");
    }));

  it("selects Tajikistan and Batken Region by accessible name", () =>
    guard("select", async () => {
      const tj = await browser.$("aria/Tajikistan");
      await tj.click();
      assert.equal(await tj.getAttribute("aria-pressed"), "true");
      await (await browser.$("aria/Kyrgyzstan")).click();
      const batken = await browser.$("aria/Batken Region");
      await batken.click();
      assert.equal(await batken.getAttribute("aria-pressed"), "true");
    }));

  it("loads map layers as bytes over IPC", () =>
    guard("layers", async () => {
      const n = await browser.executeAsync((done) => {
        window.__TAURI_INTERNALS__.invoke("layer", { name: "countries", lod: "overview" }).then((b) => done(b.byteLength), () => done(-1));
      });
      assert.ok(n > 10000, `countries overview is ${n} bytes`);
    }));
});
