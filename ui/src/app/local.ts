/**
 * The page's own answers while the slider moves: the local copy of the
 * events (the columns) and the overview states answer at once; the core's
 * answer follows with the details. Both are asked for as the story is wired,
 * beside the first map, which waits for neither; without them the map
 * simply waits for the core.
 */
import type { Backend } from "../api/client";
import { decodeColumns, LocalIndex } from "../timeline/columns";
import { Overviews } from "../timeline/overviews";
import type { StoryLayer } from "../timeline/story";
import type { Timeline } from "../timeline/timeline";
import { drawn } from "./frames";

export class LocalAnswers {
  private overviews: Overviews | null = null;

  constructor(backend: Backend, private readonly story: StoryLayer, private readonly timeline: Timeline) {
    void backend
      .columns()
      .then(decodeColumns)
      .then((c) => story.setLocal(new LocalIndex(c)))
      .catch(() => undefined); // without it, the map simply waits for the core
    void backend
      .overviews()
      .then((states) => (this.overviews = new Overviews(states)))
      .catch(() => undefined); // without them, the core is asked for each move's memberships
  }

  /** Whether the overview states are here (else the core is asked for each move's memberships). */
  get hasOverviews(): boolean {
    return this.overviews !== null;
  }

  /** Draw `day` from the local copy; false if it cannot yet. */
  follow(day: number): boolean {
    const { story, timeline } = this;
    if (!story.renderLocal(day, timeline.kinds, timeline.actor)) return false;
    if (this.overviews) story.renderOverview(this.overviews.at(day), timeline.org);
    drawn();
    return true;
  }
}
