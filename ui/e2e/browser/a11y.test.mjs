// Browser end-to-end: axe-core (WCAG 2.1 A and AA, and best practice) finds
// no violation on the start view, with a region selected, and in the reading
// view. Each violation is reported with its rule, impact and elements.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { openAtlas, guardWithShots } from "../browser.mjs";

// Evaluated through the debugging protocol: the page's strict CSP (rightly)
// refuses an injected script tag.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let atlas;
let page;

before(async () => {
  atlas = await openAtlas();
  page = atlas.page;
  await page.evaluate(axeSource);
});

after(async () => {
  await atlas?.close();
});

const guard = guardWithShots("a11y", () => page);

async function violations() {
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
}

describe("accessibility", () => {
  it("finds no violation on the start view", () =>
    guard("start", async () => {
      assert.deepEqual(await violations(), []);
    }));

  it("finds no violation with a region selected and its notes shown", () =>
    guard("region", async () => {
      await page.getByRole("button", { name: "Kazakhstan", exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Kazakhstan:"));
      await page.locator(".fact-note").first().waitFor();
      assert.deepEqual(await violations(), []);
    }));

  it("finds no violation in the reading view", () =>
    guard("reader", async () => {
      await page.getByRole("button", { name: "Read the article" }).click();
      await page.getByRole("region", { name: "Article" }).getByRole("heading").first().waitFor();
      assert.deepEqual(await violations(), []);
    }));
});
