import { startServer } from "../e2e/serve.mjs";
import { launch } from "../e2e/browser.mjs";
const data = process.argv[2];
const server = await startServer(data ? ["--data", data] : []);
const browser = await launch();
const page = await browser.context.newPage();
await page.goto(server.url);
await page.locator("html[data-ready=true]").waitFor({ timeout: 120000 });
await page.waitForTimeout(1500);
const r = await page.evaluate(async () => {
  const f = window.faultlines;
  const tl = f.timeline;
  const days = Array.from({ length: 400 }, (_, i) => Math.round(tl.min + ((tl.max - tl.min) * i) / 399));
  const out = {};
  const run = async (name, fn, layout = true) => {
    // each step in its own task, like input
    let total = 0;
    for (const d of days) {
      const t = performance.now();
      for (let k = 0; k < 1; k++) fn(d);
      if (layout) void document.body.offsetHeight;
      total += performance.now() - t;
      await new Promise((r) => requestAnimationFrame(r));
    }
    out[name] = (total / days.length).toFixed(3);
  };
  await run("nothing", () => {});
  await run("setDay+layout", (d) => tl.setDay(d));
  await run("setDay no layout", (d) => tl.setDay(d), false);
  await run("updateThumb only", (d) => { tl.current = d; tl.updateThumb(); });
  await run("renderLocal only", (d) => f.story.renderLocal(d, tl.kinds, ""));
  await run("renderLocal no layout", (d) => f.story.renderLocal(d, tl.kinds, ""), false);
  return out;
});
console.log(r);
await browser.close();
server.stop();
