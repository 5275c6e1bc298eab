/**
 * The timeline's live region: the sentence for what is on at the date,
 * spoken when it changes, and while playing at most every 1.5 s so a screen
 * reader can keep up.
 */
import type { ActiveEvent } from "../api/bindings";
import { describe } from "../timeline/status";
import type { Timeline } from "../timeline/timeline";

export class Announcer {
  private lastAnnounced = "";
  private lastAnnounceAt = 0;

  constructor(private readonly timeline: Timeline) {}

  say(shown: ActiveEvent[]): void {
    const text = describe(shown);
    const now = performance.now();
    if (text === this.lastAnnounced) return;
    // While playing, speak at most every 1.5 s so a screen reader can keep up.
    if (this.timeline.isPlaying && now - this.lastAnnounceAt < 1500) return;
    this.lastAnnounced = text;
    this.lastAnnounceAt = now;
    this.timeline.status.textContent = text;
  }
}
