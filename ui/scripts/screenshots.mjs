// Screenshots for the docs: four moments of the story, the borders of five
// dates, the excerpts panel and the reading view, taken from the real UI in headless Chromium.
// Usage: node scripts/screenshots.mjs [outdir]   (needs ui/dist and the faultlines binary)
import path from "node:path";
import { root, startServer } from "../e2e/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const out = process.argv[2] ?? path.join(root, "docs", "img");
const server = await startServer();
const b = await launch();
const page = await b.context.newPage();
await page.setViewportSize({ width: 1440, height: 900 });
await page.goto(server.url);
await page.locator("html[data-ready=true]").waitFor({ timeout: 20000 });

const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
async function moment(name, iso, { from, to, org = "csto", center, zoom, select = null }) {
  await page.evaluate(
    ({ d, from, to, org, center, zoom }) => {
      const f = window.faultlines;
      f.timeline.setOrg(org);
      f.timeline.setWindow(from, to);
      f.timeline.setDay(d);
      f.map.centerOn(center, zoom);
    },
    { d: day(iso), from: day(from), to: day(to), org, center, zoom },
  );
  if (select) await page.getByRole("button", { name: select, exact: true }).click();
  await page.waitForTimeout(900);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

await moment("moment-1968", "1968-08-27", { from: "1955-01-01", to: "1992-12-31", org: "warsaw-pact", center: [32, 49], zoom: 1.05 });
await moment("moment-2022-01", "2022-01-09", { from: "2021-06-01", to: "2022-06-30", center: [58, 45], zoom: 1.1 });
await moment("moment-2022-10", "2022-10-12", { from: "2022-06-01", to: "2023-03-31", center: [68, 41], zoom: 2.2 });
await moment("moment-2023-01", "2023-01-20", { from: "2022-09-01", to: "2023-12-31", center: [46, 40.5], zoom: 4.5 });
// Borders through time: the Caucasus at four dates, central Europe in 1970.
await moment("borders-caucasus-1985", "1985-06-01", { from: "1955-01-01", to: "1992-12-31", org: "warsaw-pact", center: [45.5, 40.6], zoom: 3.2 });
await moment("borders-caucasus-2000", "2000-06-01", { from: "1991-01-01", to: "2020-12-31", center: [45.5, 40.6], zoom: 3.2 });
await moment("borders-caucasus-2021", "2021-06-01", { from: "2020-01-01", to: "2023-12-31", center: [45.5, 40.6], zoom: 3.2 });
await moment("borders-caucasus-2024", "2024-06-01", { from: "2023-01-01", to: "2025-12-31", center: [45.5, 40.6], zoom: 3.2 });
await moment("borders-europe-1970", "1970-06-01", { from: "1955-01-01", to: "1992-12-31", org: "warsaw-pact", center: [19, 50], zoom: 2 });
await moment("panel-tajikistan", "2022-09-16", { from: "2021-01-01", to: "2023-12-31", center: [70, 39.5], zoom: 2.4, select: "Tajikistan" });
await page.getByRole("button", { name: "Read the article" }).click();
await page.getByRole("button", { name: "Lachin corridor", exact: true }).focus();
await page.keyboard.press("Enter");
await page.waitForTimeout(900);
await page.screenshot({ path: path.join(out, "reading-view.png") });
await b.close();
server.stop();
console.log(`screenshots written to ${out}`);
