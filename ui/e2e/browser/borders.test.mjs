// Browser end-to-end: the map of each date. Borders, names and memberships
// follow the slider; one shape per region is ever on the map at rest.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { openAtlas, guardWithShots } from "../browser.mjs";

let atlas;
let page;

before(async () => {
  atlas = await openAtlas();
  page = atlas.page;
});

after(async () => {
  await atlas?.close();
});

const guard = guardWithShots("borders", () => page);
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
const region = (name) => page.getByRole("button", { name, exact: true });

/** Move the slider to `iso` as a drag would and wait for the shapes to settle. */
async function goTo(iso) {
  await page.evaluate((d) => window.faultlines.timeline.setDay(d), dayOf(iso));
  // The slider rests (labels and the words for the change come then), and a
  // shape giving way fades for under half a second, then leaves the map.
  await page.waitForFunction(() => !document.getElementById("map")?.classList.contains("moving") && document.querySelectorAll(".region.fade-out").length === 0);
}

/** Region ids with more than one element shown at once (should be none). */
const doubled = () =>
  page.evaluate(() => {
    const seen = new Map();
    for (const n of document.querySelectorAll(".atlas [data-id]")) {
      if (n.classList.contains("off") || window.getComputedStyle(n).visibility === "hidden") continue;
      seen.set(n.dataset.id, (seen.get(n.dataset.id) ?? 0) + 1);
    }
    return [...seen].filter(([, c]) => c > 1).map(([id]) => id);
  });

describe("the map of a date", () => {
  it("draws 1970 with the states of 1970 and paints the Warsaw Pact on the GDR, not on West Germany", () =>
    guard("1970", async () => {
      await page.evaluate(() => window.faultlines.timeline.setOrg("warsaw-pact"));
      await goTo("1970-06-01");
      for (const name of ["German Democratic Republic", "Federal Republic of Germany", "Czechoslovakia", "Kazakh SSR", "Armenian SSR", "Soviet Union", "Lithuanian SSR"]) {
        assert.equal(await region(name).count(), 1, `${name} is on the 1970 map`);
      }
      for (const name of ["Germany", "Czech Republic", "Slovakia", "Kazakhstan", "Lithuania"]) {
        assert.equal(await region(name).count(), 0, `${name} is not on the 1970 map`);
      }
      await page.waitForFunction(() => document.querySelector('[data-id="DDR"]:not(.off)')?.dataset.member === "member");
      assert.equal(await region("Federal Republic of Germany").getAttribute("data-member"), null);
      assert.equal(await region("Kazakh SSR").getAttribute("data-member"), "member", "the SSRs are painted for the Soviet Union");
      const labels = await page.locator(".labels text").allTextContents();
      assert.ok(!labels.includes("UKRAINE") && !labels.includes("LITHUANIA"), `labels of 1970: ${labels.join(", ")}`);
      assert.deepEqual(await doubled(), []);
    }));

  it("replaces the GDR and the FRG with Germany on 3 October 1990 and says so", () =>
    guard("reunification", async () => {
      await goTo("1990-10-02");
      assert.equal(await region("German Democratic Republic").count(), 1);
      await goTo("1990-10-03");
      assert.equal(await region("Germany").count(), 1);
      assert.equal(await region("German Democratic Republic").count(), 0);
      assert.equal(await region("Federal Republic of Germany").count(), 0);
      assert.match(await page.locator("#map-borders").textContent(), /3 October 1990: Germany reunified/);
      assert.deepEqual(await doubled(), []);
      // The words go after a few seconds: they must not stay to mislabel a later date.
      await page.waitForFunction(() => document.getElementById("map-borders")?.textContent === "", null, { timeout: 15000 });
    }));

  it("scrubs from 1990 to 1993 through the end of the Soviet Union and of Czechoslovakia", () =>
    guard("scrub", async () => {
      for (const [iso, present, absent] of [
        ["1991-06-01", ["Kazakh SSR", "Czechoslovakia", "Soviet Union"], ["Kazakhstan", "Slovakia"]],
        ["1991-12-20", ["Kazakhstan", "Soviet Union"], ["Kazakh SSR"]],
        ["1992-06-01", ["Kazakhstan", "Czechoslovakia", "Russia"], ["Soviet Union", "Czech Republic"]],
        ["1993-01-01", ["Czech Republic", "Slovakia"], ["Czechoslovakia"]],
      ]) {
        await goTo(iso);
        for (const name of present) assert.equal(await region(name).count(), 1, `${name} on ${iso}`);
        for (const name of absent) assert.equal(await region(name).count(), 0, `no ${name} on ${iso}`);
        assert.deepEqual(await doubled(), [], `one shape per region on ${iso}`);
      }
      // Back again: the change is undone, in words too.
      await goTo("1992-12-31");
      assert.equal(await region("Czechoslovakia").count(), 1);
      assert.match(await page.locator("#map-borders").textContent(), /before 1 January 1993/);
    }));

  it("never shows a label with a name the date has left behind, even while the slider is dragged", () =>
    guard("labels-moving", async () => {
      // Labels that are not the date's name for their region, among those shown.
      const wrong = () =>
        page.evaluate(() =>
          [...document.querySelectorAll(".labels text")]
            .filter((t) => window.getComputedStyle(t).opacity !== "0")
            .filter((t) => t.textContent.toLowerCase() !== window.faultlines.map.displayName(t.dataset.region).toLowerCase())
            .map((t) => t.textContent),
        );
      await goTo("1991-12-10");
      assert.ok((await page.locator(".labels text").allTextContents()).includes("KAZAKH SSR"));
      // A drag's steps across Kazakhstan's independence; look before the slider rests.
      const seen = await page.evaluate(async (d) => {
        for (const day of [d - 8, d - 4, d]) {
          const drawn = window.faultlines.nextDraw();
          window.faultlines.timeline.setDay(day);
          await drawn;
        }
        const moving = document.getElementById("map").classList.contains("moving");
        const label = [...document.querySelectorAll(".labels text")].find((t) => t.textContent === "KAZAKH SSR");
        return { moving, hidden: label ? window.getComputedStyle(label).opacity === "0" : null };
      }, dayOf("1991-12-20"));
      assert.deepEqual(seen, { moving: true, hidden: true }, "the old name is hidden while the slider moves");
      assert.deepEqual(await wrong(), []);
      await goTo("1991-12-20");
      assert.deepEqual(await wrong(), [], "at rest every label has the name of the date");
      assert.ok((await page.locator(".labels text").allTextContents()).includes("KAZAKHSTAN"));
    }));

  it("names a region in the panel as it was, with its borders and its sovereign", () =>
    guard("panel", async () => {
      await goTo("1980-06-01");
      await region("Kazakh SSR").click();
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Kazakh SSR:"));
      const facts = await page.locator(".region-version").textContent();
      assert.match(facts, /until 16 December 1991/);
      assert.match(facts, /part of Soviet Union/);
      // The slider moves on: the same region, under its new name.
      await goTo("1995-06-01");
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Kazakhstan:"));
      assert.equal(await region("Kazakhstan").getAttribute("aria-pressed"), "true", "the selection moves to the new shape");
      await goTo("1980-06-01");
      // From the keyboard: the GDR may lie outside the view.
      await region("German Democratic Republic").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector(".region-version")?.textContent?.includes("approximately"));
    }));

  it("draws Nagorno-Karabakh with the line of each date", () =>
    guard("karabakh", async () => {
      const shape = () => page.evaluate(() => document.querySelector('[data-id="nagorno-karabakh"]:not(.off)')?.dataset.feature ?? null);
      await goTo("1970-06-01");
      assert.equal(await shape(), "nagorno-karabakh@1923-07-07");
      assert.equal(await region("Nagorno-Karabakh Autonomous Oblast").count(), 1);
      await goTo("2000-06-01");
      assert.equal(await shape(), "nagorno-karabakh");
      await goTo("2021-06-01");
      assert.equal(await shape(), "nagorno-karabakh@2020-12-01");
      await goTo("2025-06-01");
      assert.equal(await shape(), null, "no Karabakh entity after 1 January 2024");
    }));

  it("fetches the past shapes only once the date needs them", () =>
    guard("on-demand", async () => {
      await goTo("2025-06-01");
      await page.waitForTimeout(800); // the date is saved a moment after it changes
      const fetched = [];
      page.on("request", (r) => r.url().includes("/api/layers/history/") && fetched.push(r.url()));
      await page.reload();
      await page.locator("html[data-ready=true]").waitFor();
      assert.deepEqual(fetched, [], "today's map draws nothing from the history layer");
      await goTo("1970-06-01");
      await region("German Democratic Republic").waitFor();
      assert.equal(fetched.length, 1, fetched.join());
      assert.match(fetched[0], /history\/overview/);
    }));
});
