// The README's screenshots of the desktop app itself, which a browser cannot
// take: its native menus and the import of a file named at launch. The
// import's report over an ACLED sample (3 rows rejected), the Stories menu
// with the imported story, and the app started on a Russian system with its
// File menu open. The screen is grabbed whole (ffmpeg's x11grab), menus
// included.
//
// Run under a display: xvfb-run -a -s '-screen 0 1280x800x24' node scripts/screenshots-desktop.mjs [binary]
// Writes docs/img/import-report.png, stories-menu.png and ru-desktop.png.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../e2e/serve.mjs";
import { defaultApp, startDriver, until } from "../e2e/driver.mjs";

const app = process.argv[2] ?? defaultApp();
const out = (name) => path.join(root, "docs", "img", name);
const sample = path.join(root, "tests/import/acled-sample.csv");
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** The whole screen, as the reader sees it. */
function grab(file) {
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-f", "x11grab", "-draw_mouse", "0", "-video_size", "1280x800", "-i", process.env.DISPLAY, "-frames:v", "1", file]);
  console.log("wrote", path.relative(root, file));
}

/** A session of the app on a state dir of its own, ended after `f`. */
async function session(env, args, f) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-shots-"));
  const driver = await startDriver(app, { FAULTLINES_STATE_DIR: stateDir, ...env });
  const browser = await driver.session(args);
  try {
    await until("the app to be ready", () => browser.execute(() => document.documentElement.dataset.ready === "true"), 60000);
    await f(browser);
  } finally {
    await browser.deleteSession().catch(() => {});
    driver.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

// An ACLED file named at launch: the report over the story it made, then the Stories menu.
await session({}, [sample], async (browser) => {
  const report = () => browser.execute(() => document.querySelector("dialog.import-dialog[open]")?.textContent ?? "");
  await until("the import's report", async () => /3 rows rejected/.test(await report()), 60000);
  await pause(1500); // the map under the dialog drawn
  grab(out("import-report.png"));
  await (await browser.$("button=Show the story")).click();
  await (await browser.$("aria/Stories")).click();
  await pause(800);
  grab(out("stories-menu.png"));
});

// A Russian system: the whole window in Russian, and the File menu opened as a person would, with the pointer.
await session({ LANG: "ru_RU.UTF-8", LANGUAGE: "", LC_ALL: "", LC_MESSAGES: "" }, [], async (browser) => {
  await until("the Russian page", () => browser.execute(() => document.documentElement.lang === "ru"));
  await pause(2500); // the symbols' first pulses settle
  const wid = execFileSync("xdotool", ["search", "--onlyvisible", "--limit", "1", "--class", "faultlines"], { encoding: "utf8" }).trim();
  execFileSync("xdotool", ["windowfocus", "--sync", wid]);
  execFileSync("xdotool", ["mousemove", "--window", wid, "24", "12", "click", "1"]);
  await pause(800);
  grab(out("ru-desktop.png"));
  execFileSync("xdotool", ["key", "Escape"]);
});
