// Browser end-to-end: the Export dialog, driven as a reader would (the
// toolbar's button and the E key, controls found by their accessible
// names), and the files it downloads read back: the PNG against a
// screenshot of the same view, its sizes at 1×, 2× and a chosen size, the
// SVG parsed with its date and attribution, and a short GIF's frames.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { openAtlas, guardWithShots } from "../browser.mjs";
import { crop, decodePng, differingPixels, readGif } from "../images.mjs";

let atlas;
let page;
let info;
const guard = guardWithShots("export", () => page);
const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

before(async () => {
  atlas = await openAtlas();
  page = atlas.page;
  info = await (await fetch(`${atlas.server.url}/api/info`)).json();
  // The view at rest: no pulse or fade on screen, as in the export.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.evaluate(async (d) => {
    const f = window.faultlines;
    const drawn = f.nextDraw();
    f.timeline.setDay(d);
    await drawn;
  }, day("2022-10-12"));
  await page.waitForTimeout(300);
});

after(async () => {
  await atlas?.close();
});

/** Open the dialog, make the choices, press Export and read the file it downloads. */
async function download(choose) {
  const dialog = page.getByRole("dialog", { name: "Export the view" });
  if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Export…" }).click();
  await dialog.waitFor();
  await choose(dialog);
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 120000 }), dialog.getByRole("button", { name: "Export", exact: true }).click()]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

const close = async () => {
  const dialog = page.getByRole("dialog", { name: "Export the view" });
  if (await dialog.isVisible()) await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
};

describe("exporting the view", () => {
  let svgDoc;

  it("opens from the keyboard, names every control, and gives focus back on Escape", () =>
    guard("dialog", async () => {
      await page.locator("body").focus();
      await page.keyboard.press("e");
      const dialog = page.getByRole("dialog", { name: "Export the view" });
      await dialog.waitFor();
      for (const name of ["Image", "Animation", "PNG of a chosen size", "SVG (vector, for editing)"]) assert.equal(await dialog.getByRole("radio", { name }).count(), 1, name);
      await dialog.getByRole("radio", { name: "Animation" }).check();
      for (const name of ["From", "To"]) assert.equal(await dialog.getByLabel(name, { exact: true }).count(), 1, name);
      for (const name of ["Frames a second", "Duration (seconds)"]) assert.equal(await dialog.getByRole("spinbutton", { name }).count(), 1, name);
      const formats = await dialog.getByRole("combobox", { name: "Format" }).locator("option").allTextContents();
      const offered = (await (await fetch(`${atlas.server.url}/api/export/formats`)).json()).animation;
      assert.equal(formats.length, offered.length, `the formats the core offers: ${offered}`);
      assert.ok(formats[0].startsWith("GIF"));
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      await page.getByRole("button", { name: "Export…" }).click();
      await dialog.waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      assert.equal(await page.evaluate(() => document.activeElement?.id), "export", "focus back on the toolbar's button");
    }));

  it("finds no accessibility violation in the dialog, for an image or an animation", () =>
    guard("axe", async () => {
      await page.evaluate(fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"));
      await page.getByRole("button", { name: "Export…" }).click();
      const dialog = page.getByRole("dialog", { name: "Export the view" });
      await dialog.waitFor();
      const axe = () => page.evaluate(async () => {
        const r = await window.axe.run(document.querySelector("dialog[open]"), { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
      });
      assert.deepEqual(await axe(), []);
      await dialog.getByRole("radio", { name: "Animation" }).check();
      assert.deepEqual(await axe(), []);
      await dialog.getByRole("radio", { name: "Image" }).check();
      await close();
    }));

  it("writes an SVG that parses, with the date and the attribution drawn in", () =>
    guard("svg", async () => {
      const { name, bytes } = await download(async (d) => {
        await d.getByRole("radio", { name: "Image" }).check();
        await d.getByRole("radio", { name: "SVG (vector, for editing)" }).check();
      });
      assert.equal(name, "faultlines-2022-10-12.svg");
      const text = bytes.toString("utf8");
      svgDoc = await page.evaluate((t) => {
        const doc = new window.DOMParser().parseFromString(t, "image/svg+xml");
        const root = doc.documentElement;
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          root: root.localName,
          box: root.getAttribute("data-map-box"),
          width: Number(root.getAttribute("width")),
          height: Number(root.getAttribute("height")),
          date: doc.querySelector("[data-role=date]")?.textContent,
          attribution: [...doc.querySelectorAll("[data-role=attribution]")].map((e) => e.textContent).join(" "),
          paths: doc.querySelectorAll("path").length,
          labels: [...doc.querySelectorAll("text")].map((e) => e.textContent),
        };
      }, text);
      assert.equal(svgDoc.error, null);
      assert.equal(svgDoc.root, "svg");
      assert.equal(svgDoc.date, await page.locator(".tl-date-text").textContent(), "the date as the slider says it");
      assert.match(svgDoc.date, /2022/);
      assert.equal(svgDoc.attribution, info.attribution);
      assert.ok(svgDoc.paths > 100, `${svgDoc.paths} paths`);
      assert.ok(svgDoc.labels.includes("Kazakhstan") || svgDoc.labels.includes("KAZAKHSTAN"), "the map's labels are in it");
      assert.ok(!text.includes("var(--") && !text.includes("color-mix"), "styles are resolved to plain SVG");
    }));

  it("writes a PNG whose map is the screen's map, pixel for pixel but for anti-aliasing", () =>
    guard("fidelity", async () => {
      const { bytes } = await download(async (d) => {
        await d.getByRole("radio", { name: /^PNG as on screen/ }).check();
      });
      const png = decodePng(bytes);
      assert.deepEqual([png.width, png.height], [svgDoc.width, svgDoc.height], "1×: the document's size");
      await page.getByRole("dialog", { name: "Export the view" }).waitFor();
      await close();
      // The screen's map without the page's controls over it (they are not part of the view).
      await page.addStyleTag({ content: ".map-controls, .legend, .tooltip, .map-borders { visibility: hidden !important; }" });
      const [x, y, w, h] = svgDoc.box.split(" ").map(Number);
      const box = await page.locator("#map").boundingBox();
      assert.deepEqual([w, h], [Math.round(box.width), Math.round(box.height)], "the map's box is the screen's map size");
      const shotBytes = await page.screenshot({ clip: { x: box.x, y: box.y, width: w, height: h } });
      const shot = decodePng(shotBytes);
      if (process.env.EXPORT_DEBUG) {
        fs.writeFileSync("../test-results/export-shot.png", shotBytes);
        fs.writeFileSync("../test-results/export-png.png", bytes);
      }
      const diff = differingPixels(crop(png, x, y, w, h), shot);
      const share = diff / (w * h);
      console.log(`fidelity: ${diff} of ${w * h} pixels differ beyond anti-aliasing (${(100 * share).toFixed(3)}%)`);
      assert.ok(share <= 0.01, `${(100 * share).toFixed(2)}% of the pixels differ`);
      await page.addStyleTag({ content: ".map-controls, .legend { visibility: visible !important; }" });
    }));

  it("writes a PNG twice as large at 2×, and at exactly a chosen size", () =>
    guard("sizes", async () => {
      const two = decodePng((await download(async (d) => d.getByRole("radio", { name: /^PNG twice as sharp/ }).check())).bytes);
      assert.deepEqual([two.width, two.height], [2 * svgDoc.width, 2 * svgDoc.height]);
      const custom = decodePng(
        (await download(async (d) => {
          await d.getByRole("radio", { name: "PNG of a chosen size" }).check();
          await d.getByRole("spinbutton", { name: "Width (px)" }).fill("640");
          await d.getByRole("spinbutton", { name: "Height (px)" }).fill("480");
        })).bytes,
      );
      assert.deepEqual([custom.width, custom.height], [640, 480]);
      await close();
    }));

  it("writes a short GIF of a time range, with a frame for each step, and says it was downloaded", () =>
    guard("gif", async () => {
      const { name, bytes } = await download(async (d) => {
        await d.getByRole("radio", { name: "Animation" }).check();
        await d.getByLabel("From", { exact: true }).fill("2022-01-01");
        await d.getByLabel("To", { exact: true }).fill("2022-12-31");
        await d.getByRole("spinbutton", { name: "Frames a second" }).fill("2");
        await d.getByRole("spinbutton", { name: "Duration (seconds)" }).fill("2");
        await d.getByRole("spinbutton", { name: "Width (px)" }).fill("320");
        await d.getByRole("spinbutton", { name: "Height (px)" }).fill("200");
        await d.getByRole("combobox", { name: "Format" }).selectOption("gif");
      });
      assert.equal(name, "faultlines-2022-01-01-2022-12-31.gif");
      const gif = readGif(bytes);
      assert.deepEqual([gif.width, gif.height], [320, 200]);
      assert.equal(gif.frames.length, 4, "2 s at 2 frames a second");
      assert.deepEqual(gif.frames.map((f) => f.delay), [50, 50, 50, 50]);
      assert.deepEqual(gif.frames[0], { left: 0, top: 0, width: 320, height: 200, delay: 50 });
      const status = page.getByRole("dialog", { name: "Export the view" }).getByRole("status");
      assert.match(await status.textContent(), /^Downloaded faultlines-2022-01-01-2022-12-31\.gif$/);
      assert.equal(await page.evaluate(() => window.faultlines.timeline.day), day("2022-10-12"), "the slider returns to its date");
      await close();
      assert.deepEqual(page.errors, []);
    }));

  it("refuses a picture over the limits with the coded error", () =>
    guard("limits", async () => {
      const r = await fetch(`${atlas.server.url}/api/export/png?width=100000&height=10`, { method: "POST", headers: { "content-type": "image/svg+xml" }, body: "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>" });
      assert.equal(r.status, 413);
      assert.equal((await r.json()).code, "too_large");
      const plain = await fetch(`${atlas.server.url}/api/export/png?width=10&height=10`, { method: "POST", headers: { "content-type": "text/plain" }, body: "<svg/>" });
      assert.equal(plain.status, 400, "a body must say it is SVG");
    }));
});
