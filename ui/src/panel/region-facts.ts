/**
 * What the panel says of a region at the slider's date: its version then
 * (its span, who holds it, how sure the shape is, and why, with sources),
 * and its memberships and disputes in one sentence.
 */
import type { Region, RegionVersion, State } from "../api/bindings";
import { formatDate } from "../format";
import { disputeWords, orgName, versionNoteOf } from "../i18n/data";
import { locale, t } from "../i18n/i18n";
import { h } from "./dom";

const span = (x: RegionVersion) =>
  x.valid_from && x.valid_to
    ? t("date-range", { start: formatDate(x.valid_from), end: formatDate(x.valid_to) })
    : x.valid_from
      ? t("date-since", { date: formatDate(x.valid_from, true) })
      : x.valid_to
        ? t("date-until", { date: formatDate(x.valid_to, true) })
        : "";

/** A sentence's one full stop: a date that ends with one ("1991 г.") ends the sentence too. */
const sentence = (text: string) => (text.endsWith(".") ? text.replace(/\.\.$/, ".") : `${text}.`);

/** A version's name in the interface's language. */
const nameOf = (v: RegionVersion) => (locale() === "ru" ? v.name_ru : v.name_en);

/** The region's version `v` at the slider's date (null: not on the map then), as paragraphs. */
export function versionFacts(
  r: Region,
  v: RegionVersion | null,
  regionName: (id: string) => string,
  cite: (box: HTMLElement, urls: readonly string[]) => void,
): (Node | string)[] {
  const kids: (Node | string)[] = [];
  if (!v) {
    const when = r.versions.map(span).filter(Boolean).join("; ");
    kids.push(h("p", { textContent: when ? t("fact-not-on-map-when", { when }) : t("fact-not-on-map") }));
    return kids;
  }
  const facts: string[] = [];
  if (r.versions.length > 1 || v.valid_from || v.valid_to) facts.push(`${nameOf(v)}, ${span(v)}`);
  if (v.sovereign) facts.push(t("fact-part-of", { name: regionName(v.sovereign) }));
  if (v.controller) facts.push(t("fact-held-by", { name: regionName(v.controller) }));
  if (v.approximate) facts.push(t("fact-approximate"));
  if (facts.length) kids.push(h("p", { className: "version-facts", textContent: sentence(facts.join("; ")) }));
  const note = versionNoteOf(v);
  if (note) {
    const box = h("p", { className: "version-note" }, note, " ");
    cite(box, v.sources);
    kids.push(box);
  } else if (v.sources.length && facts.length) {
    const box = h("p", { className: "version-sources" }, `${t("fact-borders")} `);
    cite(box, v.sources);
    kids.push(box);
  }
  return kids;
}

/** The region's memberships and disputes in `st`, in one sentence for `day`; `name` is the region's name then. */
export function statusSentence(r: Region, st: State, name: string, day: number, regionName: (id: string) => string): string {
  // Alliances belong to states: shown for a country, and for a province as its country's.
  const code = r.kind === "country" ? r.id : r.kind === "province" ? r.country : null;
  const parts: string[] = [];
  for (const m of st.memberships) {
    // A membership paints the regions that stand for the member at that date (an SSR for the Soviet Union).
    if (!(m.regions.includes(r.id) || (code !== null && m.country === code))) continue;
    const what = t(`membership-${m.status}`, { org: orgName(m.org, m.org), date: formatDate(m.since, true) });
    parts.push(m.country !== r.id ? t("membership-of", { who: regionName(m.country), what }) : what);
  }
  for (const ds of st.disputes) {
    if (ds.regions.includes(r.id) || (code && ds.regions.includes(code) && r.kind === "country")) parts.push(t("dispute-since", { ...disputeWords(ds), date: formatDate(ds.since, true) }));
  }
  const when = formatDate(new Date(day * 86400000).toISOString().slice(0, 10));
  return sentence(parts.length ? t("facts-on", { date: when, parts: parts.join("; ") }) : t("facts-none", { date: when, name }));
}
