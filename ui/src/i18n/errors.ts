/**
 * What went wrong, in the reader's language. The core, the import and the
 * desktop shell send coded errors (and the import coded warnings and rows' reasons): a `code`, for some a `details.kind`, the
 * parameters (file, line, value…) in `details`, and an English `message`.
 * Each code and kind has a sentence in `en.ftl` and `ru.ftl` (the
 * `error-text-…` messages), filled in from the details. An error whose code
 * has no sentence, or whose details lack a parameter the sentence names,
 * shows the English message as sent, so nothing is ever lost. In English
 * the message as sent is shown as it is: the core's and the import's own
 * sentences say most (an exact cause, every problem's place).
 */
import { ERROR_CODES, IMPORT_FAILURES, IMPORT_NOT_DATA, IMPORT_ROW_REASONS, IMPORT_WARNINGS, type ApiError, type ImportWarning, type RowProblem } from "../api/bindings";
import { locale, tIfComplete, type Args } from "./i18n";

/** Kinds of the shell's errors and notices beyond the import's (`src-tauri/src/stories.rs`). */
export const SHELL_KINDS = ["no_story", "story_not_reopened"] as const;

const kebab = (s: string) => s.replace(/_/g, "-");

/** Every message id an error can be worded by (the test checks each is in both languages). */
export function allErrorIds(): string[] {
  return [
    ...ERROR_CODES.map((c) => `error-text-${kebab(c)}`),
    ...IMPORT_FAILURES.map((k) => `error-text-import-${kebab(k)}`),
    ...SHELL_KINDS.map((k) => `error-text-${kebab(k)}`),
    ...IMPORT_WARNINGS.map((c) => `error-text-warning-${kebab(c)}`),
    ...IMPORT_NOT_DATA.map((w) => `error-text-import-unreadable-${kebab(w)}`),
    ...IMPORT_ROW_REASONS.map((c) => `error-text-row-${kebab(c)}`),
  ];
}

/** The message id for `e`: by its kind (and what a file that is not data is) where it has one, else by its code. */
export function errorId(e: ApiError): string {
  const kind = e.details?.kind;
  if (typeof kind !== "string") return `error-text-${kebab(e.code)}`;
  const what = e.details?.what;
  if (kind === "unreadable" && typeof what === "string") return `error-text-import-unreadable-${kebab(what)}`;
  return e.code === "import_failed" || e.code === "cancelled" ? `error-text-import-${kebab(kind)}` : `error-text-${kebab(kind)}`;
}

function isApiError(v: unknown): v is ApiError {
  return typeof v === "object" && v !== null && typeof (v as ApiError).code === "string" && typeof (v as ApiError).message === "string";
}

/** `file:line` (or `file: id`) of a row or dataset problem: the same in every language. */
function where(p: Record<string, unknown>): string | null {
  if (typeof p.file !== "string") return null;
  if (typeof p.line === "number" && p.line > 0) return `${p.file}:${p.line}`;
  return typeof p.id === "string" ? `${p.file}: ${p.id}` : p.file;
}

/** The sentence's parameters: the details' words and numbers, lists joined, the first problem's place, a cause in words. */
function args(e: ApiError): Args {
  const out: Args = { message: e.message };
  for (const [k, v] of Object.entries(e.details ?? {})) {
    if (typeof v === "string" || typeof v === "number") out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v.join(", ");
  }
  const problems = e.details?.problems;
  if (Array.isArray(problems) && typeof problems[0] === "object" && problems[0] !== null) {
    const w = where(problems[0] as Record<string, unknown>);
    if (w !== null) out.where = w;
  }
  const cause = e.details?.cause;
  if (isApiError(cause)) out.reason = errorText(cause);
  return out;
}

/** An import's warning in the interface's language, from its code; its English message when there is none. */
export function warningText(w: ImportWarning): string {
  if (locale() === "en") return w.message;
  return tIfComplete(`error-text-warning-${kebab(w.code)}`, args({ code: "internal", message: w.message, details: w.details })) ?? w.message;
}

/**
 * Why a row was left out: in English the import's own sentence, which says
 * most (a bad date's exact cause); in another language the code's sentence,
 * or that English sentence when the row has no code or lacks a parameter.
 */
export function reasonText(p: RowProblem): string {
  if (typeof p.code !== "string" || locale() === "en") return p.message;
  return tIfComplete(`error-text-row-${kebab(p.code)}`, args({ code: "internal", message: p.message, details: p.details })) ?? p.message;
}

/** `e` in the interface's language, from its code's sentence; the English message when there is none. */
export function errorText(e: ApiError): string {
  if (locale() === "en") return e.message;
  return tIfComplete(errorId(e), args(e)) ?? e.message;
}
