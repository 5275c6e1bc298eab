/**
 * Faultlines' web UI: connects to the core (Tauri IPC or HTTP), then builds
 * the map, the timeline, the excerpts panel, the reading view and search
 * around two shared values: the selected region and the slider's date.
 */
import "./styles.css";
import type { ActiveEvent, DatasetInfo, Region, RegionVersion, SearchHit, State } from "./api/bindings";
import { BackendError, connect, type Backend } from "./api/client";
import { dayToIso, formatDate, isoToDay } from "./format";
import { legend } from "./legend";
import { describeBorders } from "./map/borders";
import { AtlasMap, type NameLang } from "./map/map";
import { versionAt } from "./map/versions";
import { ExcerptsPanel } from "./panel/panel";
import { Reader } from "./panel/reader";
import { SearchBox } from "./panel/search";
import { Selection } from "./selection";
import { decodeColumns, LocalIndex } from "./timeline/columns";
import { describe } from "./timeline/status";
import { StateFeed } from "./timeline/feed";
import { Overviews } from "./timeline/overviews";
import { Quiet } from "./quiet";
import { StoryLayer } from "./timeline/story";
import { Timeline } from "./timeline/timeline";

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

/** Show an error from the core in words; the app keeps what it has. */
export function showError(e: unknown): void {
  const box = byId<HTMLDivElement>("error");
  const err = e instanceof BackendError ? e : null;
  box.textContent = err ? `${humanCode(err.code)}: ${err.message}` : `Something went wrong: ${String(e)}`;
  box.hidden = false;
  box.dataset.code = err?.code ?? "internal";
  setTimeout(() => (box.hidden = true), 8000);
}

function humanCode(code: BackendError["code"]): string {
  switch (code) {
    case "bad_date": return "That date could not be read";
    case "unknown_region": return "Unknown place";
    case "unknown_event": return "Unknown event";
    case "invalid_dataset": return "The dataset is invalid";
    case "too_large": return "Request too large";
    case "not_found": return "Not found";
    default: return "Error";
  }
}

/** How long the words for a change of borders stay on the map. */
const BORDERS_NOTE_MS = 8000;

let toastTimer = 0;
function notify(msg: string): void {
  const t = byId("toast");
  t.textContent = msg;
  t.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => t.classList.remove("show"), 3500);
}

function summary(info: DatasetInfo): string {
  const c = info.counts;
  return `${c.events} events · ${c.excerpts} excerpts · ${info.span.start.slice(0, 4)}–${info.span.end.slice(0, 4)}`;
}

function setupTheme(saved: string | null, changed: () => void): void {
  const button = byId<HTMLButtonElement>("theme");
  const dark = saved ? saved === "dark" : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
  const apply = (d: boolean) => {
    document.documentElement.dataset.theme = d ? "dark" : "light";
    button.setAttribute("aria-pressed", String(d));
  };
  apply(dark);
  button.addEventListener("click", () => {
    apply(document.documentElement.dataset.theme !== "dark");
    changed();
  });
}

/** Frame timings for the scripted scrubbing benchmark: input → painted frame, in ms. */
const frames: number[] = [];
/** Resolvers waiting for the next finished draw (for the benchmark). */
let drawWaiters: (() => void)[] = [];
const nextDraw = () => new Promise<void>((r) => drawWaiters.push(r));
/** A draw has finished: release what waits for it. */
function drawn(): void {
  const waiters = drawWaiters;
  drawWaiters = [];
  waiters.forEach((f) => f());
}

async function start(): Promise<void> {
  performance.mark("faultlines:start");
  let backend: Backend;
  try {
    backend = await connect();
  } catch (e) {
    showError(e);
    return;
  }
  document.documentElement.dataset.transport = backend.transport;
  const [info, regions, saved] = await Promise.all([backend.datasetInfo(), backend.regions(), backend.loadUiState().catch(() => null)]);
  let save: () => void = () => {};
  setupTheme(saved?.theme ?? null, () => save());
  byId("dataset-summary").textContent = summary(info);
  byId("dataset-summary").title = info.title;
  byId("attribution").textContent = info.attribution;
  const regionById = new Map(regions.map((r) => [r.id, r]));

  const selection = new Selection();
  const firstDay = saved?.day ?? isoToDay("2022-01-08");
  const map = new AtlasMap({ backend, regions, selection, container: byId("map"), day: firstDay });
  // The borders of the date, in words: what the last move changed.
  const bordersNote = document.createElement("div");
  bordersNote.className = "map-borders";
  bordersNote.setAttribute("role", "status");
  bordersNote.setAttribute("aria-live", "polite");
  bordersNote.id = "map-borders";
  byId("map").append(bordersNote);
  const lang = byId<HTMLSelectElement>("lang");
  if (saved?.lang === "ru" || saved?.lang === "en") {
    lang.value = saved.lang;
    map.setLanguage(saved.lang);
  }
  lang.addEventListener("change", () => {
    map.setLanguage(lang.value as NameLang);
    save();
  });
  byId("map").append(legend());

  const timeline = new Timeline(backend, info, firstDay);
  byId("timeline-slot").replaceWith(timeline.root);
  if (saved?.window) timeline.setWindow(saved.window[0], saved.window[1]);
  if (saved?.kinds) timeline.setKinds(saved.kinds);
  if (saved?.org !== null && saved?.org !== undefined) timeline.setOrg(saved.org);
  if (saved?.actor) timeline.setActor(saved.actor);
  const story = new StoryLayer(map, info);
  map.onProjectionChange(() => {
    story.reset();
    void feed.refresh(timeline.day);
  });

  let lastAnnounced = "";
  let lastAnnounceAt = 0;
  let seenStarting = new Set<string>();
  const follow = byId<HTMLInputElement>("follow");
  follow.checked = saved?.follow ?? false;
  follow.addEventListener("change", () => save());

  const announce = (shown: ActiveEvent[]) => {
    const text = describe(shown);
    const now = performance.now();
    if (text === lastAnnounced) return;
    // While playing, speak at most every 1.5 s so a screen reader can keep up.
    if (timeline.isPlaying && now - lastAnnounceAt < 1500) return;
    lastAnnounced = text;
    lastAnnounceAt = now;
    timeline.status.textContent = text;
  };

  const draw = (st: State, inputAt: number) => {
    const shown = story.render(st, timeline.kinds, timeline.org, timeline.actor);
    announce(shown);
    panel.onDay();
    if (follow.checked) {
      const fresh = shown.filter((e) => e.phase === "starting" && !seenStarting.has(e.id));
      const target = fresh[0];
      if (target) {
        const g = target.geometry;
        const p = g.type === "Point" ? g.coordinates : g.type === "LineString" || g.type === "MultiPoint" ? g.coordinates[g.coordinates.length - 1] : g.type === "MultiLineString" ? g.coordinates[0]?.at(-1) : undefined;
        if (p) map.glideTo(p as [number, number], Math.max(map.zoom, 2));
      }
      seenStarting = new Set(shown.filter((e) => e.phase === "starting").map((e) => e.id));
    }
    drawn();
    requestAnimationFrame(() => {
      frames.push(performance.now() - inputAt);
      if (frames.length > 5000) frames.shift();
    });
  };

  // While the slider moves, the local index answers at once; the core's
  // answer follows with the details (coalesced: only the latest date is asked).
  let overviews: Overviews | null = null;
  const followLocally = (day: number): boolean => {
    if (!story.renderLocal(day, timeline.kinds, timeline.actor)) return false;
    if (overviews) story.renderOverview(overviews.at(day), timeline.org);
    drawn();
    return true;
  };
  void backend
    .columns()
    .then((buf) => story.setLocal(new LocalIndex(decodeColumns(buf))))
    .catch(() => undefined); // without it, the map simply waits for the core
  void backend
    .overviews()
    .then((states) => (overviews = new Overviews(states)))
    .catch(() => undefined); // without them, the core is asked for each move's memberships

  const feed = new StateFeed({
    fetch: (day, events) => backend.stateAt(dayToIso(day), events),
    full: draw,
    overview: (st) => story.renderOverview(st, timeline.org),
    playing: () => timeline.isPlaying,
    onError: showError,
    // While the slider is dragged, the membership map changes without fading:
    // fades of dozens of countries at every step would repaint the whole map.
    // The status line speaks of the last full state: dimmed until the slider rests.
    moving: (m) => {
      byId("map").classList.toggle("moving", m);
      timeline.status.classList.toggle("stale", m);
      if (!m) settleBorders();
    },
  });
  // Border changes are told as they happen when the date steps or plays; while
  // the slider is dragged they are summed up once it rests (from where the drag began).
  let bordersDay = firstDay;
  let pending: { from: number; regions: Map<string, Region> } | null = null;
  // The words stay a few seconds, then go: a sentence about one move must not
  // stand on the map at a later date it does not describe.
  let bordersTimer = 0;
  const tellBorders = (changes: { from: RegionVersion | null; to: RegionVersion | null }[], from: number, to: number) => {
    const text = describeBorders(changes, to >= from, to);
    if (!text) return;
    bordersNote.textContent = text;
    clearTimeout(bordersTimer);
    bordersTimer = window.setTimeout(() => (bordersNote.textContent = ""), BORDERS_NOTE_MS);
  };
  const settleBorders = () => {
    map.settle();
    if (!pending) return;
    const { from, regions } = pending;
    pending = null;
    const net = [...regions.values()]
      .map((r) => ({ from: versionAt(r.versions, from), to: map.versionOf(r.id) }))
      .filter((c) => c.from !== c.to);
    tellBorders(net, from, timeline.day);
  };
  timeline.on("change", (d) => {
    const changes = map.setDay(d);
    if (changes.length) {
      if (map.moving) {
        pending ??= { from: bordersDay, regions: new Map() };
        for (const c of changes) pending.regions.set(c.region.id, c.region);
      } else {
        tellBorders(changes, bordersDay, d);
      }
      if (selection.value && changes.some((c) => c.region.id === selection.value)) panel.onDay();
    }
    bordersDay = d;
    feed.moved(d, followLocally(d), overviews !== null);
  });
  timeline.on("filter", () => feed.latest && draw(feed.latest, performance.now()));

  const highlight = (ids: string[], eventId: string | null) => {
    map.setRegionData("mention", new Map(ids.map((id) => [id, "yes"])));
    map.overlay.querySelectorAll(".sym-event.focus").forEach((n) => n.classList.remove("focus"));
    if (eventId) map.overlay.querySelector(`[data-event="${CSS.escape(eventId)}"]`)?.classList.add("focus");
  };

  const reader = new Reader(() => backend.article(), (id) => select(id, false));
  const panel = new ExcerptsPanel({
    backend,
    regionName: (id) => map.versionOf(id)?.name_en ?? regionById.get(id)?.name_en ?? id,
    versionOf: (id) => map.versionOf(id),
    goToDay: (d, precision) => timeline.setDay(d, precision),
    highlight,
    focusMap: (id) => map.focusRegion(id),
    currentDay: () => timeline.day,
    currentState: () => feed.latest,
    inDesktop: backend.transport === "tauri",
    notify,
    onExcerpt: (id) => reader.showCurrent(id),
  });
  byId("panel-slot").replaceWith(panel.root);
  byId("reader-slot").replaceWith(reader.root);

  const select = (id: string | null, focus = true) => {
    selection.set(id);
    if (id) {
      const r = regionById.get(id);
      if (r && !focus) map.revealBBox(r.bbox);
    }
    void panel.show(id, focus).then(async () => {
      if (id && reader.open) {
        const d = await backend.excerptsForRegion(id);
        reader.showRegion(d.excerpts.map((x) => x.excerpt.id));
      }
    });
  };
  selection.subscribe((id) => {
    if (id !== panel.regionId) void panel.show(id, true).then(async () => {
      if (id && reader.open) reader.showRegion((await backend.excerptsForRegion(id)).excerpts.map((x) => x.excerpt.id));
    });
  });

  const readButton = byId<HTMLButtonElement>("read");
  readButton.addEventListener("click", async () => {
    await reader.toggle();
    readButton.setAttribute("aria-expanded", String(reader.open));
    document.body.classList.toggle("reading", reader.open);
    if (reader.open && selection.value) reader.showRegion((await backend.excerptsForRegion(selection.value)).excerpts.map((x) => x.excerpt.id));
  });

  const search = new SearchBox(backend, (hit: SearchHit) => {
    if (hit.day !== null && hit.kind !== "region") timeline.setDay(hit.day);
    if (hit.region) select(hit.region, true);
  });
  byId("search-slot").replaceWith(search.root);

  await map.ready;
  void backend.startupReport(map.firstMapEpochMs).catch(() => undefined);
  if (saved?.center && saved.zoom) map.centerOn(saved.center as [number, number], saved.zoom);
  if (saved?.selected && regionById.has(saved.selected)) select(saved.selected, false);
  await feed.refresh(timeline.day);
  // The first state is drawn before the app says it is ready.
  feed.flush();

  // Remember the reader's place: saved a moment after each change.
  const saving = new Quiet(400, () => {
    const v = map.view;
    const kinds = timeline.kinds;
    void backend
      .saveUiState({
        day: timeline.day,
        window: timeline.window,
        center: v?.center ?? null,
        zoom: v?.zoom ?? null,
        selected: selection.value,
        kinds: kinds.length === 11 ? null : kinds,
        org: timeline.org,
        actor: timeline.actor || null,
        theme: document.documentElement.dataset.theme ?? null,
        lang: lang.value,
        follow: follow.checked,
      })
      .catch(showError);
  });
  save = () => saving.poke();
  timeline.on("change", () => save());
  timeline.on("window", () => save());
  timeline.on("filter", () => save());
  selection.subscribe(() => save());
  map.onViewChange(() => save());
  (window as unknown as { faultlines: unknown }).faultlines = { backend, map, selection, info, timeline, frames, story, nextDraw };
  document.documentElement.dataset.ready = "true";
  // Shortcuts: "/" focuses search; "t" the timeline.
  document.addEventListener("keydown", (e) => {
    const typing = (e.target as HTMLElement).closest("input, select, textarea, [role=slider]");
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "/") {
      e.preventDefault();
      search.input.focus();
    } else if (e.key === "t") {
      timeline.thumb.focus();
    }
  });
  void formatDate;
}

start().catch(showError);
