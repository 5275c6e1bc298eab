// Data is rendered as text, never as HTML: a dataset whose excerpt, event
// title and region name carry markup shows it literally and runs nothing.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../serve.mjs";
import { openAtlas, shotOnFailure } from "../browser.mjs";

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=2</script>";

function hostileDataset() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-hostile-"));
  fs.cpSync(path.join(root, "geodata", "story"), path.join(dir, "story"), { recursive: true });
  fs.cpSync(path.join(root, "geodata", "map"), path.join(dir, "map"), { recursive: true });
  const articlePath = path.join(dir, "story", "article.txt");
  const article = fs.readFileSync(articlePath, "utf8");
  const sentence = `Hostile ${IMG} and ${SCRIPT} text about Tajikistan.`;
  fs.writeFileSync(articlePath, article + sentence + "\n");
  const start = Array.from(article).length;
  const excerpts = JSON.parse(fs.readFileSync(path.join(dir, "story", "excerpts.json"), "utf8"));
  excerpts.push({ id: "hostile", start, end: start + Array.from(sentence).length, text: sentence, events: ["kazakhstan-csto-deployment-2022"], add_regions: ["TJK"] });
  fs.writeFileSync(path.join(dir, "story", "excerpts.json"), JSON.stringify(excerpts));
  const events = JSON.parse(fs.readFileSync(path.join(dir, "story", "events.geojson"), "utf8"));
  for (const f of events.features) if (f.properties.id === "kazakhstan-csto-deployment-2022") f.properties.title = `${IMG}Deployment${SCRIPT}`;
  fs.writeFileSync(path.join(dir, "story", "events.geojson"), JSON.stringify(events));
  const regions = JSON.parse(fs.readFileSync(path.join(dir, "map", "regions.json"), "utf8"));
  for (const r of regions) {
    if (r.id !== "TJK") continue;
    r.name_en = `Tajikistan ${IMG}`;
    // The map names a region by its version of the date.
    for (const v of r.versions) v.name_en = `Tajikistan ${IMG}`;
  }
  fs.writeFileSync(path.join(dir, "map", "regions.json"), JSON.stringify(regions));
  return dir;
}

let dir;
let atlas;
let page;

before(async () => {
  dir = hostileDataset();
  atlas = await openAtlas(["--data", dir]);
  page = atlas.page;
});

after(async () => {
  await atlas?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("hostile data", () => {
  it("shows markup in names, titles and excerpts as text and runs none of it", async () => {
    try {
      const tj = page.getByRole("button", { name: `Tajikistan ${IMG}`, exact: true });
      await tj.click();
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      await panel.getByText(`Hostile ${IMG} and ${SCRIPT} text about Tajikistan.`, { exact: true }).waitFor();
      await panel.getByText(`${IMG}Deployment${SCRIPT}`, { exact: false }).first().waitFor();
      assert.ok((await page.locator("#panel-heading").textContent()).startsWith(`Tajikistan ${IMG}:`));
      // The event title reaches the live region as text too.
      await panel.getByText("Hostile", { exact: false }).first().click();
      await page.waitForFunction(() => document.querySelector(".tl-status")?.textContent?.includes("<script>"));
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.equal(await page.locator("script:not([type=module])").count(), 0);
    } catch (e) {
      await shotOnFailure(page, "hostile");
      throw e;
    }
  });
});
