// Browser end-to-end: the UI served by `faultlines serve`, in Debian's Chromium.
// Elements are found by accessible role and name, as a screen reader would.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { openAtlas, guardWithShots } from "../browser.mjs";

let atlas;
let server;
let page;

before(async () => {
  atlas = await openAtlas();
  ({ server, page } = atlas);
});

after(async () => {
  await atlas?.close();
});

const guard = guardWithShots("browser", () => page);

describe("the atlas in a browser", () => {
  it("shows the dataset summary fetched from the core", () =>
    guard("summary", async () => {
      const info = await (await fetch(`${server.url}/api/info`)).json();
      const text = await page.locator("#dataset-summary").textContent();
      assert.match(text, new RegExp(`^${info.counts.events} events · ${info.counts.excerpts} excerpts`));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.transport), "http");
      assert.deepEqual(page.errors, []);
    }));

  it("keeps the regional view for the built-in story, without the world layer", () =>
    guard("regional", async () => {
      assert.equal(await page.locator("svg.atlas").getAttribute("data-framing"), "regional");
      assert.equal(await page.locator(".layer-world path").count(), 0);
      assert.equal(await page.locator(".layer-countries").getAttribute("clip-path"), null);
    }));

  it("selects Tajikistan by its accessible name", () =>
    guard("tajikistan", async () => {
      const tj = page.getByRole("button", { name: "Tajikistan", exact: true });
      assert.equal(await tj.getAttribute("aria-pressed"), "false");
      await tj.click();
      assert.equal(await tj.getAttribute("aria-pressed"), "true");
    }));

  it("drills into Kyrgyzstan and selects Batken Region", () =>
    guard("batken", async () => {
      await page.getByRole("button", { name: "Kyrgyzstan", exact: true }).click();
      const batken = page.getByRole("button", { name: "Batken Region", exact: true });
      await batken.click();
      assert.equal(await batken.getAttribute("aria-pressed"), "true");
      assert.equal(await page.getByRole("button", { name: "Tajikistan", exact: true }).getAttribute("aria-pressed"), "false");
    }));

  it("selects a region from the keyboard", () =>
    guard("keyboard", async () => {
      const kz = page.getByRole("button", { name: "Kazakhstan", exact: true });
      await kz.focus();
      await page.keyboard.press("Enter");
      assert.equal(await kz.getAttribute("aria-pressed"), "true");
    }));

  it("zooms with the buttons and switches to the detailed geometry", () =>
    guard("zoom", async () => {
      const before = Number(await page.locator(".scalebar").getAttribute("data-km"));
      for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Zoom in", exact: true }).click();
      await page.locator("svg.atlas[data-lod=detail]").waitFor({ timeout: 10000 });
      const after = Number(await page.locator(".scalebar").getAttribute("data-km"));
      assert.ok(after < before, `scale bar shrinks: ${before} km → ${after} km`);
      await page.getByRole("button", { name: "Reset view", exact: true }).click();
    }));

  it("labels the default view without overlaps", () =>
    guard("labels", async () => {
      const boxes = await page.locator(".labels text").evaluateAll((ts) => ts.map((t) => t.getBBox()).map((b) => [b.x, b.y, b.x + b.width, b.y + b.height]));
      assert.ok(boxes.length >= 15, `${boxes.length} labels`);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          assert.ok(!(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]), `labels ${i} and ${j} overlap`);
        }
    }));

  it("answers bad requests with a code and a 4xx", async () => {
    const r = await fetch(`${server.url}/api/state?at=2022-13-01`);
    assert.equal(r.status, 400);
    const body = await r.json();
    assert.equal(body.code, "bad_date");
    assert.match(body.message, /2022-13-01/);
  });

  it("remembers the selection and the date after a reload", () =>
    guard("reload", async () => {
      await page.getByRole("button", { name: "Georgia", exact: true }).click();
      const day = await page.getByRole("slider", { name: "Date" }).getAttribute("aria-valuenow");
      await page.waitForTimeout(700);
      await page.reload();
      await page.locator("html[data-ready=true]").waitFor({ timeout: 20000 });
      assert.equal(await page.getByRole("button", { name: "Georgia", exact: true }).getAttribute("aria-pressed"), "true");
      assert.equal(await page.getByRole("slider", { name: "Date" }).getAttribute("aria-valuenow"), day);
    }));

  it("starts with defaults when the saved state is corrupt", () =>
    guard("corrupt", async () => {
      await page.evaluate(() => localStorage.setItem("faultlines.ui", "{\"day\": 1900"));
      await page.reload();
      await page.locator("html[data-ready=true]").waitFor({ timeout: 20000 });
      assert.equal(await page.getByRole("slider", { name: "Date" }).getAttribute("aria-valuetext"), "2022");
    }));
});
