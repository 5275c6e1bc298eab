/**
 * Faultlines' web UI: connects to the core (Tauri IPC or HTTP), then builds
 * the map, the timeline, the excerpts panel, the reading view and search
 * around two shared values: the selected region and the slider's date.
 *
 * `start` only says the order of the steps; each step lives in `app/`. The
 * order matters: what is restored from the saved state comes before the
 * listeners that would save it again, and the app says it is ready only once
 * the first state is drawn.
 */
import "./styles.css";
import { connect, type Backend } from "./api/client";
import { connectShell, shellLanguages } from "./api/shell";
import { isoToDay } from "./format";
import { Follow } from "./app/follow";
import { frameStory, savedCenterFits } from "./app/framing";
import { frames, nextDraw } from "./app/frames";
import { mountMap, mountTimeline } from "./app/mount";
import { byId, showDataset, showError } from "./app/page";
import { mountReading } from "./app/reading";
import { keepSaving } from "./app/saving";
import { bindShortcuts } from "./app/shortcuts";
import { wireStory } from "./app/story-feed";
import { Stories } from "./app/stories";
import { setupTheme } from "./app/theme";
import { shareHooks } from "./share/mount";
import { ExportDialog } from "./export/dialog";
import { Language } from "./app/language";
import { pickLocale, setLocale, systemLanguages } from "./i18n/i18n";
import { Selection } from "./selection";
import { StoryLayer } from "./timeline/story";

export { showError } from "./app/page";

async function start(): Promise<void> {
  performance.mark("faultlines:start");
  // The system's language until the saved choice is read, so even a failure to connect is said in it.
  setLocale(pickLocale(systemLanguages()));
  let backend: Backend;
  try {
    backend = await connect();
  } catch (e) {
    showError(e);
    return;
  }
  document.documentElement.dataset.transport = backend.transport;
  const [info, regions, saved, system] = await Promise.all([
    backend.datasetInfo(),
    backend.regions(),
    backend.loadUiState().catch(() => null),
    shellLanguages(backend.transport),
  ]);
  // Nothing is saved until the saved state is restored and the first state drawn.
  let save: () => void = () => {};
  const changed = () => save();
  const language = new Language(saved?.locale, system);
  setupTheme(saved?.theme ?? null, changed);
  showDataset(info);
  const regionById = new Map(regions.map((r) => [r.id, r]));

  const selection = new Selection();
  const firstDay = saved?.day ?? isoToDay("2022-01-08");
  const framing = frameStory(info);
  const { map, note, lang } = mountMap(backend, regions, selection, firstDay, saved, changed, framing);

  const timeline = mountTimeline(backend, info, firstDay, saved);
  const story = new StoryLayer(map, info);
  map.onProjectionChange(() => {
    story.reset();
    void feed.refresh(timeline.day);
  });
  const follow = new Follow(byId<HTMLInputElement>("follow"), map, saved?.follow ?? false, changed);
  const feed = wireStory({ backend, map, timeline, story, selection, note, follow, panel: () => reading.panel });
  const share = shareHooks();
  const reading = mountReading({ backend, map, timeline, selection, regionById, feed, info, share: share.hooks });
  // A switch of language names the places in it too, and draws the story's words again.
  language.listen((l) => {
    lang.value = l;
    map.setLanguage(l);
    story.reset();
    void feed.refresh(timeline.day);
    changed();
  });

  await map.ready;
  void backend.startupReport(map.firstMapEpochMs).catch(() => undefined);
  if (saved?.center && saved.zoom && savedCenterFits(framing, saved.center as [number, number])) map.centerOn(saved.center as [number, number], saved.zoom);
  if (saved?.selected && regionById.has(saved.selected)) reading.select(saved.selected, false);
  // A link to a view (the page's fragment) is shown over the saved place.
  const sharing = share.mount({ backend, info, map, timeline, selection, reading });
  reading.onExcerpt(() => sharing.changed());
  if (backend.transport === "http" && location.hash.length > 1) await sharing.open(location.hash).catch(showError);
  await feed.refresh(timeline.day);
  // The first state is drawn before the app says it is ready.
  feed.flush();

  save = keepSaving({ backend, map, timeline, selection, lang, language, follow });
  (window as unknown as { faultlines: unknown }).faultlines = { backend, map, selection, info, timeline, frames, story, nextDraw };
  if (backend.transport === "http") sharing.follow();
  document.documentElement.dataset.ready = "true";
  const exporter = new ExportDialog({ backend, map, story, timeline, info, nextDraw });
  const exportView = () => void exporter.open().catch(showError);
  byId("export").addEventListener("click", exportView);
  bindShortcuts(reading.search.input, timeline.thumb, exportView);
  // The reader's own stories (desktop only): after the first state, so a
  // file passed at launch is imported over a working app.
  const shell = await connectShell(backend.transport);
  if (shell) await new Stories(shell).start((url) => void sharing.open(url).catch(showError));
}

start().catch(showError);
