// A generated dataset of many events: while the slider moves, the events
// that are on are drawn as dots from the page's own index; once it rests,
// the most salient get symbols and the live region speaks.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { faultlinesBinary } from "../serve.mjs";
import { openAtlas, guardWithShots, paintedAt } from "../browser.mjs";

let dir;
let atlas;
let page;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-many-"));
  execFileSync(faultlinesBinary(), ["generate", "--events", "20000", "--seed", "3", "--out", dir]);
  atlas = await openAtlas(["--data", dir]);
  page = atlas.page;
});

after(async () => {
  await atlas?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const guard = guardWithShots("many", () => page);


describe("many events", () => {
  it("draws the events that are on as dots while the slider moves, then symbols once it rests", () =>
    guard("dots", async () => {
      // The local copy of the events loads after the first map; until then the core answers alone.
      await page.waitForFunction(() => window.faultlines.story.hasLocal);
      const counts = [];
      for (const iso of ["2010-06-01", "2015-03-01", "2021-09-01"]) {
        const day = Math.round(Date.parse(iso) / 86400000);
        await page.evaluate((d) => window.faultlines.timeline.setDay(d), day);
        // Drawn in the same task as the move: no waiting for the core.
        const dots = Number(await page.locator("canvas.story-dots:not(.events-off)").getAttribute("data-dots"));
        counts.push(dots);
      }
      assert.ok(counts.every((n) => n > 5), `dots at each date: ${counts}`);
      assert.notDeepEqual(counts[0], counts[2]);
      // The pointer on the map: the map's SVG is painted, not its picture in the events' canvas.
      await page.mouse.move(450, 300);
      assert.ok((await paintedAt(page, Math.round(Date.parse("2021-09-02") / 86400000))).inked > 100, "the dots are painted");
      // Resting: symbols appear for the most salient events, and the status is current.
      await page.locator(".atlas-overlay .sym-event").first().waitFor();
      await page.waitForFunction(() => {
        const st = document.querySelector(".tl-status");
        return st && !st.classList.contains("stale") && st.textContent.length > 0;
      });
      assert.ok((await page.locator(".atlas-overlay .sym-event").count()) <= 24);
      assert.deepEqual(page.errors, []);
    }));

  it("follows memberships while the slider moves without asking the core, and asks once it rests", () =>
    guard("overviews", async () => {
      const asked = [];
      const onRequest = (r) => r.url().includes("/api/state") && asked.push(new URL(r.url()).search);
      page.on("request", onRequest);
      try {
        // Uzbekistan: a CSTO member in 2008, suspended from mid-2012, out in 2003.
        const seen = await page.evaluate(() => {
          const uzb = () => document.querySelector('[data-id="UZB"]')?.getAttribute("data-member") ?? "none";
          const out = [];
          for (const iso of ["2008-01-01", "2013-01-01", "2003-01-01"]) {
            window.faultlines.timeline.setDay(Math.round(Date.parse(iso) / 86400000));
            out.push(uzb()); // in the same task as the move
          }
          return out;
        });
        assert.deepEqual(seen, ["member", "suspended", "none"]);
        assert.deepEqual(asked, [], "nothing is asked while the slider moves");
        await page.waitForFunction(() => !document.querySelector(".tl-status")?.classList.contains("stale"));
        await page.waitForTimeout(100);
        assert.deepEqual(asked, ["?at=2003-01-01&events=all"]);
      } finally {
        page.off("request", onRequest);
      }
    }));
});
