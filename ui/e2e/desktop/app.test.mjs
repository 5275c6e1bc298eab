// Desktop end-to-end: the real Faultlines binary under Xvfb, driven over
// WebDriver (tauri-driver → WebKitWebDriver). Elements are found by their
// accessible names, as in the browser tests.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultApp, guardWithShots, startDriver } from "../driver.mjs";

const app = defaultApp();

let driver;
let browser;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-state-"));

before(async () => {
  assert.ok(fs.existsSync(app), `app binary missing: ${app}`);
  driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir });
  browser = await driver.session();
});

const session = () => driver.session();

after(async () => {
  try { await browser?.deleteSession(); } catch { /* already gone */ }
  driver?.stop();
});

const guard = guardWithShots("", () => browser);

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

  it("gets the event columns and the overview states the slider follows", () =>
    guard("overviews", async () => {
      const [cols, states] = await browser.executeAsync((done) => {
        const ipc = window.__TAURI_INTERNALS__;
        Promise.all([ipc.invoke("columns"), ipc.invoke("overviews")]).then(
          ([c, o]) => done([c.byteLength, o.map((s) => [s.day, s.memberships.length, s.events.length])]),
          (e) => done([-1, String(e)]),
        );
      });
      assert.ok(cols > 8, `columns: ${cols}`);
      assert.ok(Array.isArray(states) && states.length > 20, `overviews: ${JSON.stringify(states).slice(0, 200)}`);
      assert.ok(states.every(([, , events], i) => events === 0 && (i === 0 || states[i - 1][0] < states[i][0])));
    }));

  it("reaches 8 January 2022 with the keyboard and announces the deployment", () =>
    guard("slider", async () => {
      await (await browser.$("button=2021–2023")).click();
      const slider = await browser.$("[role=slider]");
      await slider.click();
      await browser.keys(["Home"]);
      assert.equal(await slider.getAttribute("aria-valuetext"), "1 January 2021");
      // The window spans three years, so arrows move by weeks: 53 weeks to 7 January 2022.
      for (let i = 0; i < 53; i++) await browser.keys(["ArrowRight"]);
      // Zoom in until the arrows step by days (each click halves the window).
      for (let i = 0; i < 4 && (await browser.execute(() => window.faultlines.timeline.unit)) !== "day"; i++) {
        await (await browser.$("aria/Zoom the timeline in")).click();
        await browser.pause(150);
      }
      assert.equal(await browser.execute(() => window.faultlines.timeline.unit), "day");
      await slider.click();
      // The click may move the slider a frame later: read its value once it rests.
      let now = Number(await slider.getAttribute("aria-valuenow"));
      await browser.waitUntil(async () => {
        await browser.pause(150);
        const v = Number(await slider.getAttribute("aria-valuenow"));
        const still = v === now;
        now = v;
        return still;
      }, { timeout: 5000 });
      const target = Math.round(Date.parse("2022-01-08T00:00:00Z") / 86400000);
      for (let i = 0; i < Math.abs(target - now); i++) await browser.keys([target > now ? "ArrowRight" : "ArrowLeft"]);
      assert.equal(await slider.getAttribute("aria-valuetext"), "8 January 2022");
      // What the live region says (its text in full; the line on screen is clipped to two lines).
      const said = () => browser.execute(() => document.querySelector(".tl-status")?.textContent ?? "");
      await browser.waitUntil(async () => (await said()).includes("CSTO troops deployed in Kazakhstan (6–19 January 2022)"), { timeout: 5000 });
    }));

  it("steps to the next event and plays for a moment", () =>
    guard("step-play", async () => {
      const slider = await browser.$("[role=slider]");
      await (await browser.$("aria/Next event")).click();
      await browser.waitUntil(async () => (await slider.getAttribute("aria-valuetext")) === "11 January 2022", { timeout: 5000 });
      const before = Number(await slider.getAttribute("aria-valuenow"));
      await (await browser.$("aria/Play")).click();
      await browser.pause(1200);
      await (await browser.$("aria/Pause")).click();
      assert.ok(Number(await slider.getAttribute("aria-valuenow")) > before);
    }));

  it("lists the Isfara passage when Tajikistan is clicked, and an excerpt moves the slider", () =>
    guard("excerpts", async () => {
      await (await browser.$("aria/Reset view")).click();
      await (await browser.$("aria/Tajikistan")).click();
      const panel = await browser.$("aside[aria-label=Excerpts]");
      await browser.waitUntil(async () => (await panel.getText()).includes("more than 230 situations of military conflict"), { timeout: 5000 });
      const slider = await browser.$("[role=slider]");
      const before = await slider.getAttribute("aria-valuetext");
      const item = await browser.$('li[data-excerpt="s24"] blockquote');
      await item.scrollIntoView({ block: "center" });
      await item.click();
      await browser.waitUntil(async () => (await slider.getAttribute("aria-valuetext")) !== before, { timeout: 5000 });
      assert.match(await slider.getAttribute("aria-valuetext"), /2021/);
    }));

  it("lists the Westminster Hall and European Parliament passages for the Lachin Corridor", () =>
    guard("lachin", async () => {
      // The corridor's shape in force (each of its versions has an element; the others are hidden).
      const corridor = await browser.$('[data-id="lachin-corridor"]:not(.off)');
      await browser.execute((el) => el.focus(), corridor);
      await browser.keys(["Enter"]);
      const panel = await browser.$("aside[aria-label=Excerpts]");
      await browser.waitUntil(async () => {
        const text = await panel.getText();
        return text.includes("Westminster Hall debates on the closure of the Lachin Corridor") && text.includes("joint motion for a resolution");
      }, { timeout: 5000 });
    }));

  it("finds Tokayev and selects Kazakhstan", () =>
    guard("search", async () => {
      const box = await browser.$("aria/Search");
      await box.setValue("Tokayev");
      await (await browser.$("[role=option]")).waitForExist({ timeout: 5000 });
      await browser.keys(["Enter"]);
      const kz = await browser.$('[data-id="KAZ"]');
      await browser.waitUntil(async () => (await kz.getAttribute("aria-pressed")) === "true", { timeout: 5000 });
    }));

  it("restores the reader's place after a restart", () =>
    guard("restore", async () => {
      const slider = await browser.$("[role=slider]");
      const day = await slider.getAttribute("aria-valuenow");
      await browser.pause(800); // the UI saves a moment after the last change
      assert.ok(fs.existsSync(path.join(stateDir, "state.json")), "state file written");
      await browser.deleteSession();
      browser = await session();
      await (await browser.$("svg.atlas[data-ready=true]")).waitForExist({ timeout: 20000 });
      await browser.waitUntil(async () => (await (await browser.$("[role=slider]")).getAttribute("aria-valuenow")) === day, { timeout: 5000 });
      const kz = await browser.$('[data-id="KAZ"]');
      await browser.waitUntil(async () => (await kz.getAttribute("aria-pressed")) === "true", { timeout: 5000 });
    }));
});
