// Browser end-to-end: the time slider, the animated story and the excerpts panel.
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

const guard = guardWithShots("story", () => page);

const slider = () => page.getByRole("slider", { name: "Date" });
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/** Step the focused slider by single days until it reads `iso`. */
async function keyTo(iso) {
  const target = dayOf(iso);
  for (let i = 0; i < 400; i++) {
    const now = Number(await slider().getAttribute("aria-valuenow"));
    if (now === target) return;
    await page.keyboard.press(now < target ? "ArrowRight" : "ArrowLeft");
  }
  throw new Error(`could not reach ${iso}`);
}

describe("the time slider", () => {
  it("is dragged and keyed to 8 January 2022, and the live region announces the deployment", () =>
    guard("reach", async () => {
      await page.getByRole("button", { name: "2021–2023" }).click();
      const track = await page.locator(".tl-track").boundingBox();
      // Drag from the start of the window to about a third of the way (early 2022).
      await page.mouse.move(track.x + 5, track.y + track.height / 2);
      await page.mouse.down();
      await page.mouse.move(track.x + track.width * 0.2, track.y + track.height / 2, { steps: 5 });
      await page.mouse.move(track.x + track.width * 0.34, track.y + track.height / 2, { steps: 5 });
      await page.mouse.up();
      await slider().focus();
      // Zoom the axis in until the arrows move by days.
      await page.getByRole("button", { name: "Zoom the timeline in" }).click();
      await page.getByRole("button", { name: "Zoom the timeline in" }).click();
      await slider().focus();
      await keyTo("2022-01-08");
      assert.equal(await slider().getAttribute("aria-valuetext"), "8 January 2022");
      // Once the slider rests, the status speaks of the current date (no longer dimmed) ...
      await page.waitForFunction(() => {
        const st = document.querySelector(".tl-status");
        return !st?.classList.contains("stale") && st?.textContent?.includes("CSTO troops deployed in Kazakhstan (6–19 January 2022)");
      });
      // ... and the deployment's arrow is on the map.
      await page.locator('[data-event="kazakhstan-csto-deployment-2022"]').waitFor();
      assert.equal(await page.locator('[data-event="kazakhstan-csto-deployment-2022"]').count(), 1);
    }));

  it("steps to the next event", () =>
    guard("next", async () => {
      await page.getByRole("button", { name: "Next event" }).click();
      await page.waitForFunction(() => document.querySelector("[role=slider]")?.getAttribute("aria-valuetext") === "11 January 2022");
      await slider().focus();
      await page.keyboard.press("PageUp");
      await page.waitForFunction(() => document.querySelector("[role=slider]")?.getAttribute("aria-valuetext") === "7 January 2022");
    }));

  it("plays for a moment and the date advances", () =>
    guard("play", async () => {
      const before = Number(await slider().getAttribute("aria-valuenow"));
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForTimeout(1200);
      await page.getByRole("button", { name: "Pause" }).click();
      const after = Number(await slider().getAttribute("aria-valuenow"));
      assert.ok(after > before, `${before} → ${after}`);
    }));

  it("colours memberships: Armenia's CSTO participation is frozen in 2024", () =>
    guard("membership", async () => {
      await page.getByRole("button", { name: "All", exact: true }).click();
      await slider().focus();
      await page.keyboard.press("End");
      const arm = page.getByRole("button", { name: "Armenia", exact: true });
      await page.waitForFunction(() => document.querySelector('[data-id="ARM"]')?.getAttribute("data-member") === "frozen");
      assert.equal(await page.getByRole("button", { name: "Kazakhstan", exact: true }).getAttribute("data-member"), "member");
      await page.getByRole("combobox", { name: "Membership map" }).selectOption("warsaw-pact");
      await page.waitForFunction(() => !document.querySelector('[data-id="ARM"]')?.hasAttribute("data-member"));
      assert.equal(await arm.getAttribute("data-member"), null);
      await page.getByRole("combobox", { name: "Membership map" }).selectOption("csto");
    }));

  it("marks the member that stayed away from an exercise", () =>
    guard("absent", async () => {
      await page.getByRole("button", { name: "2021–2023" }).click();
      await page.getByRole("button", { name: "Zoom the timeline in" }).click();
      await page.getByRole("button", { name: "Zoom the timeline in" }).click();
      await slider().focus();
      await keyTo("2022-10-12");
      await page.waitForFunction(() => document.querySelector('[data-id="KGZ"]')?.getAttribute("data-role") === "absent");
      await page.waitForFunction(() => document.querySelector(".tl-status")?.textContent?.includes("Rubezh-2022"));
    }));
});

describe("filters", () => {
  it("hide events by kind and by organization on the map and in stepping", () =>
    guard("filters", async () => {
      await page.evaluate(() => window.faultlines.timeline.setDay(Math.round(Date.parse("2022-01-08T00:00:00Z") / 86400000)));
      await page.locator('[data-event="kazakhstan-csto-deployment-2022"]').waitFor();
      await page.getByRole("checkbox", { name: "Deployments" }).uncheck();
      await page.locator('[data-event="kazakhstan-csto-deployment-2022"]').waitFor({ state: "detached" });
      await page.getByRole("checkbox", { name: "Deployments" }).check();
      await page.locator('[data-event="kazakhstan-csto-deployment-2022"]').waitFor();
      await page.getByRole("combobox", { name: "Events of organization" }).selectOption("warsaw-pact");
      await page.locator('[data-event="kazakhstan-csto-deployment-2022"]').waitFor({ state: "detached" });
      // Stepping back respects the organization: the previous Warsaw Pact event is its dissolution in 1991.
      await page.getByRole("button", { name: "Previous event" }).click();
      await page.waitForFunction(() => document.querySelector("[role=slider]")?.dataset.iso === "1991-02-25");
      await page.getByRole("combobox", { name: "Events of organization" }).selectOption("");
    }));
});

describe("the excerpts panel", () => {
  it("lists the Isfara passage for Tajikistan and moves focus to its heading", () =>
    guard("tajikistan", async () => {
      // Regions are named as they were at the slider's date: Tajikistan, not the Tajik SSR.
      await page.evaluate(() => window.faultlines.timeline.setDay(Math.round(Date.parse("2022-09-16T00:00:00Z") / 86400000)));
      await page.getByRole("button", { name: "Tajikistan", exact: true }).click();
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      const heading = panel.getByRole("heading", { level: 2 });
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Tajikistan:"));
      assert.ok(await heading.evaluate((h) => h === document.activeElement), "focus is on the heading");
      const items = panel.getByRole("listitem");
      assert.ok((await items.count()) >= 5);
      await panel.getByText("more than 230 situations of military conflict", { exact: false }).first().waitFor();
      await page.keyboard.press("Escape");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Tajikistan");
    }));

  it("lists the Westminster Hall and European Parliament passages for the Lachin Corridor", () =>
    guard("lachin", async () => {
      await page.getByRole("button", { name: "Lachin corridor", exact: true }).focus();
      await page.keyboard.press("Enter");
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      await panel.getByText("Westminster Hall debates on the closure of the Lachin Corridor", { exact: false }).waitFor();
      await panel.getByText("joint motion for a resolution on the humanitarian consequences", { exact: false }).waitFor();
      // The article's error is noted with a source, the text left as written.
      await panel.getByText("Correction:", { exact: false }).first().waitFor();
    }));

  it("moves the slider to an excerpt's event when it is clicked", () =>
    guard("excerpt-click", async () => {
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      await panel.getByText("Westminster Hall debates on the closure", { exact: false }).click();
      await page.waitForFunction(() => document.querySelector("[role=slider]")?.getAttribute("aria-valuetext")?.includes("2023"));
      const valueText = await slider().getAttribute("aria-valuetext");
      assert.match(valueText, /24 January 2023|January 2023|2023/);
    }));

  it("puts the sentences naming Kazakhstan first, says why each is listed, and can switch to article order", () =>
    guard("relevance", async () => {
      await page.getByRole("button", { name: "Kazakhstan", exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Kazakhstan:"));
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      const whys = await panel.locator(".excerpt-why").allTextContents();
      assert.match(whys[0], /^names Kazakhstan/);
      const firstGroup = whys.findIndex((w) => w.startsWith("via:"));
      assert.ok(firstGroup > 0 && whys.slice(firstGroup).every((w) => w.startsWith("via:")), whys.join(" | "));
      assert.ok(whys.includes("via: former USSR republics"), "Yeltsin's treaty reaches it through a group");
      const ids = () => panel.locator("li.excerpt").evaluateAll((ls) => ls.map((l) => l.dataset.excerpt));
      const ranked = await ids();
      await panel.getByRole("combobox", { name: "Order" }).selectOption("article");
      const ordered = await ids();
      assert.deepEqual([...ordered], [...ranked].sort());
      assert.notDeepEqual(ordered, ranked);
      await panel.getByRole("combobox", { name: "Order" }).selectOption("relevance");
    }));

  it("reaches Slovakia through Czechoslovakia and marks a typo [sic] without changing the quotation", () =>
    guard("sic", async () => {
      await page.evaluate(() => window.faultlines.timeline.setDay(Math.round(Date.parse("2000-01-01T00:00:00Z") / 86400000)));
      await page.getByRole("button", { name: "Slovakia", exact: true }).focus();
      await page.keyboard.press("Enter");
      // The previous test's Kazakhstan lists this sentence too (through the
      // Soviet Union): read it only once the panel is Slovakia's.
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Slovakia:"));
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      const item = panel.locator('li[data-excerpt="s10"]');
      await item.waitFor();
      assert.equal(await item.locator(".excerpt-why").textContent(), "via: Czechoslovakia");
      assert.equal(await item.locator("span.sic").first().textContent(), "[sic]");
      const quoted = await item.locator(".excerpt-text").evaluate((q) => {
        const c = q.cloneNode(true);
        c.querySelectorAll(".sic").forEach((s) => s.remove());
        return c.textContent;
      });
      assert.equal(quoted, "Brezhnev’s articulated his “limited sovereignty” doctrine in 1968 after the Warsaw Pact troops invaded Czechoslovakia to crack down on the starting democratic movement.");
      assert.ok(!quoted.includes("[sic]"));
      // An event's sources sit with the event.
      assert.ok((await item.locator(".event-sources a").count()) > 0);
    }));

  it("shows under a sentence only the notes about that sentence", () =>
    guard("own-notes", async () => {
      await page.getByRole("button", { name: "Poland", exact: true }).focus();
      await page.keyboard.press("Enter");
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      // s17 tells of the 1993 accessions; the note on that event's day is the
      // event's, not a correction of the sentence.
      const item = panel.locator('li[data-excerpt="s17"]');
      await item.waitFor();
      assert.equal(await item.locator(".fact-note").count(), 0);
      assert.match(await item.locator(".event-note").first().textContent(), /About the event/);
    }));

  it("says the date of a chosen excerpt's event as precisely as the event, whatever the axis zoom", () =>
    guard("precision", async () => {
      await page.getByRole("button", { name: "All", exact: true }).click();
      await page.waitForFunction(() => /^\d{4}$/.test(document.querySelector("[role=slider]")?.getAttribute("aria-valuetext") ?? ""));
      await page.getByRole("button", { name: "Kazakhstan", exact: true }).focus();
      await page.keyboard.press("Enter");
      const panel = page.getByRole("complementary", { name: "Excerpts" });
      await panel.locator('li[data-excerpt="s31"] blockquote').click();
      await page.waitForFunction(() => document.querySelector("[role=slider]")?.getAttribute("aria-valuetext") === "6 January 2022");
      assert.equal(await page.locator(".tl-date-text").textContent(), "6 January 2022");
      // Moving on by the arrow keys gives the axis's own precision back.
      await slider().focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => /^\d{4}$/.test(document.querySelector("[role=slider]")?.getAttribute("aria-valuetext") ?? ""));
    }));

  it("finds Tokayev and choosing the result selects Kazakhstan", () =>
    guard("search", async () => {
      const box = page.getByRole("combobox", { name: "Search" });
      await box.fill("Tokayev");
      await page.getByRole("option").first().waitFor();
      await box.press("Enter");
      await page.waitForFunction(() => document.querySelector('[data-id="KAZ"]')?.getAttribute("aria-pressed") === "true");
      await page.waitForFunction(() => document.querySelector("#panel-heading")?.textContent?.startsWith("Kazakhstan:"));
    }));

  it("says plainly when the article does not mention a region", () =>
    guard("unmentioned", async () => {
      await page.getByRole("button", { name: "Mongolia", exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.getByText("The article does not mention Mongolia.").waitFor();
    }));

  it("opens the reading view with marked place names that select regions", () =>
    guard("reader", async () => {
      await page.getByRole("button", { name: "Read the article" }).click();
      const article = page.getByRole("region", { name: "Article" });
      await article.getByRole("heading", { name: "Putin’s USSR 2.0 project to be undermined by his satellites" }).waitFor();
      await article.getByRole("button", { name: "Kyrgystan" }).first().click();
      await page.waitForFunction(() => document.querySelector('[data-id="KGZ"]')?.getAttribute("aria-pressed") === "true");
      await page.getByRole("button", { name: "Read the article" }).click();
    }));
});

describe("motion", () => {
  /** The map's running animations: [target class, iterations]. */
  const mapAnimations = () =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.effect?.target?.closest?.("#map"))
        .map((a) => [a.effect.target.getAttribute("class"), a.effect.getComputedTiming().iterations]),
    );

  it("pulses new symbols a few times, then lets the map rest", () =>
    guard("motion", async () => {
      await page.evaluate((d) => window.faultlines.timeline.setDay(d), dayOf("2022-10-12"));
      await page.locator(".atlas-overlay .sym-event .ring").first().waitFor();
      const running = await mapAnimations();
      assert.ok(running.some(([cls]) => cls.includes("ring")), JSON.stringify(running));
      assert.ok(running.every(([, n]) => Number.isFinite(n)), `every animation ends: ${JSON.stringify(running)}`);
    }));

  it("shows still symbols under reduced motion", () =>
    guard("reduced", async () => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      try {
        await page.evaluate((d) => window.faultlines.timeline.setDay(d), dayOf("2022-10-14"));
        await page.locator(".atlas-overlay .sym-event .ring").first().waitFor();
        assert.deepEqual(await mapAnimations(), []);
        const ring = await page.locator(".atlas-overlay .sym-event .ring").first().evaluate((r) => window.getComputedStyle(r).opacity);
        assert.equal(ring, "0.6");
      } finally {
        await page.emulateMedia({ reducedMotion: "no-preference" });
      }
    }));
});
