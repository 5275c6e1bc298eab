/**
 * The words for a change of borders, shown on the map and spoken by its live
 * region: "3 October 1990: Germany reunified". Moving back in time names
 * what was undone. Several regions changed by one event (the Czech Republic
 * and Slovakia) share its words once; a long jump is summed up.
 */
import type { RegionVersion } from "../api/bindings";
import { dayToIso, formatDate } from "../format";
import { changeOf } from "../i18n/data";
import { locale, t } from "../i18n/i18n";

/** What `describeBorders` needs of a change: the versions left and entered. */
export interface BorderChange {
  from: RegionVersion | null;
  to: RegionVersion | null;
}

/**
 * One sentence for the changes crossed by a move to `day`. A jump across
 * more than `max` events is summed up instead of listed.
 */
export function describeBorders(changes: readonly BorderChange[], forward: boolean, day: number, max = 3): string {
  const seen = new Set<string>();
  const parts: { day: number; text: string }[] = [];
  for (const c of changes) {
    // Forward, a version began; backward, the version left had begun at the crossed day.
    const v = forward ? c.to : c.from;
    const change = v ? changeOf(v) : null;
    if (!v || !change || !v.valid_from) continue;
    const text = forward ? `${formatDate(v.valid_from)}: ${change}` : t("borders-before", { date: formatDate(v.valid_from, true), change });
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push({ day: v.lo, text });
  }
  // A region that leaves the map without a successor (Nagorno-Karabakh on
  // 1 January 2024) is named, unless that day's change already has words.
  const days = new Set(parts.map((p) => p.day));
  for (const c of changes) {
    const gone = forward ? (c.to ? null : c.from) : c.from ? null : c.to;
    if (!gone?.valid_to || days.has(gone.hi)) continue;
    const name = locale() === "ru" ? gone.name_ru : gone.name_en;
    const text = t(forward ? "borders-leaves" : "borders-leaves-before", { date: formatDate(gone.valid_to, !forward), name });
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push({ day: gone.hi, text });
  }
  if (parts.length === 0) return "";
  if (parts.length > max) return t("borders-many", { date: formatDate(dayToIso(day)), count: parts.length });
  parts.sort((a, b) => (forward ? a.day - b.day : b.day - a.day));
  const body = parts.map((p) => p.text).join("; ");
  return t(forward ? "borders-forward" : "borders-backward", { changes: body });
}
