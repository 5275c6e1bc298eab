// A story from beyond the Caucasus–Central Asia frame gets the world base
// map, framed on its events: the fixture story (tests/fixtures/world-story,
// a handful of events in South America whose sentences link no region) is
// served with --data, and the world layer must be drawn, every event inside
// the visible map, and panning and zooming must still work.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { root } from "../serve.mjs";
import { openAtlas, guardWithShots } from "../browser.mjs";

const STORY = path.join(root, "tests", "fixtures", "world-story");
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

let atlas;
let page;

before(async () => {
  atlas = await openAtlas(["--data", STORY]);
  page = atlas.page;
});

after(async () => {
  await atlas?.close();
});

const guard = guardWithShots("world", () => page);

/** Every position of the fixture's events. */
function eventPositions() {
  const fc = JSON.parse(fs.readFileSync(path.join(STORY, "story", "events.geojson"), "utf8"));
  const walk = (c) => (typeof c[0] === "number" ? [c] : c.flatMap(walk));
  return fc.features.flatMap((f) => walk(f.geometry.coordinates));
}

describe("a story from beyond the regional frame", () => {
  it("draws the world layer beneath, under a world projection", () =>
    guard("layer", async () => {
      assert.equal(await page.locator("svg.atlas").getAttribute("data-framing"), "world");
      assert.equal(await page.locator("svg.atlas").getAttribute("aria-label"), "Map of the world");
      const countries = await page.locator(".layer-world path.world").count();
      assert.ok(countries > 150, `${countries} world countries drawn`);
      assert.equal(await page.locator(".layer-world").getAttribute("clip-path"), "url(#frame-outside)");
      assert.equal(await page.locator(".layer-countries").getAttribute("clip-path"), "url(#frame-inside)");
      assert.deepEqual(page.errors, []);
    }));

  it("frames the view on the story's events", () =>
    guard("extent", async () => {
      const positions = eventPositions();
      const out = await page.evaluate((ps) => {
        const svg = document.querySelector("svg.atlas").getBoundingClientRect();
        return ps.filter((p) => {
          const xy = window.faultlines.map.project(p);
          return !xy || xy[0] < 10 || xy[1] < 10 || xy[0] > svg.width - 10 || xy[1] > svg.height - 10;
        });
      }, positions);
      assert.deepEqual(out, [], "events outside the view");
    }));

  it("shows an event's dot inside the visible map", () =>
    guard("dot", async () => {
      await page.evaluate((d) => window.faultlines.timeline.setDay(d), dayOf("1818-04-05"));
      const dot = page.locator('.atlas-overlay [data-event="battle-of-maipu-1818"]');
      await dot.waitFor();
      const [box, map] = await Promise.all([dot.boundingBox(), page.locator("#map").boundingBox()]);
      assert.ok(box.x >= map.x && box.y >= map.y && box.x + box.width <= map.x + map.width && box.y + box.height <= map.y + map.height, `dot ${JSON.stringify(box)} in map ${JSON.stringify(map)}`);
    }));

  it("still zooms, pans and resets, and switches to the detailed world", () =>
    guard("zoom", async () => {
      const transform = () => page.locator("svg.atlas .viewport").getAttribute("transform");
      const start = await transform();
      const before = Number(await page.locator(".scalebar").getAttribute("data-km"));
      // The world's view is wider than the regional one: the detail comes a few steps later.
      for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Zoom in", exact: true }).click();
      await page.locator("svg.atlas[data-lod=detail]").waitFor({ timeout: 10000 });
      const after = Number(await page.locator(".scalebar").getAttribute("data-km"));
      assert.ok(after < before, `scale bar shrinks: ${before} km → ${after} km`);
      assert.ok((await page.locator(".layer-world path.world").count()) > 150, "the detailed world is drawn");
      const box = await page.locator("svg.atlas").boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 5 });
      await page.mouse.up();
      assert.notEqual(await transform(), start);
      await page.getByRole("button", { name: "Reset view", exact: true }).click();
      assert.equal(await transform(), start);
      assert.deepEqual(page.errors, []);
    }));
});
