/**
 * Remember the reader's place: the date, window, view, selection, filters,
 * theme, language and "follow" are saved a moment after each change (one
 * save for a burst of changes, such as a drag of the slider).
 */
import type { Backend } from "../api/client";
import type { AtlasMap } from "../map/map";
import { Quiet } from "../quiet";
import type { Selection } from "../selection";
import type { Timeline } from "../timeline/timeline";
import type { Follow } from "./follow";
import type { Language } from "./language";
import { showError } from "./page";

export interface SavedParts {
  backend: Backend;
  map: AtlasMap;
  timeline: Timeline;
  selection: Selection;
  lang: HTMLSelectElement;
  language: Language;
  follow: Follow;
}

/** Save after each change from now on; returns what asks for a save. */
export function keepSaving(p: SavedParts): () => void {
  const { backend, map, timeline, selection, lang, language, follow } = p;
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
        locale: language.saved,
        follow: follow.on,
      })
      .catch(showError);
  });
  const save = () => saving.poke();
  timeline.on("change", () => save());
  timeline.on("window", () => save());
  timeline.on("filter", () => save());
  selection.subscribe(() => save());
  map.onViewChange(() => save());
  return save;
}
