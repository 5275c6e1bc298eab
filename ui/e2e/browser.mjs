// Headless Chromium from Debian (/usr/bin/chromium) driven by playwright-core.
// Never downloads a browser.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./serve.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** `options`: more of playwright's context options (`locale: "ru-RU"` for a Russian browser). */
export async function launch(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader", "--enable-precise-memory-info",
    ],
  });
  return { context, close: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); } };
}

/** Save a screenshot of a failed test into the git-ignored test-results/. */
export async function shotOnFailure(page, name) {
  const dir = path.join(root, "test-results");
  fs.mkdirSync(dir, { recursive: true });
  try { await page.screenshot({ path: path.join(dir, `${name}.png`) }); } catch { /* page gone */ }
}

/**
 * `guard(name, fn)` for a test file: runs `fn` and, if it throws, saves a
 * screenshot of the page (`prefix-name.png`) before passing the error on.
 */
export function guardWithShots(prefix, page) {
  return async (name, fn) => {
    try {
      await fn();
    } catch (e) {
      await shotOnFailure(page(), `${prefix}-${name}`);
      throw e;
    }
  };
}

/**
 * Start `faultlines serve` (with `extra` arguments such as ["--data", dir]),
 * launch Chromium (with playwright's context `options`) and open the atlas;
 * resolves when the UI is ready.
 * Page errors are collected in `page.errors`.
 */
export async function openAtlas(extra = [], options = {}) {
  const { startServer } = await import("./serve.mjs");
  const server = await startServer(extra);
  let browser;
  let page;
  try {
    browser = await launch(options);
    page = await browser.context.newPage();
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(e.message));
    // The API's paths asked for, in order (tests of what the page asks for as it opens).
    page.apiCalls = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith("/api/")) page.apiCalls.push(u.pathname + u.search);
    });
    await page.goto(server.url);
    await page.locator("html[data-ready=true]").waitFor({ timeout: 20000 });
  } catch (e) {
    // A page that never gets ready must not leave the server or the browser
    // running: the test runner would wait on them until CI's time runs out.
    if (page) await shotOnFailure(page, "open-atlas");
    await browser?.close().catch(() => {});
    server.stop();
    throw e;
  }
  return {
    server,
    page,
    close: async () => {
      await browser.close();
      server.stop();
    },
  };
}

/**
 * Move the slider to `day` and count the painted pixels of the events'
 * layer in the same task (a WebGL canvas keeps its drawing only until the
 * frame is shown, so `day` must differ from the slider's). Returns { renderer, mode, dots, inked }.
 */
export function paintedAt(page, day) {
  return page.evaluate((d) => {
    if (d !== null) window.faultlines.timeline.setDay(d);
    const c = document.querySelector("canvas.story-dots:not(.events-off)"); // the layer in use
    let data;
    const gl = c.dataset.renderer === "webgl2" ? c.getContext("webgl2") : null;
    if (gl) {
      data = new Uint8Array(c.width * c.height * 4);
      gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, data);
    } else data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return { renderer: c.dataset.renderer, mode: c.dataset.mode ?? "dots", dots: Number(c.dataset.dots), inked };
  }, day);
}
