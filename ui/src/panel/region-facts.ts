/**
 * What the panel says of a region at the slider's date: its version then
 * (its span, who holds it, how sure the shape is, and why, with sources),
 * and its memberships and disputes in one sentence.
 */
import type { Region, RegionVersion, State } from "../api/bindings";
import { formatDate } from "../format";
import { h } from "./dom";

const span = (x: RegionVersion) =>
  x.valid_from && x.valid_to ? `${formatDate(x.valid_from)} – ${formatDate(x.valid_to)}` : x.valid_from ? `since ${formatDate(x.valid_from)}` : x.valid_to ? `until ${formatDate(x.valid_to)}` : "";

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
    kids.push(h("p", { textContent: `Not on the map at this date${when ? ` (on it: ${when})` : ""}.` }));
    return kids;
  }
  const facts: string[] = [];
  if (r.versions.length > 1 || v.valid_from || v.valid_to) facts.push(`${v.name_en}, ${span(v)}`);
  if (v.sovereign) facts.push(`part of ${regionName(v.sovereign)}`);
  if (v.controller) facts.push(`held by ${regionName(v.controller)}`);
  if (v.approximate) facts.push("border drawn approximately");
  if (facts.length) kids.push(h("p", { className: "version-facts", textContent: `${facts.join("; ")}.` }));
  if (v.note) {
    const box = h("p", { className: "version-note" }, v.note, " ");
    cite(box, v.sources);
    kids.push(box);
  } else if (v.sources.length && facts.length) {
    const box = h("p", { className: "version-sources" }, "Borders: ");
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
    const org = m.org === "csto" ? "CST/CSTO" : m.org === "warsaw-pact" ? "Warsaw Pact" : m.org === "guam" ? "GUAM" : m.org;
    const word = m.status === "member" ? "member" : m.status === "frozen" ? "member, participation frozen" : m.status;
    const who = m.country !== r.id ? `${regionName(m.country)}: ` : "";
    parts.push(`${who}${org} ${word} since ${formatDate(m.since)}`);
  }
  for (const ds of st.disputes) {
    if (ds.regions.includes(r.id) || (code && ds.regions.includes(code) && r.kind === "country")) parts.push(`${ds.name}: ${ds.status} (since ${formatDate(ds.since)})`);
  }
  const when = formatDate(new Date(day * 86400000).toISOString().slice(0, 10));
  return parts.length ? `On ${when}: ${parts.join("; ")}.` : `On ${when}: no alliance membership or dispute recorded for ${name}.`;
}
