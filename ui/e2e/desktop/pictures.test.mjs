/* global getComputedStyle, MutationObserver, PointerEvent -- these run in the page */
// The desktop app (WebKitGTK, not composited) on a story of 20,000 events
// lasting decades (thousands on at once),
// where the page stands bitmaps for what it would otherwise paint again at
// every step of the slider: the dots are written as pixels, and the base
// map, the labels and the symbols are pictures while they are still. Each
// is checked here in WebKit itself: the dots' pixels are where the layer's
// own marks say, each picture is current exactly while its SVG is not
// painted, and a move of the map shows the SVGs again at once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { faultlinesBinary } from "../serve.mjs";
import { defaultApp, guardWithShots, startDriver } from "../driver.mjs";

const app = defaultApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-pictures-"));
const stateDir = path.join(dir, "state");
let driver;
let browser;

before(async () => {
  assert.ok(fs.existsSync(app), `app binary missing: ${app}`);
  execFileSync(faultlinesBinary(), ["generate", "--events", "20000", "--seed", "3", "--out", path.join(dir, "story")]);
  // Every event lasts until thirty years after its start's year: thousands on at once.
  const file = path.join(dir, "story", "story", "events.geojson");
  const fc = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const f of fc.features) {
    const year = Number(/\d{4}/.exec(f.properties.start)[0]);
    f.properties.end = { type: "at", date: `${Math.min(year + 30, 2028)}-12-31` };
  }
  fs.writeFileSync(file, JSON.stringify(fc));
  driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir, FAULTLINES_DATA: path.join(dir, "story") });
  browser = await driver.session();
  await (await browser.$("html[data-ready=true]")).waitForExist({ timeout: 60000 });
});

after(async () => {
  try { await browser?.deleteSession(); } catch { /* already gone */ }
  driver?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const guard = guardWithShots("", () => browser);

/** Set the slider's date and wait until the map is still and every picture stands for its SVG. */
async function settleAt(iso) {
  await browser.execute((d) => window.faultlines.timeline.setDay(d), Math.round(Date.parse(iso) / 86400000));
  await browser.waitUntil(
    () => browser.execute(() => ["base", "labels", "symbols"].every((n) => document.getElementById("map").classList.contains(`${n}-cached`))),
    { timeout: 40000, timeoutMsg: "the pictures were not drawn once the map was still (not while new symbols pulse, about 11 s)" },
  );
}

describe("pictures in the desktop app", () => {
  it("writes the dots as pixels where the layer's marks put them", () =>
    guard("pictures-dots", async () => {
      // Zoomed in, the events in view are dots rather than counted in hexagons.
      await browser.execute(() => window.faultlines.map.centerOn([45, 41], 12));
      await settleAt("2010-06-01");
      const r = await browser.execute(() => {
        const c = document.querySelector("canvas.story-dots:not(.events-off)");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        const dpr = c.width / c.getBoundingClientRect().width;
        const { dots } = window.faultlines.story.eventMarks();
        let inside = 0, hit = 0, inked = 0;
        for (const m of dots) {
          const x = Math.floor(m.x * dpr), y = Math.floor(m.y * dpr);
          if (x < 0 || y < 0 || x >= c.width || y >= c.height) continue;
          inside++;
          if (d[(y * c.width + x) * 4 + 3] >= 150) hit++;
        }
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) inked++;
        return { mode: c.dataset.mode, inside, hit, inked, px: c.width * c.height };
      });
      assert.equal(r.mode, "dots");
      assert.ok(r.inside > 20, `dots in view: ${r.inside}`);
      assert.equal(r.hit, r.inside, `dots whose centre is painted: ${r.hit} of ${r.inside}`);
      // Nothing else: the ink stays within the dots (about 25 pixels each at most).
      assert.ok(r.inked <= r.inside * 30, `${r.inked} pixels inked for ${r.inside} dots`);
      await browser.execute(() => window.faultlines.map.resetView());
    }));

  it("keeps the base map, labels and symbols as pictures exactly while their SVGs are not painted, and shows the SVGs again when the map moves", () =>
    guard("pictures-above", async () => {
      await settleAt("2010-06-02");
      const state = () => browser.execute(() => {
        const map = document.getElementById("map");
        const row = (name, sel) => {
          const c = document.querySelector(`canvas.${name}-picture`);
          return { cached: map.classList.contains(`${name}-cached`), picture: getComputedStyle(c).visibility, svg: getComputedStyle(document.querySelector(sel)).opacity };
        };
        const labels = document.querySelector("canvas.labels-picture");
        const d = labels.getContext("2d").getImageData(0, 0, labels.width, labels.height).data;
        let inked = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) inked++;
        return { base: row("base", "svg.atlas"), labels: row("labels", "svg.atlas-labels"), symbols: row("symbols", "svg.atlas-overlay"), labelsInked: inked, labelCount: document.querySelectorAll("svg.atlas-labels text").length };
      });
      // Read at one moment while all three stand (a state arriving later may change the symbols again).
      let still = null;
      await browser.waitUntil(async () => {
        still = await state();
        return still.base.cached && still.labels.cached && still.symbols.cached;
      }, { timeout: 40000 });
      assert.deepEqual(still.base, { cached: true, picture: "visible", svg: "0" });
      assert.deepEqual(still.labels, { cached: true, picture: "visible", svg: "0" });
      assert.deepEqual(still.symbols, { cached: true, picture: "visible", svg: "0" });
      assert.ok(still.labelCount > 5 && still.labelsInked > 500, `${still.labelCount} labels, ${still.labelsInked} pixels in their picture`);
      // A label hidden as stale while the slider is dragged is cleared from the labels' picture, which keeps
      // standing; shown again, its pixels come back as they were drawn.
      const stale = await browser.executeAsync((done) => {
        const map = document.getElementById("map");
        const t = [...document.querySelectorAll("svg.atlas-labels text.label")].find((l) => l.getBoundingClientRect().width > 20);
        const canvas = document.querySelector("canvas.labels-picture");
        const host = map.getBoundingClientRect(), r = t.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
        const box = [r.left - host.left, r.top - host.top, r.width, r.height].map((v) => Math.round(v * dpr));
        const pixels = () => Array.from(canvas.getContext("2d").getImageData(...box).data);
        const before = pixels();
        t.toggleAttribute("data-stale", true);
        Promise.resolve().then(() => {
          const stood = map.classList.contains("labels-cached");
          const hidden = pixels();
          t.toggleAttribute("data-stale", false);
          Promise.resolve().then(() => {
            const after = pixels();
            const inked = (px) => px.filter((v, i) => i % 4 === 3 && v > 0).length;
            done([stood, map.classList.contains("labels-cached"), inked(before) > 20, inked(hidden), after.every((v, i) => v === before[i])]);
          });
        });
      });
      assert.deepEqual(stale, [true, true, true, 0, true]);
      // A zoom changes the map and the labels: both SVGs show again before the next frame.
      const moved = await browser.executeAsync((done) => {
        window.faultlines.map.zoomBy(1.25);
        Promise.resolve().then(() => {
          const map = document.getElementById("map");
          done([map.classList.contains("base-cached"), map.classList.contains("labels-cached"), getComputedStyle(document.querySelector("svg.atlas-labels")).opacity, getComputedStyle(document.querySelector("canvas.labels-picture")).visibility]);
        });
      });
      assert.deepEqual(moved, [false, false, "0.999", "hidden"]);
      await browser.waitUntil(() => browser.execute(() => document.getElementById("map").classList.contains("labels-cached")), { timeout: 40000 });
      await browser.execute(() => window.faultlines.map.resetView());
    }));

  it("keeps a picture of the timeline's chart while the slider moves, even under the pointer, and shows the chart's SVG again as soon as it changes", () =>
    guard("pictures-timeline", async () => {
      await settleAt("1990-06-01");
      const read = () => browser.execute(() => {
        const track = document.querySelector(".tl-track");
        const c = document.querySelector("canvas.timeline-picture");
        const d = c.width && c.height ? c.getContext("2d").getImageData(0, 0, c.width, c.height).data : [];
        let inked = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) inked++;
        return { cached: track.classList.contains("timeline-cached"), picture: getComputedStyle(c).visibility, svg: getComputedStyle(document.querySelector(".tl-svg")).opacity, inked, bins: document.querySelectorAll(".tl-svg .tl-bin").length };
      });
      await browser.waitUntil(async () => (await read()).cached, { timeout: 20000, timeoutMsg: "the timeline's picture was not drawn" });
      const still = await read();
      assert.deepEqual([still.cached, still.picture, still.svg], [true, "visible", "0"]);
      assert.ok(still.bins > 20 && still.inked > 500, `${still.bins} bins, ${still.inked} pixels in the picture`);
      // A drag, with the pointer over the track as the reader's is, leaves it standing at every step.
      const stood = await browser.executeAsync((done) => {
        (async () => {
          const f = window.faultlines;
          const track = document.querySelector(".tl-track");
          track.dispatchEvent(new PointerEvent("pointerenter"));
          const out = [];
          for (let i = 1; i <= 12; i++) {
            const drawn = f.nextDraw();
            f.timeline.setDay(Math.round(Date.parse("1990-06-01") / 86400000) + 200 * i);
            await drawn;
            out.push(track.classList.contains("timeline-cached"));
          }
          return out;
        })().then(done, (e) => done([String(e)]));
      });
      assert.deepEqual(stood, Array(12).fill(true));
      // Filtering the events draws another chart: its SVG shows in the same task, and the picture follows once still.
      const kinds = await browser.execute(() => window.faultlines.timeline.kinds);
      const changed = await browser.executeAsync((done) => {
        const track = document.querySelector(".tl-track");
        const svg = document.querySelector(".tl-svg");
        new MutationObserver((_, mo) => {
          mo.disconnect();
          Promise.resolve().then(() => done([track.classList.contains("timeline-cached"), getComputedStyle(svg).opacity]));
        }).observe(svg, { subtree: true, childList: true, attributes: true });
        window.faultlines.timeline.setKinds(["exercise"]);
      });
      assert.deepEqual(changed, [false, "1"]);
      await browser.execute((k) => window.faultlines.timeline.setKinds(k), kinds);
      await browser.waitUntil(async () => (await read()).cached, { timeout: 20000, timeoutMsg: "the timeline's picture did not come back" });
    }));

  it("follows a drag across changes of borders and memberships on the base map's picture as a whole drawing would show them", () =>
    guard("pictures-drag", async () => {
      await settleAt("1987-06-01");
      // Dragged: the story data is held back from the SVG and drawn on the picture, by the worker or from pictures kept.
      const dragged = await browser.executeAsync((done) => {
        (async () => {
          const f = window.faultlines;
          const map = document.getElementById("map");
          const held = [];
          // Borders (the USSR's end), memberships (1992) and disputes (Karabakh, 2020 and 2023), forth and back.
          for (const iso of ["1989-06-01", "1991-06-01", "1991-12-31", "1992-06-01", "1993-06-01", "2020-09-01", "2020-10-07", "2020-12-01", "2023-09-01", "2023-12-14", "2024-05-07", "2020-10-07", "1992-06-01"]) {
            const drawn = f.nextDraw();
            f.timeline.setDay(Math.round(Date.parse(iso) / 86400000));
            await drawn;
            held.push(map.classList.contains("moving") && map.classList.contains("base-cached"));
          }
          const base = document.querySelector("canvas.base-picture");
          while ("pending" in base.dataset) await new Promise((r) => setTimeout(r, 5));
          const pixels = () => Array.from(base.getContext("2d").getImageData(0, 0, base.width, base.height).data);
          const patched = pixels();
          // Then let the slider rest, and draw the picture whole from the SVG as it is then, every style read
          // afresh: a change of theme and back forgets the styles read and the pictures kept.
          await new Promise((r) => setTimeout(r, 400));
          const root = document.documentElement;
          const theme = root.dataset.theme;
          root.dataset.theme = theme === "dark" ? "light" : "dark";
          await new Promise((r) => setTimeout(r));
          if (theme === undefined) delete root.dataset.theme;
          else root.dataset.theme = theme;
          const t0 = performance.now();
          while (!map.classList.contains("base-cached") && performance.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 20));
          const whole = pixels();
          let differ = 0;
          for (let i = 0; i < whole.length; i += 4) {
            if (Math.max(...[0, 1, 2, 3].map((c) => Math.abs(whole[i + c] - patched[i + c]))) > 24) differ++;
          }
          return { held, differ, px: whole.length / 4, cached: map.classList.contains("base-cached") };
        })().then(done, (e) => done({ error: String(e) }));
      });
      assert.equal(dragged.error, undefined, dragged.error);
      assert.ok(dragged.held.filter(Boolean).length >= 10, `the picture stood for the SVG while dragged: ${dragged.held}`);
      assert.equal(dragged.cached, true);
      // The same map, but for the edges of boxes drawn apart (antialiasing): far under 1% of the pixels.
      assert.ok(dragged.differ < dragged.px * 0.005, `${dragged.differ} of ${dragged.px} pixels differ from a whole drawing`);
    }));
});
