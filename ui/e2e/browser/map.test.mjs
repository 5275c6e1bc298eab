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

  it("asks the core once for the story's info and once for the first state as it opens", () =>
    guard("opening-calls", async () => {
      // The map's box changes as the page lays out the panel and the header around it: a resize
      // before the map is first drawn must not ask for the state again.
      const calls = page.apiCalls.filter((c) => c === "/api/info" || c.startsWith("/api/state?"));
      assert.deepEqual(calls, ["/api/info", "/api/state?at=2022-01-08&events=all"]);
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

  it("paints the thumb where the date is, clears where it was, and rings it only for the keyboard", () =>
    guard("thumb", async () => {
      // The thumb's row of the canvas over the track: which columns are the thumb (the accent) and which the ring (the focus colour).
      const look = () =>
        page.evaluate(() => {
          const c = document.querySelector(".tl-hand");
          const dpr = c.width / parseFloat(c.style.width);
          const pad = -parseFloat(c.style.left);
          const px = c.getContext("2d").getImageData(0, Math.round(34 * dpr), c.width, 1).data;
          const thumb = [], ring = [];
          for (let i = 0; i < c.width; i++) {
            const [r, , b, a] = px.slice(i * 4, i * 4 + 4);
            if (a > 200) (r > b ? thumb : ring).push(i / dpr - pad);
          }
          const [w0, w1] = window.faultlines.timeline.window;
          const at = ((window.faultlines.timeline.day - w0) / (w1 - w0)) * document.querySelector(".tl-track").clientWidth;
          const mid = (xs) => (xs.length ? (xs[0] + xs[xs.length - 1]) / 2 : null);
          return { thumb: mid(thumb), width: thumb.length ? thumb[thumb.length - 1] - thumb[0] : 0, ring: ring.length, at };
        });
      const slider = page.getByRole("slider", { name: "Date" });
      const day0 = await page.evaluate(() => window.faultlines.timeline.day);
      await page.evaluate(() => document.activeElement?.blur());
      // A click on the track: the thumb goes there, without a ring (the pointer, not the keyboard).
      const box = await page.locator(".tl-track").boundingBox();
      await page.mouse.click(box.x + box.width * 0.25, box.y + 30);
      await page.waitForTimeout(100);
      let seen = await look();
      assert.ok(Math.abs(seen.thumb - seen.at) <= 1.5, `the thumb at ${seen.thumb}, the date at ${seen.at}`);
      assert.ok(seen.width >= 12 && seen.width <= 15, `a thumb 14 px wide, not ${seen.width}`);
      assert.equal(seen.ring, 0, "no ring after a click");
      const before = seen.thumb;
      // A key: the thumb moves to the end of the window with its ring, and nothing is left where it was.
      await slider.press("End");
      await page.waitForTimeout(100);
      seen = await look();
      assert.ok(Math.abs(seen.thumb - seen.at) <= 1.5, `the thumb at ${seen.thumb}, the date at ${seen.at}`);
      assert.ok(seen.thumb > before + 100, "the thumb moved");
      assert.ok(seen.ring >= 4, `the focus ring is painted (${seen.ring} columns)`);
      assert.ok(seen.width <= 15, "the old thumb is cleared");
      await page.evaluate((d) => window.faultlines.timeline.setDay(d), day0); // the address keeps the date: leave it as found
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
