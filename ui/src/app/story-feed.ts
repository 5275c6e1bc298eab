/**
 * The story's way from the slider to the map: each move of the date shows
 * the borders in force, tells their change, answers from the local copy at
 * once and asks the core (coalesced: only the latest date is asked); each
 * full state is drawn, spoken and followed.
 */
import type { State } from "../api/bindings";
import type { Backend } from "../api/client";
import { dayToIso } from "../format";
import type { BordersNote } from "../map/borders-note";
import type { AtlasMap } from "../map/map";
import type { ExcerptsPanel } from "../panel/panel";
import type { Selection } from "../selection";
import { StateFeed } from "../timeline/feed";
import type { StoryLayer } from "../timeline/story";
import type { Timeline } from "../timeline/timeline";
import { Announcer } from "./announce";
import type { Follow } from "./follow";
import { drawn, timeFrame } from "./frames";
import { LocalAnswers } from "./local";
import { byId, showError } from "./page";

export interface StoryParts {
  backend: Backend;
  map: AtlasMap;
  timeline: Timeline;
  story: StoryLayer;
  selection: Selection;
  note: BordersNote;
  follow: Follow;
  /** The excerpts panel (made after the feed, which it reads). */
  panel: () => ExcerptsPanel;
}

/** Wire the date to the map and the story; returns the feed of the core's states. */
export function wireStory(p: StoryParts): StateFeed {
  const { backend, map, timeline, story, note } = p;
  const announce = new Announcer(timeline);
  const draw = (st: State, inputAt: number) => {
    const shown = story.render(st, timeline.kinds, timeline.org, timeline.actor);
    announce.say(shown);
    p.panel().onDay();
    p.follow.see(shown);
    drawn();
    timeFrame(inputAt);
  };

  // While the slider moves, the local index answers at once; the core's
  // answer follows with the details (coalesced: only the latest date is asked).
  const local = new LocalAnswers(backend, story, timeline);
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
      if (!m) note.settle(timeline.day);
    },
  });
  // Border changes are told as they happen when the date steps or plays; while
  // the slider is dragged they are summed up once it rests (from where the drag began).
  timeline.on("change", (d) => {
    const changes = map.setDay(d);
    note.moved(changes, d);
    if (changes.length && p.selection.value && changes.some((c) => c.region.id === p.selection.value)) p.panel().onDay();
    feed.moved(d, local.follow(d), local.hasOverviews);
  });
  // A filter redraws the last full state, if it is the slider's date; else it asks for that date's.
  timeline.on("filter", () => {
    const last = feed.latest;
    if (last && last.day === timeline.day) draw(last, performance.now());
    else void feed.refresh(timeline.day);
  });
  return feed;
}
