/* global getComputedStyle, HTMLCanvasElement, MutationObserver -- these run in the page */
// The events on the GPU: a generated story whose events last for decades,
// so that thousands are on at once. At the overview they are counted in
// hexagons; zoomed in, they resolve into dots; while only hundreds are on,
// the canvas dots draw them instead; the map's picture stands for the SVG
// only while it is current. Without WebGL2 (removed by an init
// script), the canvas dots draw the same events and the reader is told once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { faultlinesBinary, startServer } from "../serve.mjs";
import { guardWithShots, launch, paintedAt } from "../browser.mjs";

let dir;
let server;
let browser;
let page;
/** Every kind of event, as the first page shows them before any test filters them. */
let allKinds = null;
const day = (iso) => Math.round(Date.parse(iso) / 86400000);

/** A page of the atlas (with `init` run before the page's own scripts), ready with its local columns. */
async function open(init, query = "") {
  const p = await browser.context.newPage();
  p.errors = [];
  p.on("pageerror", (e) => p.errors.push(e.message));
  if (init) await p.addInitScript(init);
  await p.goto(server.url + query);
  await p.locator("html[data-ready=true]").waitFor({ timeout: 60000 });
  await p.waitForFunction(() => window.faultlines.story.hasLocal, null, { timeout: 60000 });
  // A page restores the filters the other page saved last: a moment when no
  // kind was shown (the first test) may be the one saved. Every kind is shown.
  if (allKinds) await p.evaluate((k) => window.faultlines.timeline.setKinds(k), allKinds);
  return p;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-gpu-"));
  execFileSync(faultlinesBinary(), ["generate", "--events", "20000", "--seed", "5", "--out", dir]);
  // Every event lasts until thirty years after its start's year: thousands on at once.
  const file = path.join(dir, "story", "events.geojson");
  const fc = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const f of fc.features) {
    const year = Number(/\d{4}/.exec(f.properties.start)[0]);
    f.properties.end = { type: "at", date: `${Math.min(year + 30, 2028)}-12-31` };
  }
  fs.writeFileSync(file, JSON.stringify(fc));
  server = await startServer(["--data", dir]);
  browser = await launch();
  page = await open(null, "?basemap-picture");
  allKinds = await page.evaluate(() => window.faultlines.timeline.kinds);
});

after(async () => {
  await browser?.close();
  server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const guard = guardWithShots("gpu", () => page);

describe("events on the GPU", () => {
  it("counts thousands of events in hexagons at the overview, drawn on the WebGL2 canvas", () =>
    guard("density", async () => {
      const at = await paintedAt(page, day("2005-06-01"));
      assert.equal(at.renderer, "webgl2");
      assert.equal(at.mode, "density");
      assert.ok(at.dots > 3000, `events on: ${at.dots}`);
      assert.ok(at.inked > 2000, `hexagons painted: ${at.inked} pixels`);
      // With no kind shown, nothing is drawn.
      const kinds = await page.evaluate(() => window.faultlines.timeline.kinds);
      await page.evaluate(() => window.faultlines.timeline.setKinds([]));
      await page.waitForFunction(() => document.querySelector("canvas.story-dots:not(.events-off)").dataset.dots === "0");
      const none = await paintedAt(page, null);
      assert.equal(none.dots, 0);
      assert.equal(none.inked, 0);
      await page.evaluate((k) => window.faultlines.timeline.setKinds(k), kinds);
      await page.waitForFunction(() => document.querySelector("canvas.story-dots:not(.events-off)").dataset.dots !== "0");
    }));

  it("resolves the hexagons into dots when the map is zoomed in", () =>
    guard("zoom", async () => {
      await page.evaluate(() => window.faultlines.map.centerOn([45, 41], 12));
      const at = await paintedAt(page, day("2005-06-02"));
      assert.equal(at.mode, "dots");
      assert.ok(at.inked > 50, `dots painted: ${at.inked} pixels`);
      await page.evaluate(() => window.faultlines.map.resetView());
      assert.equal((await paintedAt(page, day("2005-06-03"))).mode, "density");
    }));

  it("switches to the canvas dots while few events are on and back to the GPU when thousands are, one layer shown at a time", () =>
    guard("switch", async () => {
      const shown = () => page.evaluate(() => [...document.querySelectorAll("canvas.story-dots")].filter((c) => getComputedStyle(c).visibility !== "hidden").map((c) => c.dataset.renderer));
      for (const [iso, renderer] of [["1960-06-01", "canvas"], ["2005-06-05", "webgl2"], ["1965-06-01", "canvas"], ["1990-06-01", "webgl2"]]) {
        const at = await paintedAt(page, day(iso));
        assert.equal(at.renderer, renderer, iso);
        assert.ok(at.dots > 100 && at.inked > 1000, `${iso}: ${at.dots} events on, ${at.inked} pixels`);
        // The core's full state for the date follows a moment later and may draw again: read once it has.
        await page.waitForFunction((r) => {
          const visible = [...document.querySelectorAll("canvas.story-dots")].filter((c) => getComputedStyle(c).visibility !== "hidden");
          return visible.length === 1 && visible[0].dataset.renderer === r;
        }, renderer, { timeout: 5000 }).catch(() => {});
        assert.deepEqual(await shown(), [renderer], iso);
      }
      // Between the two thresholds the renderer in use stays: no flip at every step.
      assert.equal((await paintedAt(page, day("1975-06-01"))).renderer, "webgl2");
      assert.equal((await paintedAt(page, day("1960-06-02"))).renderer, "canvas");
      assert.equal((await paintedAt(page, day("1975-06-02"))).renderer, "canvas");
      assert.deepEqual(page.errors, []);
    }));

  it("keeps a picture of the map beneath the events exactly while the SVG is made transparent", () =>
    guard("picture", async () => {
      await paintedAt(page, day("2005-06-04"));
      await page.mouse.move(1200, 780); // off the map
      // Read at one moment while the picture is current (a state arriving later may change the map again).
      const pic = await (await page.waitForFunction(() => {
        if (!document.getElementById("map").classList.contains("base-cached")) return null;
        const c = document.querySelector("canvas.base-picture");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) inked++;
        const svg = getComputedStyle(document.querySelector("svg.atlas")).opacity;
        return { inked, px: c.width * c.height, visible: getComputedStyle(c).visibility, below: c.previousElementSibling?.matches("svg.atlas"), svg };
      }, null, { timeout: 10000 })).jsonValue();
      assert.ok(pic.inked > 0.95 * pic.px, `the picture covers its canvas: ${pic.inked} of ${pic.px}`);
      assert.equal(pic.visible, "visible");
      assert.equal(pic.below, true, "the picture lies just above the SVG, beneath the events");
      assert.equal(pic.svg, "0");
      // A region still takes the keyboard focus, and then the SVG is shown.
      await page.evaluate(() => document.querySelector('svg.atlas [data-id="KAZ"]').focus());
      assert.equal(await page.evaluate(() => document.getElementById("map").classList.contains("base-cached")), false);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("svg.atlas")).opacity), "0.999", "shown (under 1: see styles.css)");
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("canvas.base-picture")).visibility), "hidden");
      await page.evaluate(() => document.activeElement.blur());
      assert.deepEqual(page.errors, []);
    }));

  it("keeps pictures of the labels and of the symbols above the events while they are still, and shows their SVGs again when the map moves", () =>
    guard("pictures-above", async () => {
      await paintedAt(page, day("2005-06-04"));
      await page.mouse.move(1200, 780); // off the map
      const pic = await (await page.waitForFunction(() => {
        const map = document.getElementById("map");
        if (!map.classList.contains("labels-cached") || !map.classList.contains("symbols-cached")) return null;
        const host = map.getBoundingClientRect();
        const read = (sel) => {
          const c = document.querySelector(sel);
          // A picture of nothing (no symbols on) is a canvas of no pixels.
          const d = c.width && c.height ? c.getContext("2d").getImageData(0, 0, c.width, c.height).data : new Uint8ClampedArray(0);
          return { c, d, dpr: c.width / c.getBoundingClientRect().width };
        };
        const labelsPic = read("canvas.labels-picture"), symbolsPic = read("canvas.symbols-picture");
        let inked = 0;
        for (const { d } of [labelsPic, symbolsPic]) for (let i = 3; i < d.length; i += 4) if (d[i] > 0) inked++;
        // Every label is in its picture: some of its box is inked.
        const missingFrom = ({ c, d, dpr }, texts) =>
          texts.filter((t) => {
            const b = t.getBoundingClientRect();
            const x0 = Math.max(0, Math.floor((b.left - host.left) * dpr)), x1 = Math.min(c.width, Math.ceil((b.right - host.left) * dpr));
            const y0 = Math.max(0, Math.floor((b.top - host.top) * dpr)), y1 = Math.min(c.height, Math.ceil((b.bottom - host.top) * dpr));
            for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (d[(y * c.width + x) * 4 + 3] > 0) return false;
            return x1 > x0 && y1 > y0;
          }).map((t) => t.textContent);
        const labels = [...document.querySelectorAll("svg.atlas-labels text.label")];
        const symbolTexts = [...document.querySelectorAll("svg.atlas-overlay text")];
        const opacity = (sel) => getComputedStyle(document.querySelector(sel)).opacity;
        const visibility = (sel) => getComputedStyle(document.querySelector(sel)).visibility;
        return {
          inked,
          labels: labels.length,
          missing: [...missingFrom(labelsPic, labels), ...missingFrom(symbolsPic, symbolTexts)],
          visible: [visibility("canvas.labels-picture"), visibility("canvas.symbols-picture")],
          svgs: [opacity("svg.atlas-labels"), opacity("svg.atlas-overlay")],
          above: [labelsPic.c.previousElementSibling?.matches("svg.atlas-labels"), symbolsPic.c.previousElementSibling?.matches("svg.atlas-overlay")],
        };
      }, null, { timeout: 40000 })).jsonValue(); // not while new symbols pulse (about 11 s)
      assert.deepEqual(pic.visible, ["visible", "visible"]);
      assert.deepEqual(pic.svgs, ["0", "0"], "the SVGs are not painted while the pictures stand for them");
      assert.deepEqual(pic.above, [true, true], "each picture lies just above its own SVG");
      assert.deepEqual(pic.missing, [], "labels missing from the pictures");
      assert.ok(pic.labels > 5 && pic.inked > 500, `${pic.labels} labels, ${pic.inked} pixels`);
      // A label hidden as stale (the slider dragged past a rename) leaves the labels' picture standing, its box cleared; shown again, it is copied back.
      const rename = await page.evaluate(async () => {
        const map = document.getElementById("map");
        const c = document.querySelector("canvas.labels-picture");
        const host = map.getBoundingClientRect();
        const dpr = c.width / c.getBoundingClientRect().width;
        const t = [...document.querySelectorAll("svg.atlas-labels text.label")].find((l) => l.getBoundingClientRect().width > 20);
        const b = t.getBoundingClientRect();
        const x = Math.floor((b.left - host.left) * dpr), y = Math.floor((b.top - host.top) * dpr);
        const w = Math.ceil(b.width * dpr), h = Math.ceil(b.height * dpr);
        const ink = () => { const d = c.getContext("2d").getImageData(x, y, w, h).data; let n = 0; for (let i = 3; i < d.length; i += 4) n += d[i] > 0 ? 1 : 0; return n; };
        const before = ink();
        t.toggleAttribute("data-stale", true);
        await Promise.resolve();
        const hidden = [ink(), map.classList.contains("labels-cached")];
        t.toggleAttribute("data-stale", false);
        await Promise.resolve();
        return { before, hidden, after: [ink(), map.classList.contains("labels-cached")] };
      });
      assert.ok(rename.before > 20, `the label was inked (${rename.before} px)`);
      assert.deepEqual(rename.hidden, [0, true], "a stale label's box is cleared in the picture, which keeps standing");
      assert.deepEqual(rename.after, [rename.before, true], "shown again, the label is copied back from the picture's image");
      // A move of the map changes the labels: their SVG shows again before the next frame.
      const shown = await page.evaluate(async () => {
        window.faultlines.map.zoomBy(1.25);
        await Promise.resolve();
        return [document.getElementById("map").classList.contains("labels-cached"), getComputedStyle(document.querySelector("svg.atlas-labels")).opacity];
      });
      assert.deepEqual(shown, [false, "0.999"]);
      await page.waitForFunction(() => document.getElementById("map").classList.contains("labels-cached"), null, { timeout: 40000 });
      await page.evaluate(() => window.faultlines.map.resetView());
      assert.deepEqual(page.errors, []);
    }));

  it("writes the canvas's dots as pixels where asked (as where the page is not composited), as opaque as the same dots drawn as arcs", () =>
    guard("canvas-raster", async () => {
      const p = await open(null, "?events=canvas-raster");
      try {
        await p.evaluate(() => window.faultlines.map.centerOn([45, 41], 6));
        await p.waitForFunction(() => window.faultlines.map.screenTransform[0] === 6);
        await paintedAt(p, day("2005-06-02"));
        // The core's full state for the date follows (it decides which events are symbols): read once the dots are drawn and stay put.
        let last = null;
        for (let i = 0, same = 0; i < 80 && same < 4; i++) {
          await p.waitForTimeout(150);
          const n = await p.evaluate(() => document.querySelector("canvas.story-dots:not(.events-off)").dataset.dots);
          same = n === last && n !== "0" ? same + 1 : 0;
          last = n;
        }
        const at = await paintedAt(p, null);
        assert.equal(at.renderer, "canvas");
        assert.equal(at.mode, "dots");
        assert.ok(at.inked > 200, `dots painted: ${at.inked} pixels`);
        // The oracle: the layer's own marks drawn as arcs on a canvas of the same size, each colour's
        // certain dots as one path (as the arcs are drawn), the others one by one. "Over" makes the
        // same alpha in any order, so the alpha of every pixel is compared.
        const cmp = await p.evaluate(() => {
          const c = document.querySelector("canvas.story-dots:not(.events-off)");
          const got = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          const o = document.createElement("canvas");
          o.width = c.width;
          o.height = c.height;
          const ctx = o.getContext("2d");
          const dpr = c.width / c.getBoundingClientRect().width;
          ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
          const { dots, r } = window.faultlines.story.eventMarks();
          for (const color of new Set(dots.map((d) => d.color))) {
            ctx.beginPath();
            for (const d of dots) if (d.color === color && d.alpha === 0.8) {
              ctx.moveTo(d.x + r, d.y);
              ctx.arc(d.x, d.y, r, 0, Math.PI * 2);
            }
            ctx.globalAlpha = 0.8;
            ctx.fillStyle = color;
            ctx.fill();
          }
          for (const d of dots) if (d.alpha !== 0.8) {
            ctx.globalAlpha = d.alpha;
            ctx.fillStyle = d.color;
            ctx.beginPath();
            ctx.arc(d.x, d.y, r, 0, Math.PI * 2);
            ctx.fill();
          }
          const want = ctx.getImageData(0, 0, o.width, o.height).data;
          let differ = 0, inked = 0, sumGot = 0, sumWant = 0, worst = 0, off = 0;
          for (let i = 3; i < got.length; i += 4) {
            if (want[i] > 0 || got[i] > 0) inked++;
            const d = Math.abs(got[i] - want[i]);
            if (d > 48) differ++;
            worst = Math.max(worst, d);
            off += d;
            sumGot += got[i];
            sumWant += want[i];
          }
          off /= inked;
          let dump = "";
          for (let i = 3; i < got.length && !dump; i += 4) if (Math.abs(got[i] - want[i]) > 48) {
            const px = ((i - 3) / 4) % o.width, py = Math.floor((i - 3) / 4 / o.width);
            const near = dots.filter((d) => Math.abs(d.x - px) < 5 && Math.abs(d.y - py) < 5).map((d) => `${d.x.toFixed(2)},${d.y.toFixed(2)} ${d.color} ${d.alpha}`);
            for (let y = py - 4; y <= py + 4; y++) {
              let row = "";
              for (let x = px - 5; x <= px + 5; x++) { const j = (y * o.width + x) * 4 + 3; row += `${String(got[j]).padStart(4)}/${String(want[j]).padStart(3)}`; }
              dump += row + "\n";
            }
            dump += `at ${px},${py} near ${near.join(" | ")}`;
          }
          return { differ, inked, sumGot, sumWant, worst, off, dots: dots.length, dump };
        });
        assert.ok(cmp.dots > 100, `dots in view: ${cmp.dots}`);
        // Anti-aliasing differs at the dots' edges: the canvas covers an edge pixel a little more than
        // its area, and dots of several colours stacked at one place add that up. A dot missing or
        // moved by a pixel, or dots of one colour darkening where they overlap, would differ by far more.
        if (process.env.DEBUG_RASTER) console.log(cmp);
        assert.ok(cmp.worst < 160, `a pixel's alpha is off by ${cmp.worst}`);
        assert.ok(cmp.off < 16, `alpha off by ${cmp.off.toFixed(1)} on average over ${cmp.inked} inked pixels`);
        assert.ok(Math.abs(cmp.sumGot - cmp.sumWant) < 0.06 * cmp.sumWant, `ink ${cmp.sumGot} against ${cmp.sumWant}`);
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    }));

  it("has a legend entry saying what the hexagons' colours mean", () =>
    guard("legend", async () => {
      await page.getByText("Legend").click();
      const text = await page.locator(".legend-density").textContent();
      assert.match(text, /counted in hexagons/);
      assert.match(text, /pale yellow 1–9/);
      assert.match(text, /Zoom in to see each event/);
    }));

  it("draws the density on the 2D canvas where asked (as where the page is not composited), and dots when zoomed in", () =>
    guard("canvas-density", async () => {
      const p = await open(null, "?events=canvas-density");
      try {
        await p.evaluate(() => window.faultlines.map.resetView()); // not the place the other page saved
        await p.waitForFunction(() => window.faultlines.map.screenTransform[0] === 1);
        const at = await paintedAt(p, day("2005-06-01"));
        assert.equal(at.renderer, "canvas");
        assert.equal(at.mode, "density", `${at.dots} events on`);
        assert.ok(at.dots > 3000, `events on: ${at.dots}`);
        assert.ok(at.inked > 2000, `hexagons painted: ${at.inked} pixels`);
        await p.evaluate(() => window.faultlines.map.centerOn([45, 41], 12));
        const near = await paintedAt(p, day("2005-06-02"));
        assert.equal(near.mode, "dots");
        assert.ok(near.inked > 50, `dots painted: ${near.inked} pixels`);
        assert.equal(await p.locator("canvas.story-gl").count(), 0, "no WebGL canvas is made");
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    }));

  it("falls back to the canvas dots without WebGL2, saying so once", () =>
    guard("fallback", async () => {
      const p = await open(() => {
        const get = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === "webgl2" ? null : get.call(this, type, ...rest);
        };
        window.__notices = [];
        new MutationObserver(() => {
          const box = document.getElementById("error");
          if (box && !box.hidden && box.dataset.code === "notice") window.__notices.push(box.textContent);
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });
      });
      try {
        for (const iso of ["1990-01-01", "2005-06-01", "2015-01-01"]) {
          const at = await paintedAt(p, day(iso));
          assert.equal(at.renderer, "canvas");
          assert.ok(at.dots > 1000 && at.inked > 1000, `${iso}: ${at.dots} dots, ${at.inked} pixels`);
        }
        const notices = await p.evaluate(() => [...new Set(window.__notices)]);
        assert.equal(notices.length, 1, `notices: ${notices}`);
        assert.match(notices[0], /WebGL2/);
        assert.equal(await p.locator("canvas.story-dots").count(), 1);
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    }));
});
