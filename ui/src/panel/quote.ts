/**
 * A verbatim sentence cut into the pieces the panel draws: plain text, the
 * words a note is about, and a "[sic]" marker after a typo. The stored text
 * is never changed: joining the pieces that are not markers gives it back,
 * which a test checks. Also the words shown for why an excerpt is listed.
 */
import type { ExcerptLink, ExcerptNote, NoteKind } from "../api/bindings";
import { t } from "../i18n/i18n";

export type Piece = { text: string; kind: "plain" | "noted" | "sic"; note: number | null };

/** Pieces of `text` with `notes` (offsets in UTF-16 units) placed on their words. */
export function pieces(text: string, notes: readonly ExcerptNote[]): Piece[] {
  const out: Piece[] = [];
  let cursor = 0;
  notes.forEach((n, i) => {
    const from = Math.max(n.start_utf16, cursor);
    const to = Math.min(n.end_utf16, text.length);
    if (from > to) return;
    if (from > cursor) out.push({ text: text.slice(cursor, from), kind: "plain", note: null });
    if (to > from) out.push({ text: text.slice(from, to), kind: "noted", note: i });
    if (n.kind === "sic") out.push({ text: "[sic]", kind: "sic", note: i });
    cursor = Math.max(cursor, to);
  });
  if (cursor < text.length) out.push({ text: text.slice(cursor), kind: "plain", note: null });
  return out;
}

/** The label of a note of `kind` ("Correction"); a typo's is "[sic]" in every language. */
export function noteLabel(kind: NoteKind): string {
  return kind === "sic" ? "[sic]" : t(`note-${kind}`);
}

/** Why an excerpt is listed for a region: "names Tajikistan, Rakhmon", "via: CSTO countries". */
export function why(link: ExcerptLink | null, stateName: (id: string) => string): string {
  if (!link) return "";
  // "Tajikistan’s" names Tajikistan: the label gives the name, not its case.
  const names = [...new Set(link.names.map((n) => n.replace(/[’']s$/, "")))].join(", ");
  switch (link.reason) {
    case "names":
      return t("why-names", { names });
    case "curated":
      return t("why-curated");
    case "through": {
      const state = link.via ? stateName(link.via) : names;
      return state === names ? t("why-via", { via: state }) : t("why-via-named", { via: state, names });
    }
    case "group":
      return t("why-via", { via: names });
  }
}
