/**
 * The exports themselves, apart from their dialog: a picture of the view
 * (SVG: the composed document; PNG: that document drawn by the core at the
 * size asked), and an animation of a time range, whose frames are the app's
 * own view at successive dates: for each, the slider is set to the date,
 * the app draws it as it would for the reader, and the view is composed
 * and handed to the core, which draws and encodes it while the next frame
 * is composed. The map is marked `.exporting` meanwhile, so that no pulse,
 * fade or transition is caught half-way.
 */
import type { AnimationParams, DatasetInfo, ExportFormat } from "../api/bindings";
import { BackendError, type Backend } from "../api/client";
import { dayToIso } from "../format";
import type { AtlasMap } from "../map/map";
import type { StoryLayer } from "../timeline/story";
import type { Timeline } from "../timeline/timeline";
import { composeView, type Composed } from "./compose";

/** What the exports read of the app. */
export interface ExportApp {
  backend: Backend;
  map: AtlasMap;
  story: StoryLayer;
  timeline: Timeline;
  info: DatasetInfo;
  /** A promise for the next finished draw of the story (`app/frames.ts`). */
  nextDraw: () => Promise<void>;
}

export interface ExportFile {
  name: string;
  mime: string;
  bytes: ArrayBuffer;
}

const container = (app: ExportApp) => app.map.svg.parentElement as HTMLElement;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** The view composed now, at rest, centred on a page of `aspect` when given. */
export async function composeNow(app: ExportApp, aspect?: number): Promise<Composed> {
  const c = container(app);
  const was = c.classList.contains("exporting");
  c.classList.add("exporting");
  try {
    await frame();
    return compose(app, aspect);
  } finally {
    if (!was) c.classList.remove("exporting");
  }
}

function compose(app: ExportApp, aspect?: number): Composed {
  const c = container(app);
  return composeView({
    container: c,
    marks: app.story.eventMarks(),
    title: app.info.title,
    date: app.timeline.root.querySelector(".tl-date-text")?.textContent ?? dayToIso(app.timeline.day),
    attribution: app.info.attribution,
    legend: c.querySelector(".legend"),
  }, aspect);
}

export type ImageChoice = { kind: "svg" } | { kind: "png"; scale: number } | { kind: "png"; width: number; height: number };

/** The view as an SVG or PNG file. */
export async function exportImage(app: ExportApp, choice: ImageChoice): Promise<ExportFile> {
  const base = `faultlines-${dayToIso(app.timeline.day)}`;
  const custom = choice.kind === "png" && "width" in choice ? choice : null;
  const doc = await composeNow(app, custom ? custom.width / custom.height : undefined);
  if (choice.kind === "svg") return { name: `${base}.svg`, mime: "image/svg+xml", bytes: new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${doc.svg}`).buffer as ArrayBuffer };
  const [w, h] = custom ? [custom.width, custom.height] : [Math.round(doc.width * (choice as { scale: number }).scale), Math.round(doc.height * (choice as { scale: number }).scale)];
  return { name: `${base}.png`, mime: "image/png", bytes: await app.backend.renderPng(doc.svg, w, h) };
}

export interface AnimationChoice {
  from: number;
  to: number;
  fps: number;
  seconds: number;
  width: number;
  height: number;
  format: ExportFormat;
}

/** The days of the frames: `n` from `from` to `to`, evenly. */
export function frameDays(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(n === 1 ? from : from + ((to - from) * i) / (n - 1)));
}

/** Set the slider to `day` and wait until the app has drawn it (and placed its labels). */
async function showDay(app: ExportApp, day: number): Promise<void> {
  if (app.timeline.day !== day) {
    const drawn = app.nextDraw();
    app.timeline.setDay(day);
    await Promise.race([drawn, new Promise((r) => setTimeout(r, 5000))]);
  }
  await frame();
}

/**
 * The animation of a time range. `progress(done, total)` after each frame;
 * `signal` cancels (the core drops what it made). The slider returns to its
 * day at the end.
 */
export async function exportAnimation(app: ExportApp, a: AnimationChoice, progress: (done: number, total: number) => void, signal: AbortSignal): Promise<ExportFile> {
  const n = Math.max(1, Math.round(a.fps * a.seconds));
  const params: AnimationParams = { format: a.format, width: a.width, height: a.height, fps: a.fps, frames: n };
  const c = container(app);
  const day = app.timeline.day;
  app.timeline.pause();
  const id = await app.backend.startAnimation(params);
  c.classList.add("exporting");
  let pending: Promise<number> | null = null;
  try {
    for (const [i, d] of frameDays(a.from, a.to, n).entries()) {
      if (signal.aborted) throw new BackendError({ code: "cancelled", message: "the export was cancelled", details: null });
      let t = performance.now();
      await showDay(app, d);
      performance.measure("faultlines:export-draw", { start: t });
      t = performance.now();
      const doc = compose(app, a.width / a.height);
      performance.measure("faultlines:export-compose", { start: t });
      // One frame in the core's hands at a time beyond its own queue: the next is composed meanwhile.
      t = performance.now();
      if (pending) await pending;
      performance.measure("faultlines:export-wait", { start: t });
      pending = app.backend.addFrame(id, doc.svg);
      progress(i + 1, n);
    }
    await pending;
    if (signal.aborted) throw new BackendError({ code: "cancelled", message: "the export was cancelled", details: null });
    const bytes = await app.backend.finishAnimation(id);
    const mime = a.format === "gif" ? "image/gif" : `video/${a.format}`;
    return { name: `faultlines-${dayToIso(a.from)}-${dayToIso(a.to)}.${a.format}`, mime, bytes };
  } catch (e) {
    await pending?.catch(() => undefined);
    await app.backend.cancelAnimation(id).catch(() => undefined);
    throw e;
  } finally {
    c.classList.remove("exporting");
    app.timeline.setDay(day);
  }
}
