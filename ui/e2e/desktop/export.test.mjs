// Desktop end-to-end: the Export dialog in the real app, its files written
// by the shell's save command. The system's save dialog cannot be driven
// over WebDriver, so FAULTLINES_EXPORT_TO names the folder that takes its
// place (the command then writes there under the suggested name); the rest
// is the app's own path: the page composes the view, the core draws and
// encodes it through the app's commands, and the shell writes the file.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultApp, startDriver, until } from "../driver.mjs";
import { decodePng, readGif } from "../images.mjs";

const app = defaultApp();
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-state-"));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-export-"));
let driver;
let browser;

before(async () => {
  assert.ok(fs.existsSync(app), `app binary missing: ${app}`);
  driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir, FAULTLINES_EXPORT_TO: outDir });
  browser = await driver.session();
  await (await browser.$("html[data-ready=true]")).waitForExist({ timeout: 30000 });
});

after(async () => {
  try { await browser?.deleteSession(); } catch { /* already gone */ }
  driver?.stop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

/** Open the dialog, pick with `choose`, press Export and wait for the status line's `done`. */
async function exportWith(choose, done) {
  await (await browser.$("#export")).click();
  const dialog = await browser.$("dialog.export-dialog[open]");
  await dialog.waitForExist({ timeout: 10000 });
  await browser.execute(choose);
  await (await dialog.$("button[type=submit]")).click();
  await until("the export's file", async () => done.test(await (await dialog.$(".export-status")).getText()), 120000);
  await browser.keys("Escape");
}

describe("exporting in the desktop app", () => {
  it("saves a PNG of the view where the save dialog says", async () => {
    await exportWith(() => document.querySelector("dialog[open] input[value=png1]").click(), /^Saved to /);
    const files = fs.readdirSync(outDir).filter((f) => f.endsWith(".png"));
    assert.equal(files.length, 1, `${files}`);
    assert.match(files[0], /^faultlines-\d{4}-\d{2}-\d{2}\.png$/);
    const png = decodePng(fs.readFileSync(path.join(outDir, files[0])));
    const map = await browser.execute(() => {
      const r = document.querySelector("#map").getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height)];
    });
    assert.equal(png.width, map[0], "1×: as wide as the map on screen");
    assert.ok(png.height > map[1], "the map with its title and legend");
    assert.ok(!fs.readdirSync(outDir).some((f) => f.endsWith(".part")), "nothing half-written left");
  });

  it("saves a short GIF through the app's commands", async () => {
    await exportWith(() => {
      const d = document.querySelector("dialog[open]");
      d.querySelector("input[value=animation]").click();
      const set = (label, v) => {
        const input = [...d.querySelectorAll("label.export-field")].find((l) => l.textContent.startsWith(label) && !l.closest("[hidden]"))?.querySelector("input");
        input.value = v;
      };
      set("From", "2022-01-01");
      set("To", "2022-06-30");
      set("Frames a second", "3");
      set("Duration (seconds)", "1");
      set("Width (px)", "320");
      set("Height (px)", "180");
    }, /^Saved to /);
    const gif = fs.readdirSync(outDir).find((f) => f.endsWith(".gif"));
    assert.equal(gif, "faultlines-2022-01-01-2022-06-30.gif");
    const g = readGif(fs.readFileSync(path.join(outDir, gif)));
    assert.deepEqual([g.width, g.height, g.frames.length], [320, 180, 3]);
  });
});
