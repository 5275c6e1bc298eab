/**
 * The story's own words in the interface's language, where the data has
 * them: an event's title and description, a note's text and a dispute's
 * name and status from their `i18n` fields, a region version's change and
 * remark from their `_ru` twins (English otherwise), and an organization's
 * short name (a
 * message `org-<id>` for the built-in ones; an imported story's keep their
 * own). The article's words are quotations and are never translated.
 */
import { hasMessage, locale, t } from "./i18n";

/** Texts by language code, as the core sends them. */
type ByLang<T> = { [lang in string]?: T };

/** An event's title in the interface's language. */
export function titleOf(e: { title: string; i18n?: ByLang<{ title: string }> }): string {
  return e.i18n?.[locale()]?.title ?? e.title;
}

/** An event's description in the interface's language. */
export function descriptionOf(e: { description: string; i18n?: ByLang<{ description: string }> }): string {
  return e.i18n?.[locale()]?.description ?? e.description;
}

/** A note (a correction, an absence, a discrepancy) in the interface's language. */
export function noteOf(n: { note: string; i18n?: ByLang<string> }): string {
  return n.i18n?.[locale()] ?? n.note;
}

/** A dispute's name and status at a date in the interface's language (both, or the English ones). */
export function disputeWords(d: { name: string; status: string; i18n?: ByLang<{ name: string; status: string }> }): { name: string; status: string } {
  return d.i18n?.[locale()] ?? { name: d.name, status: d.status };
}

/** What happened when a region's version came into force ("Germany reunified"), in the interface's language. */
export function changeOf(v: { change: string | null; change_ru?: string }): string | null {
  return locale() === "ru" ? (v.change_ru ?? v.change) : v.change;
}

/** The remark on a region's version, in the interface's language. */
export function versionNoteOf(v: { note: string | null; note_ru?: string }): string | null {
  return locale() === "ru" ? (v.note_ru ?? v.note) : v.note;
}

/** The dataset's own words (title, description, attribution, the article's linking note) in the interface's language. */
export function datasetWords(info: {
  title: string;
  description: string;
  attribution: string;
  article: { linking_note: string };
  i18n?: ByLang<{ title: string; description: string; attribution: string; linking_note: string }>;
}): { title: string; description: string; attribution: string; linking_note: string } {
  return info.i18n?.[locale()] ?? { title: info.title, description: info.description, attribution: info.attribution, linking_note: info.article.linking_note };
}

/** An organization's short name in the interface's language. */
export function orgName(id: string, short: string): string {
  return hasMessage(`org-${id}`) ? t(`org-${id}`) : short;
}
