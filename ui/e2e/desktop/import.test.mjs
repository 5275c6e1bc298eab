// Desktop end-to-end for the reader's own stories: a file opened through the
// Stories menu's Open files… (the real GTK file chooser, typed into with
// xdotool as a person would), a file passed at launch whose headers need the
// column-mapping step, the report with its rejected rows, the imported story
// played on the slider, and the way back to the built-in story. Each test
// has its own state dir, so its library starts empty.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../serve.mjs";
import { defaultApp, startDriver, until } from "../driver.mjs";

const app = defaultApp();
const sample = path.join(root, "tests/import/acled-sample.csv");
const tmp = (what) => fs.mkdtempSync(path.join(os.tmpdir(), `faultlines-${what}-`));

/** A driver and an app session on a fresh state dir; all of it ends with test `t`. */
async function start(t, args = []) {
  const stateDir = tmp("import-state");
  const driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir });
  let browser;
  t.after(async () => {
    try { await browser?.deleteSession(); } catch { /* already gone */ }
    driver.stop();
  });
  browser = await driver.session(args);
  return { browser, stateDir };
}

async function guard(browser, name, fn) {
  try {
    await fn();
  } catch (e) {
    const dir = path.join(root, "test-results");
    fs.mkdirSync(dir, { recursive: true });
    try { await browser.saveScreenshot(path.join(dir, `desktop-import-${name}.png`)); } catch { /* no window */ }
    throw e;
  }
}

const ready = (browser) => until("the app to be ready", () => browser.execute(() => document.documentElement.dataset.ready === "true"), 30000);
const summary = (browser) => browser.execute(() => document.getElementById("dataset-summary")?.textContent ?? "");
const dialogText = (browser) => browser.execute(() => document.querySelector("dialog.import-dialog[open]")?.textContent ?? "");

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Type `file` into the open GTK file chooser, as a person would: Ctrl+L, the path, Enter. */
async function chooseInGtkDialog(file) {
  const wid = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--limit", "1", "--name", "^Open events"], { encoding: "utf8", timeout: 20000 }).trim().split("\n")[0];
  // Mapped is not yet drawn and listening: give GTK a moment, as a person's eye would.
  await pause(1500);
  execFileSync("xdotool", ["windowfocus", "--sync", wid]);
  execFileSync("xdotool", ["key", "ctrl+l"]);
  await pause(500);
  execFileSync("xdotool", ["type", "--delay", "15", file]);
  await pause(500);
  execFileSync("xdotool", ["key", "Return"]);
}

describe("the reader's own stories in the desktop app", () => {
  it("opens an ACLED file through Open files…, lists the rejected rows and plays the imported story", async (t) => {
    const { browser } = await start(t);
    await guard(browser, "dialog", async () => {
      await ready(browser);
      const builtin = await summary(browser);
      await (await browser.$("aria/Stories")).click();
      await (await browser.$("aria/Open files…")).click();
      await chooseInGtkDialog(sample);
      await until("the import's report over the new story", async () => /Imported 4 events from acled-sample\.csv \(acled\); 3 rows rejected\./.test(await dialogText(browser)), 30000);
      await ready(browser);
      assert.notEqual(await summary(browser), builtin);
      assert.match(await summary(browser), /^4 events · 0 excerpts · 2022–2022/);
      const rows = await (await browser.$("aria/Rejected rows")).getValue();
      const lines = rows.split("\n");
      assert.equal(lines.length, 3, rows);
      assert.match(lines[0], /^acled-sample\.csv:6: event_date: .*2023-02-31/);
      assert.match(lines[1], /^acled-sample\.csv:7: time_precision: /);
      assert.match(lines[2], /^acled-sample\.csv:8: id: duplicate id "KGZ1001"/);
      await (await browser.$("aria/Show the story")).click();
      assert.equal(await dialogText(browser), "");
      // Play: the slider moves through the imported story's year.
      const slider = await browser.$("[role=slider]");
      const before = await slider.getAttribute("aria-valuenow");
      await slider.click();
      await browser.keys(["Home"]);
      const start = await slider.getAttribute("aria-valuenow");
      await browser.keys([" "]);
      await until("the story to play", async () => (await slider.getAttribute("aria-valuenow")) !== start, 10000);
      await browser.keys([" "]);
      assert.ok(before !== null && start !== null);
    });
  });

  it("asks which columns hold the date and place of a file passed at launch, and goes back to the built-in story", async (t) => {
    const dir = tmp("import-own");
    const file = path.join(dir, "border-log.csv");
    fs.writeFileSync(file, "When,Northing,Easting,Headline\n2022-09-14,39.98,70.62,Clash on the Isfara\n2022-09-16,40.02,70.71,Shelling near Batken\n");
    const { browser, stateDir } = await start(t, [file]);
    await guard(browser, "columns", async () => {
      await until("the column-mapping step", async () => /Which columns hold what\?/.test(await dialogText(browser)));
      // Its guesses are filled in; the reader checks them and imports.
      assert.equal(await (await browser.$("#col-date")).getValue(), "When");
      assert.equal(await (await browser.$("#col-lat")).getValue(), "Northing");
      assert.equal(await (await browser.$("#col-lon")).getValue(), "Easting");
      assert.equal(await (await browser.$("#col-title")).getValue(), "Headline");
      await (await browser.$("aria/Import")).click();
      await until("the report", async () => /Imported 2 events from border-log\.csv \(csv\); no row rejected\./.test(await dialogText(browser)));
      await ready(browser);
      assert.match(await summary(browser), /^2 events/);
      await (await browser.$("aria/Show the story")).click();
      assert.deepEqual(fs.readdirSync(path.join(stateDir, "stories")), ["imported-border-log-csv"]);
      assert.equal(fs.readFileSync(file, "utf8").split("\n")[0], "When,Northing,Easting,Headline", "the file opened is unchanged");
      // The Stories menu lists both; choosing the built-in one brings it back.
      await (await browser.$("aria/Stories")).click();
      await until("the Stories menu", () => browser.execute(() => !document.getElementById("stories-pop")?.hidden));
      // Read as the accessibility tree would (WebKitWebDriver's element text can stall on a pop-over).
      const listed = await browser.execute(() => [...document.querySelectorAll("button.story-choice")].map((b) => [b.textContent, b.getAttribute("aria-current")]));
      assert.deepEqual(listed, [["Faultlines: the CSTO and its members drifting from Moscow", "false"], ["Imported: border-log.csv", "true"]]);
      await (await browser.$("button.story-choice[aria-current=false]")).click();
      await until("the built-in story", async () => /^\d{2,} events · \d+ excerpts/.test(await summary(browser)));
      await ready(browser);
      // Removing asks twice; the story leaves the list and the library.
      await (await browser.$("aria/Stories")).click();
      await until("the Stories menu", () => browser.execute(() => !document.getElementById("stories-pop")?.hidden));
      await (await browser.$("aria/Remove Imported: border-log.csv")).click();
      assert.deepEqual(fs.readdirSync(path.join(stateDir, "stories")), ["imported-border-log-csv"], "one press removes nothing");
      await (await browser.$("aria/Confirm: remove Imported: border-log.csv from the library")).click();
      await until("the story removed", async () => fs.readdirSync(path.join(stateDir, "stories")).length === 0);
      await until("the list without it", async () => (await browser.execute(() => document.querySelectorAll("button.story-choice").length)) === 1);
    });
  });
});
