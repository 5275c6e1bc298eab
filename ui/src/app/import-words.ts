/**
 * The words of an import, apart from the DOM so they are tested alone: a
 * rejected row as `FILE:LINE: field: what` (the CLI's own form, so a list
 * copied from the app reads like the terminal's; the reason in the
 * interface's language where it has a code), the summary, the progress
 * line, and whether the column-mapping step has what an import needs.
 */
import type { Field, ImportReport, Progress, RowProblem } from "../api/bindings";
import { reasonText } from "../i18n/errors";
import { t } from "../i18n/i18n";

/** One rejected row, as `faultlines import` prints it, its reason in the interface's language. */
export function problemLine(p: RowProblem): string {
  let s = p.file;
  if (p.line > 0) s += `:${p.line}`;
  if (p.field !== null) s += `: ${p.field}`;
  return `${s}: ${reasonText(p)}`;
}

/** The list a reader copies: every problem kept, then how many more were counted. */
export function problemList(problems: RowProblem[], counted: number): string {
  const lines = problems.map(problemLine);
  if (counted > problems.length) lines.push(t("import-more", { count: counted - problems.length }));
  return lines.join("\n");
}

/** "Imported 4 events from acled.csv (ACLED); 3 rows rejected." */
export function reportSummary(r: ImportReport): string {
  const files = r.files.map((f) => `${f.name} (${f.format})`).join(", ");
  let s = t("import-summary", { events: r.events, files });
  s += r.rejected > 0 ? t("import-summary-rejected", { rejected: r.rejected }) : t("import-summary-none-rejected");
  if (r.excerpts > 0) s += ` ${t("import-summary-article", { excerpts: r.excerpts, linked: r.linked })}`;
  return s;
}

/** "12,000 rows read · 43%" */
export function progressText(p: Progress): string {
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
  return t("import-progress-text", { rows: p.rows, percent: pct });
}

/** The columns an import can be told about, each with the message saying what it holds (`field-<name>`). */
export const FIELDS: Field[] = ["date", "end", "lat", "lon", "wkt", "id", "title", "kind", "description", "source", "place"];

/** What is still missing before the chosen columns can import: a date, and latitude and longitude or WKT. */
export function missingColumns(chosen: Partial<Record<Field, string>>): string[] {
  const missing: string[] = [];
  if (!chosen.date) missing.push(t("import-missing-date"));
  if (!chosen.wkt && !(chosen.lat && chosen.lon)) missing.push(t("import-missing-place"));
  return missing;
}

/** What the column-mapping step says of `missing`: "Still needed: a date column and …", or that it can import. */
export function stillNeeded(missing: string[]): string {
  if (missing.length === 0) return t("import-ready");
  return t("import-still-needed", { missing: missing.reduce((a, b) => t("import-and", { a, b })) });
}

/** A first guess for each field among the headers (the user confirms or changes it). */
export function guessColumns(headers: string[]): Partial<Record<Field, string>> {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
  const hints: [Field, string[]][] = [
    ["date", ["when", "day", "time", "datum", "fecha", "dat"]],
    ["lat", ["lat", "northing", "breite"]],
    ["lon", ["lon", "lng", "long", "easting", "laenge"]],
    ["wkt", ["wkt", "geom", "geometry", "shape"]],
    ["title", ["title", "name", "what", "headline"]],
  ];
  const out: Partial<Record<Field, string>> = {};
  for (const [field, words] of hints) {
    const h = headers.find((x) => words.some((w) => norm(x).startsWith(w)));
    if (h !== undefined) out[field] = h;
  }
  return out;
}
