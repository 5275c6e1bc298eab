/**
 * The reading side of the app: the excerpts panel of the selected region,
 * the article's reading view and search. Selecting a region (on the map, in
 * search, in the article) shows its excerpts and, with the article open,
 * marks them there.
 */
import { datasetWords } from "../i18n/data";
import type { DatasetInfo, Region, SearchHit } from "../api/bindings";
import type { Backend } from "../api/client";
import type { AtlasMap } from "../map/map";
import type { ExcerptShare } from "../panel/excerpt-item";
import { ExcerptsPanel } from "../panel/panel";
import { Reader } from "../panel/reader";
import { SearchBox } from "../panel/search";
import type { Selection } from "../selection";
import type { StateFeed } from "../timeline/feed";
import type { Timeline } from "../timeline/timeline";
import { byId, notify } from "./page";

export interface ReadingParts {
  backend: Backend;
  map: AtlasMap;
  timeline: Timeline;
  selection: Selection;
  regionById: Map<string, Region>;
  feed: StateFeed;
  /** The story's info, read once at start: its words in other languages name the reading view's note on how excerpts were linked. */
  info: DatasetInfo;
  /** Each excerpt's Cite and Copy link. */
  share?: ExcerptShare;
}

export interface Reading {
  panel: ExcerptsPanel;
  search: SearchBox;
  /** Select a region; `focus` moves the keyboard to the panel, else the map reveals it. */
  select(id: string | null, focus?: boolean): void;
  /** Open the reading view at an excerpt's sentence. */
  openAt(excerptId: string): Promise<void>;
  /** The excerpt current in the open reading view, if any. */
  readonly excerpt: string | null;
  /** Call `fn` when that changes (an excerpt read, the article opened or closed). */
  onExcerpt(fn: () => void): void;
}

/** Mark the regions an excerpt mentions, and the event it is about. */
function highlighter(map: AtlasMap): (ids: string[], eventId: string | null) => void {
  return (ids, eventId) => {
    map.setRegionData("mention", new Map(ids.map((id) => [id, "yes"])));
    map.overlay.querySelectorAll(".sym-event.focus").forEach((n) => n.classList.remove("focus"));
    if (eventId) map.overlay.querySelector(`[data-event="${CSS.escape(eventId)}"]`)?.classList.add("focus");
  };
}

/** The panel, the reader and search in their slots; returns them and how to select. */
export function mountReading(p: ReadingParts): Reading {
  const { backend, map, timeline, selection, regionById, feed } = p;
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((fn) => fn());
  const reader = new Reader(
    () => backend.article(),
    (id) => select(id, false),
    (english) => datasetWords({ ...p.info, article: { linking_note: english } }).linking_note,
  );
  const panel = new ExcerptsPanel({
    backend,
    // The region's name of the slider's date, in the language of the map's names.
    regionName: (id) => map.displayName(id),
    versionOf: (id) => map.versionOf(id),
    goToDay: (d, precision) => timeline.setDay(d, precision),
    highlight: highlighter(map),
    focusMap: (id) => map.focusRegion(id),
    currentDay: () => timeline.day,
    currentState: () => feed.latest,
    inDesktop: backend.transport === "tauri",
    notify,
    onExcerpt: (id) => {
      reader.showCurrent(id);
      changed();
    },
    share: p.share,
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
  const readButton = bindReadButton(backend, reader, selection, changed);

  const search = new SearchBox(
    backend,
    (hit: SearchHit) => {
      if (hit.day !== null && hit.kind !== "region") timeline.setDay(hit.day);
      if (hit.region) select(hit.region, true);
    },
    (id) => map.displayName(id),
  );
  byId("search-slot").replaceWith(search.root);
  const openAt = async (excerptId: string) => {
    await reader.openAt(excerptId);
    readButton.setAttribute("aria-expanded", "true");
    document.body.classList.add("reading");
    changed();
  };
  return {
    panel,
    search,
    select,
    openAt,
    get excerpt() {
      return reader.open ? reader.current : null;
    },
    onExcerpt: (fn) => listeners.push(fn),
  };
}

/** The "Read" button opens and closes the article, marking the selected region's excerpts. */
function bindReadButton(backend: Backend, reader: Reader, selection: Selection, changed: () => void): HTMLButtonElement {
  const readButton = byId<HTMLButtonElement>("read");
  readButton.addEventListener("click", async () => {
    await reader.toggle();
    changed();
    readButton.setAttribute("aria-expanded", String(reader.open));
    document.body.classList.toggle("reading", reader.open);
    if (reader.open && selection.value) reader.showRegion((await backend.excerptsForRegion(selection.value)).excerpts.map((x) => x.excerpt.id));
  });
  return readButton;
}
