// Screenshots of the Russian interface for the docs, taken from the real UI
// in headless Chromium whose language is ru-RU, at 1280×800: the story in
// January 2022 with its legend open, and Tajikistan's excerpts in September 2022.
// Usage: node scripts/screenshots-ru.mjs [outdir]   (needs ui/dist and the faultlines binary)
import path from "node:path";
import { root, startServer } from "../e2e/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const out = process.argv[2] ?? path.join(root, "docs", "img");
const server = await startServer();
const b = await launch({ locale: "ru-RU" });
const page = await b.context.newPage();
await page.goto(server.url);
await page.locator("html[data-ready=true]").waitFor({ timeout: 20000 });

const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
async function view(iso, { from, to, center, zoom }) {
  await page.evaluate(
    ({ d, from, to, center, zoom }) => {
      const f = window.faultlines;
      f.timeline.setWindow(from, to);
      f.timeline.setDay(d);
      f.map.centerOn(center, zoom);
    },
    { d: day(iso), from: day(from), to: day(to), center, zoom },
  );
  await page.waitForTimeout(900);
}

await view("2022-01-09", { from: "2021-06-01", to: "2022-06-30", center: [58, 45], zoom: 1.1 });
await page.screenshot({ path: path.join(out, "ru-app.png") });
await page.getByText("Легенда").click();
await page.waitForTimeout(500);
await page.screenshot({ path: path.join(out, "ru-legend.png") });
await page.getByText("Легенда").click();

await view("2022-09-16", { from: "2021-01-01", to: "2023-12-31", center: [70, 39.5], zoom: 2.4 });
await page.getByRole("button", { name: "Таджикистан", exact: true }).click();
await page.waitForTimeout(900);
await page.screenshot({ path: path.join(out, "ru-panel-tajikistan.png") });

await b.close();
server.stop();
console.log(`screenshots written to ${out}`);
