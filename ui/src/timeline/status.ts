/**
 * The words of the live region: what is happening at the slider's date, the
 * text equivalent of the animation ("CSTO troops deployed in Kazakhstan
 * (6–19 January 2022)"), in the interface's language.
 */
import type { ActiveEvent, EventKind } from "../api/bindings";
import { formatDate, formatSpan } from "../format";
import { titleOf } from "../i18n/data";
import { t } from "../i18n/i18n";

export function eventSpan(e: Pick<ActiveEvent, "start" | "end">): string {
  if (e.end.type === "at") return formatSpan(e.start, e.end.date);
  if (e.end.type === "open") return t("date-onwards", { date: formatDate(e.start, true) });
  return formatSpan(e.start, null);
}

/** How much each kind stands out in the sentence: every kind is ranked (the type says so). */
const SALIENCE: Record<EventKind, number> = {
  deployment: 0, withdrawal: 0, conflict: 1, blockade: 1, exercise: 2, summit: 3, treaty: 3, statement: 4, diplomacy: 4, membership: 4, other: 5,
};

/** One sentence for the events on at this instant, most salient first. */
export function describe(events: ActiveEvent[], max = 3): string {
  if (events.length === 0) return t("status-none");
  // What just began comes first, then the shortest (most "of the moment"), then by kind.
  const sorted = [...events].sort(
    (a, b) =>
      (a.phase === "starting" ? 0 : 1) - (b.phase === "starting" ? 0 : 1) ||
      Math.min(a.hi - a.lo, 1e6) - Math.min(b.hi - b.lo, 1e6) ||
      SALIENCE[a.kind] - SALIENCE[b.kind] ||
      a.title.localeCompare(b.title),
  );
  const parts = sorted.slice(0, max).map((e) => t(e.cancelled ? "status-event-cancelled" : "status-event", { title: titleOf(e), span: eventSpan(e) }));
  const more = sorted.length - max;
  if (more > 0) parts.push(t("status-more", { count: more }));
  return parts.join("; ") + ".";
}
