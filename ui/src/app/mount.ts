/**
 * The map and the timeline put in the page as the reader left them: the
 * saved date, language, time window and filters are restored before the
 * rest of the app listens, so restoring them tells no one.
 */
import type { DatasetInfo, Region } from "../api/bindings";
import type { Backend } from "../api/client";
import type { UiState } from "../api/shell-bindings";
import { legend } from "../legend";
import { BordersNote } from "../map/borders-note";
import type { Framing } from "../map/framing";
import { AtlasMap, type NameLang } from "../map/map";
import type { Selection } from "../selection";
import { Timeline } from "../timeline/timeline";
import { locale } from "../i18n/i18n";
import { byId } from "./page";

export interface MountedMap {
  map: AtlasMap;
  note: BordersNote;
  /** The language of place names. */
  lang: HTMLSelectElement;
}

/** The map in #map, framed as the story asks, with its note of border changes, its language and the legend. */
export function mountMap(backend: Backend, regions: Region[], selection: Selection, day: number, saved: UiState | null, changed: () => void, framing?: Framing): MountedMap {
  const map = new AtlasMap({ backend, regions, selection, container: byId("map"), day, framing });
  const note = new BordersNote(byId("map"), map, day);
  const lang = byId<HTMLSelectElement>("lang");
  // Place names are the saved ones, else in the interface's language.
  const names: NameLang = saved?.lang === "ru" || saved?.lang === "en" ? saved.lang : locale();
  lang.value = names;
  map.setLanguage(names);
  lang.addEventListener("change", () => {
    map.setLanguage(lang.value as NameLang);
    changed();
  });
  byId("map").append(legend());
  return { map, note, lang };
}

/** The timeline in place of #timeline-slot, with the saved window and filters. */
export function mountTimeline(backend: Backend, info: DatasetInfo, day: number, saved: UiState | null): Timeline {
  const timeline = new Timeline(backend, info, day);
  byId("timeline-slot").replaceWith(timeline.root);
  if (saved?.window) timeline.setWindow(saved.window[0], saved.window[1]);
  if (saved?.kinds) timeline.setKinds(saved.kinds);
  if (saved?.org !== null && saved?.org !== undefined) timeline.setOrg(saved.org);
  if (saved?.actor) timeline.setActor(saved.actor);
  return timeline;
}
