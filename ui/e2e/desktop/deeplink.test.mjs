// Desktop end-to-end: faultlines:// links. The app runs under WebDriver, the
// scheme's handler is installed as the bundle installs it (the .desktop
// template of src-tauri/linux, in a temporary XDG_DATA_HOME, made the default
// with xdg-mime), and `xdg-open faultlines://view?…` starts a second launch
// that hands the link over (single-instance, over a private session bus):
// the same window shows that view. A bad link says what it left out, and
// Copy link gives the app's own link.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "../serve.mjs";
import { defaultApp, startDriver, until } from "../driver.mjs";
import { deferrer, sessionBus, tmp } from "../session-bus.mjs";

const app = defaultApp();
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/** The bundle's .desktop entry, filled in as the bundler does, for `exec`. */
function desktopEntry(exec) {
  const template = fs.readFileSync(path.join(root, "src-tauri", "linux", "faultlines.desktop"), "utf8");
  return template
    .replace(/\{\{#if comment\}\}\n[^\n]*\n\{\{\/if\}\}\n/, "")
    .replaceAll("{{categories}}", "Education;")
    .replaceAll("{{exec}}", exec)
    .replaceAll("{{icon}}", "faultlines-app")
    .replaceAll("{{name}}", "Faultlines");
}

/**
 * Make the app the handler of faultlines:// in temporary XDG folders, as the
 * package installs it (`Exec=faultlines-app %u`, the binary on the PATH);
 * returns the environment that sees it.
 */
function installHandler() {
  const bin = tmp("bin");
  fs.symlinkSync(app, path.join(bin, "faultlines-app"));
  const env = { XDG_DATA_HOME: tmp("data"), XDG_CONFIG_HOME: tmp("config"), PATH: `${bin}:${process.env.PATH}` };
  const dir = path.join(env.XDG_DATA_HOME, "applications");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "faultlines-test.desktop"), desktopEntry("faultlines-app"));
  const xdg = { env: { ...process.env, ...env }, encoding: "utf8" };
  execFileSync("xdg-mime", ["default", "faultlines-test.desktop", "x-scheme-handler/faultlines"], xdg);
  assert.equal(execFileSync("xdg-mime", ["query", "default", "x-scheme-handler/faultlines"], xdg).trim(), "faultlines-test.desktop");
  return env;
}

/** `xdg-open link` as a person's click on it would: resolves when xdg-open (and the second launch it starts) ends. */
function xdgOpen(env, link) {
  return new Promise((resolve, reject) => {
    const child = spawn("xdg-open", [link], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`xdg-open exited ${code}: ${log}`))));
  });
}

/** Run `fn`; if it fails, save a screenshot of the window. */
async function withShot(browser, name, fn) {
  try {
    await fn();
  } catch (e) {
    const dir = path.join(root, "test-results");
    fs.mkdirSync(dir, { recursive: true });
    try { await browser.saveScreenshot(path.join(dir, `desktop-${name}.png`)); } catch { /* no window */ }
    throw e;
  }
}

describe("faultlines:// links", () => {
  it("xdg-open of a link while the app runs shows its view in the same window", async (t) => {
    const defer = deferrer(t);
    const env = { FAULTLINES_STATE_DIR: tmp("state"), DBUS_SESSION_BUS_ADDRESS: await sessionBus(defer), ...installHandler() };
    const driver = await startDriver(app, env);
    defer(() => driver.stop());
    const browser = await driver.session();
    defer(() => browser.deleteSession().catch(() => {}));
    await withShot(browser, "deeplink", async () => {
      await (await browser.$("svg.atlas[data-ready=true]")).waitForExist({ timeout: 20000 });
      const handle = await browser.getWindowHandle();
      await xdgOpen(env, "faultlines://view?at=2022-01-09&region=KAZ&from=2021-12-01&to=2022-02-28");
      const slider = await browser.$("[role=slider]");
      await until("the slider on 9 January 2022", async () => (await slider.getAttribute("aria-valuenow")) === String(dayOf("2022-01-09")));
      assert.match(await slider.getAttribute("aria-valuetext"), /9 January 2022/);
      await until("Kazakhstan selected", async () => (await (await browser.$("#map [aria-pressed=true]")).getAttribute("data-id")) === "KAZ");
      assert.equal(await browser.getWindowHandle(), handle, "the same window");
      assert.equal((await browser.getWindowHandles()).length, 1, "no second window");

      // Copy link gives the app's link of the view on screen; it reaches the system's clipboard.
      await (await browser.$("#copy-link")).click();
      await until("the toast", async () => (await (await browser.$("#toast")).getText()) === "Link copied");
      const search = await browser.$("input[type=search]");
      await search.click();
      await browser.keys(["Control", "v"]);
      await until("the pasted link", async () => (await search.getValue()).startsWith("faultlines://view?at=2022-01-09&region=KAZ&from=2021-12-01&to=2022-02-28"));
      await search.clearValue();

      // A bad link: the default view, and a notice naming what was left out.
      await xdgOpen(env, "faultlines://view?at=2022-13-01&region=XYZ");
      const notice = await browser.$("#link-notice");
      await until("the notice", () => notice.isDisplayed());
      const text = await notice.getText();
      assert.ok(text.includes("region = “XYZ”: no such region in this story"), text);
      assert.ok(text.includes("at = “2022-13-01”: not a date, or no such day"), text);
      await until("the default date", async () => (await slider.getAttribute("aria-valuenow")) === String(dayOf("2022-01-08")));
    });
  });
});
