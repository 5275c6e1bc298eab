// Desktop end-to-end in Russian: the real app started with LANG=ru_RU.UTF-8
// speaks Russian (the shell reads the system's language, whether or not the
// C library has that locale), names its regions in Russian for WebDriver's
// accessibility queries, and keeps the reader's switch to English across a
// restart although the system still asks for Russian.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultApp, guardWithShots, startDriver, until } from "../driver.mjs";

const app = defaultApp();

let driver;
let browser;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-state-"));

before(async () => {
  assert.ok(fs.existsSync(app), `app binary missing: ${app}`);
  driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir, LANG: "ru_RU.UTF-8", LANGUAGE: "", LC_ALL: "", LC_MESSAGES: "" });
  browser = await driver.session();
});

after(async () => {
  try { await browser?.deleteSession(); } catch { /* already gone */ }
  driver?.stop();
});

const guard = guardWithShots("ru-", () => browser);

const ready = () => until("the app to be ready", () => browser.execute(() => document.documentElement.dataset.ready === "true"), 30000);

describe("the desktop app on a Russian system", () => {
  it("starts in Russian, its regions named in Russian", () =>
    guard("start", async () => {
      await ready();
      assert.equal(await browser.execute(() => document.documentElement.lang), "ru");
      assert.equal(await browser.getTitle(), "Faultlines — история ОДКБ на карте");
      assert.match(await browser.$("#dataset-summary").getText(), /^57 событий · 64 отрывка/);
      // Chosen from the keyboard: a click at the middle of its box can land on the Panj, which runs through it.
      const tj = await browser.$("aria/Таджикистан");
      await browser.execute((el) => el.focus(), tj);
      await browser.keys("Enter");
      assert.equal(await tj.getAttribute("aria-pressed"), "true");
      await until("the panel's Russian heading", async () => /^Таджикистан: \d+ отрыв/.test(await browser.$("#panel-heading").getText()));
    }));

  it("switches to English and starts in English next time", () =>
    guard("switch", async () => {
      await (await browser.$("#locale")).selectByAttribute("value", "en");
      await until("the English page", () => browser.execute(() => document.documentElement.lang === "en"));
      assert.equal(await (await browser.$("#read")).getText(), "Read the article");
      await until("the choice saved", () => {
        try {
          return JSON.parse(fs.readFileSync(path.join(stateDir, "state.json"), "utf8")).ui.locale === "en";
        } catch {
          return false;
        }
      });
      await browser.deleteSession();
      browser = await driver.session();
      await ready();
      assert.equal(await browser.execute(() => document.documentElement.lang), "en");
      assert.equal(await (await browser.$("#read")).getText(), "Read the article");
    }));
});
