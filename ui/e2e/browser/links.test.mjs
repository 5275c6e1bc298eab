// Browser end-to-end: links to a view and citations. A page opened on a
// link shows its view (the slider's date, the selected region); moving
// writes the view back into the address, in the form the core itself writes
// (every link the page writes is read back by the core and compared); a bad
// link opens the default view and says what it left out; an excerpt's Cite
// shows its BibTeX, and its Copy link opens the reading view at its sentence.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { openAtlas, guardWithShots } from "../browser.mjs";

// Evaluated through the debugging protocol, as in a11y.test.mjs (the page's CSP refuses an injected script).
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** What axe-core (WCAG 2.1 A, AA and best practice) finds wrong on the page now. */
async function violations() {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
}

let atlas;
let page;

before(async () => {
  atlas = await openAtlas();
  await atlas.page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(atlas.server.url).origin });
});

after(async () => {
  await atlas?.close();
});

const guard = guardWithShots("links", () => page);
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
const slider = () => page.getByRole("slider", { name: "Date" });
const selected = () => page.locator("#map [aria-pressed=true]").getAttribute("data-id");
const fragment = () => page.evaluate(() => window.location.hash.slice(1));

/** A new page of the same browser on `hash`, ready. */
async function openOn(hash) {
  page = await atlas.page.context().newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(`${atlas.server.url}#${hash}`);
  await page.locator("html[data-ready=true]").waitFor({ timeout: 20000 });
  return page;
}

/** The core's reading of `link`: `{ view, ignored, query }`. */
const readLink = (link) => page.evaluate(async (u) => (await fetch(`/api/link?u=${encodeURIComponent(u)}`)).json(), link);

/** Wait until the address's fragment satisfies `test`, and return it. */
async function fragmentWhen(test, ms = 5000) {
  const end = Date.now() + ms;
  let q = await fragment();
  while (!test(q)) {
    if (Date.now() > end) throw new Error(`the address's fragment stayed ${q}`);
    await new Promise((r) => setTimeout(r, 50));
    q = await fragment();
  }
  return q;
}

describe("a link to a view", () => {
  it("opens on its date and region: the slider says the day and the region is selected", () =>
    guard("open", async () => {
      await openOn("at=2022-01-09&region=KAZ&from=2021-12-01&to=2022-02-28");
      assert.equal(await slider().getAttribute("aria-valuenow"), String(dayOf("2022-01-09")));
      assert.match(await slider().getAttribute("aria-valuetext"), /9 January 2022/);
      assert.equal(await selected(), "KAZ");
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Kazakhstan:"));
      assert.deepEqual(page.errors, []);
    }));

  it("follows the view: a move of the slider and another region are written into the address", () =>
    guard("follow", async () => {
      await slider().focus();
      await page.keyboard.press("ArrowRight");
      let q = await fragmentWhen((q) => q.includes("at=2022-01-10"));
      assert.match(q, /region=KAZ/);
      await page.locator('#map [data-id="ARM"]').first().click();
      q = await fragmentWhen((q) => q.includes("region=ARM"));
      assert.match(q, /^at=2022-01-10&region=ARM&from=2021-12-01&to=2022-02-28&zoom=/);
    }));

  it("is written as the core writes it, every field read back to the same view", () =>
    guard("round-trip", async () => {
      // Filters, a membership map, an organization's events and a zoom: every field a link has but the excerpt.
      await page.getByRole("checkbox", { name: "Summits" }).uncheck();
      await page.getByRole("combobox", { name: "Events of organization" }).selectOption("csto");
      await page.getByRole("combobox", { name: "Membership map" }).selectOption("");
      await page.getByRole("button", { name: "Zoom in", exact: true }).click();
      const q = await fragmentWhen((q) => q.includes("kinds=") && q.includes("actor=csto") && /(^|&)org=(&|$)/.test(q));
      const answer = await readLink(`#${q}`);
      assert.deepEqual(answer.ignored, []);
      assert.equal(answer.query, q, "the page writes what the core writes");
      const v = answer.view;
      assert.equal(v.at, dayOf("2022-01-10"));
      assert.equal(v.region, "ARM");
      assert.deepEqual(v.window, [dayOf("2021-12-01"), dayOf("2022-02-28")]);
      assert.ok(!v.kinds.includes("summit") && v.kinds.includes("exercise"), String(v.kinds));
      assert.equal(v.actor, "csto");
      assert.equal(v.org, "");
      assert.ok(v.zoom > 1 && v.center.length === 2, JSON.stringify(v));
      // The same fields as a desktop link give the same view.
      assert.deepEqual((await readLink(`faultlines://view?${q}`)).view, v);
      // And opening the link in a new page shows that view again.
      const again = await openOn(q);
      await fragmentWhen((f) => f.length > 0);
      assert.equal(await fragment(), q);
      assert.equal(await again.getByRole("combobox", { name: "Events of organization" }).inputValue(), "csto");
      assert.equal(await again.getByRole("checkbox", { name: "Summits" }).isChecked(), false);
    }));

  it("a bad link opens the default view and names each part it left out", () =>
    guard("bad", async () => {
      await openOn("at=2022-02-30&region=XYZ&zoom=abc&colour=red");
      const notice = page.getByRole("alert").filter({ hasText: "Part of this link could not be used" });
      await notice.waitFor();
      const text = await notice.textContent();
      for (const part of ["at = “2022-02-30”: not a date, or no such day", "region = “XYZ”: no such region in this story", "zoom = “abc”: not a number", "colour = “red”: links have no such part"]) {
        assert.ok(text.includes(part), `${part} in ${text}`);
      }
      assert.equal(await slider().getAttribute("aria-valuenow"), String(dayOf("2022-01-08")), "the default date");
      assert.equal(await page.locator("#map [aria-pressed=true]").count(), 0, "no region selected");
      assert.deepEqual(await violations(), [], "the notice is accessible");
      await notice.getByRole("button", { name: "Dismiss" }).click();
      assert.equal(await page.locator("#link-notice").isHidden(), true);
      // A fragment edited by hand is read too, with nothing left out.
      await page.evaluate(() => (window.location.hash = "#at=1991-12-26&region=RUS"));
      await page.waitForFunction(() => document.querySelector("#map [aria-pressed=true]")?.getAttribute("data-id") === "RUS");
      assert.equal(await slider().getAttribute("aria-valuenow"), String(dayOf("1991-12-26")));
      assert.equal(await page.locator("#link-notice").isHidden(), true);
      assert.deepEqual(page.errors, []);
    }));
});

describe("an excerpt", () => {
  it("is cited as plain text, BibTeX and CSL-JSON, and Copy puts the BibTeX on the clipboard", () =>
    guard("cite", async () => {
      await openOn("at=2022-01-09&region=KAZ");
      const item = page.locator(".excerpt").first();
      await item.waitFor();
      const id = await item.getAttribute("data-excerpt");
      await item.getByRole("button", { name: "Cite this excerpt" }).click();
      const dialog = page.getByRole("dialog", { name: "Cite this excerpt" });
      await dialog.waitFor();
      const bibtex = await dialog.locator("pre.cite-bibtex").textContent();
      assert.match(bibtex, new RegExp(`^@misc\\{charushin2023-${id},`));
      assert.match(bibtex, /author = \{Charushin, Vitaly\}/);
      assert.match(bibtex, /title = \{\{Putin’s USSR 2\.0 project to be undermined by his satellites\}\}/);
      const quote = (await item.locator("blockquote").textContent()).replace(/\s*\[sic\]/g, "").trim();
      assert.ok(bibtex.includes(quote.slice(0, 30)), "the sentence is quoted");
      const csl = JSON.parse(await dialog.locator("pre.cite-csl").textContent());
      assert.equal(csl[0].id, `charushin2023-${id}`);
      assert.match(await dialog.locator("pre.cite-plain").textContent(), /^Vitaly Charushin, “Putin’s USSR/);
      assert.deepEqual(await violations(), [], "the dialog is accessible");
      await dialog.getByRole("button", { name: "Copy BibTeX" }).click();
      await page.waitForFunction(() => document.querySelector("#toast")?.textContent === "BibTeX copied");
      assert.equal(await page.evaluate(() => window.navigator.clipboard.readText()), bibtex);
      await page.keyboard.press("Escape");
      assert.equal(await dialog.isHidden(), true);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Cite this excerpt", "focus goes back");
    }));

  it("its Copy link opens the reading view at that sentence", () =>
    guard("excerpt-link", async () => {
      const item = page.locator(".excerpt").nth(1);
      const id = await item.getAttribute("data-excerpt");
      await item.getByRole("button", { name: "Copy link to this excerpt" }).click();
      await page.waitForFunction(() => document.querySelector("#toast")?.textContent === "Link copied");
      const link = await page.evaluate(() => window.navigator.clipboard.readText());
      assert.ok(link.startsWith(`${new URL("/", atlas.server.url)}#`) && link.includes(`excerpt=${id}`), link);
      await openOn(link.split("#")[1]);
      const sentence = page.locator(`#reader [data-excerpt="${id}"]`);
      await page.waitForFunction((x) => document.querySelector(`#reader [data-excerpt="${x}"]`)?.classList.contains("current"), id);
      assert.equal(await page.locator("#reader").isVisible(), true);
      assert.equal(await page.getByRole("button", { name: "Read the article" }).getAttribute("aria-expanded"), "true");
      assert.equal(await sentence.evaluate((s) => s === document.activeElement), true, "the sentence has the focus");
      const box = await sentence.boundingBox();
      const reader = await page.locator("#reader").boundingBox();
      assert.ok(box.y >= reader.y && box.y < reader.y + reader.height, `the sentence is in view: ${JSON.stringify({ box, reader })}`);
      assert.match(await fragment(), new RegExp(`excerpt=${id}$`), "the address keeps the excerpt");
      // Another excerpt read, with the article still open: the address follows it alone.
      const other = page.locator(".excerpt").nth(2);
      const otherId = await other.getAttribute("data-excerpt");
      assert.notEqual(otherId, id);
      await other.click();
      await fragmentWhen((f) => f.includes(`excerpt=${otherId}`));
      assert.deepEqual(page.errors, []);
    }));
});
