/**
 * One excerpt in the panel's list: why it is listed, the sentence verbatim
 * with the words its notes are about marked (and "[sic]" after a typo), the
 * notes, its events with their sources and notes, and the places it names.
 * Hovering or focusing it highlights its regions; choosing it (click, Enter,
 * space) moves the slider to its event.
 */
import type { EventRef, ExcerptView } from "../api/bindings";
import { formatDate, formatSpan } from "../format";
import { h, sicMark } from "./dom";
import { noteLabel, pieces, why } from "./quote";
import { noteOf, titleOf } from "../i18n/data";
import { label, t } from "../i18n/i18n";

export const regionsOf = (v: ExcerptView): string[] => v.excerpt.links.map((l) => l.region);

export function spanOf(e: EventRef): string {
  if (e.end.type === "at") return formatSpan(e.start, e.end.date);
  if (e.end.type === "open") return t("date-onwards", { date: formatDate(e.start, true) });
  return formatDate(e.start);
}

/** What an item needs of the panel. */
export interface ItemHost {
  regionName: (id: string) => string;
  /** Highlight regions on the map (empty: clear). */
  highlight: (regions: string[], eventId: string | null) => void;
  /** Append numbered links to the sources to `box`. */
  cite: (box: HTMLElement, urls: readonly string[]) => void;
  /** The reader chose the excerpt (and one of its events, if any). */
  choose: (v: ExcerptView, e: EventRef | null) => void;
  /** Cite the excerpt (the button gets the focus back) and copy a link to it; absent, no buttons. */
  share?: ExcerptShare;
}

/** What an excerpt's Cite and Copy link buttons do. */
export interface ExcerptShare {
  cite: (id: string, opener: HTMLElement) => void;
  copyLink: (id: string) => void;
}

/** Cite and Copy link, each named for the excerpt it acts on. */
function shareButtons(id: string, share: ExcerptShare): HTMLParagraphElement {
  const cite = label(h("button", { type: "button", className: "excerpt-cite" }), "excerpt-cite");
  const link = label(h("button", { type: "button", className: "excerpt-link" }), "excerpt-copy-link");
  cite.addEventListener("click", (e) => {
    e.stopPropagation();
    share.cite(id, cite);
  });
  link.addEventListener("click", (e) => {
    e.stopPropagation();
    share.copyLink(id);
  });
  return h("p", { className: "excerpt-share" }, cite, " ", link);
}

/** The sentence verbatim; the words a note is about are marked, and a typo is followed by "[sic]" (not part of the quotation). */
function quoteOf(v: ExcerptView): HTMLQuoteElement {
  const x = v.excerpt;
  const quote = h("blockquote", { className: "excerpt-text" });
  for (const p of pieces(x.text, x.notes)) {
    if (p.kind === "plain") quote.append(p.text);
    else if (p.kind === "noted") quote.append(h("mark", { className: `noted note-${x.notes[p.note!]!.kind}`, textContent: p.text }));
    else quote.append(sicMark());
  }
  return quote;
}

/** The excerpt's events, each a button to its date, with its sources and its own notes. */
function metaOf(v: ExcerptView, host: ItemHost): HTMLParagraphElement {
  const meta = h("p", { className: "excerpt-meta" });
  if (!v.events.length) {
    meta.append(h("span", { className: "undated", textContent: t("panel-no-event") }));
    return meta;
  }
  for (const e of v.events) {
    const b = h("button", { type: "button", className: "event-link", textContent: `${spanOf(e)} · ${titleOf(e)}` });
    b.addEventListener("click", (ev) => {
      ev.stopPropagation();
      host.choose(v, e);
    });
    const line = h("span", { className: "event-line" }, b);
    if (e.sources.length) {
      const src = h("span", { className: "event-sources" }, " ");
      host.cite(src, e.sources);
      line.append(src);
    }
    for (const n of e.notes) {
      const box = h("span", { className: "event-note" }, h("strong", { textContent: `${t("panel-about-event")} ` }), noteOf(n), " ");
      host.cite(box, n.sources);
      line.append(box);
    }
    meta.append(line, " ");
  }
  return meta;
}

export function excerptItem(v: ExcerptView, host: ItemHost): HTMLLIElement {
  const x = v.excerpt;
  const regions = regionsOf(v);
  const quote = quoteOf(v);
  const reason = why(v.link, (id) => host.regionName(id));
  const meta = metaOf(v, host);
  const names = regions.map((r) => host.regionName(r)).join(", ");
  const places = h("p", { className: "excerpt-places", textContent: names ? t("panel-places", { places: names }) : t("panel-places-none") });
  const label = reason ? t("excerpt-label-why", { why: reason, text: x.text }) : t("excerpt-label", { text: x.text });
  const li = h("li", { className: "excerpt", tabIndex: 0, attrs: { "data-excerpt": x.id, "aria-label": label } });
  if (reason) li.append(h("p", { className: "excerpt-why", textContent: reason }));
  li.append(quote);
  // Only the notes about this sentence; an event's own notes sit with the event.
  x.notes.forEach((note) => {
    const box = h("p", { className: `fact-note ${note.kind}` }, h("strong", { textContent: `${noteLabel(note.kind)}: ` }));
    if (note.kind !== "sic") box.append(h("q", { textContent: note.quote }), " ");
    box.append(noteOf(note), " ");
    host.cite(box, note.sources);
    li.append(box);
  });
  li.append(meta, places);
  if (host.share) li.append(shareButtons(x.id, host.share));
  const preview = () => host.highlight(regions, v.events[0]?.id ?? null);
  li.addEventListener("mouseenter", preview);
  li.addEventListener("focus", preview);
  li.addEventListener("mouseleave", () => host.highlight([], null));
  li.addEventListener("click", () => host.choose(v, v.events[0] ?? null));
  li.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target === li) {
      e.preventDefault();
      host.choose(v, v.events[0] ?? null);
    }
  });
  return li;
}
