/**
 * The page around the app: its elements by id, the error box, the toast and
 * the dataset's summary in the header. Every step of the start-up uses them,
 * so they live apart from each.
 */
import type { DatasetInfo } from "../api/bindings";
import { BackendError } from "../api/client";
import { datasetWords } from "../i18n/data";
import { errorText } from "../i18n/errors";
import { hasMessage, label, onLocaleChange, t } from "../i18n/i18n";

export function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

/** Show an error from the core in words; the app keeps what it has. */
export function showError(e: unknown): void {
  const box = byId<HTMLDivElement>("error");
  const err = e instanceof BackendError ? e : null;
  box.textContent = err ? t("error-coded", { code: humanCode(err.code), message: errorText(err) }) : t("error-unexpected", { what: String(e) });
  box.hidden = false;
  box.dataset.code = err?.code ?? "internal";
  setTimeout(() => (box.hidden = true), 8000);
}

/** Say something the reader should know (not an error of theirs) in the same box. */
export function showNotice(msg: string): void {
  const box = byId<HTMLDivElement>("error");
  box.textContent = msg;
  box.hidden = false;
  box.dataset.code = "notice";
  setTimeout(() => (box.hidden = true), 8000);
}

/** The error's kind in words: each code of the core has its message (`error-bad-date`…). */
function humanCode(code: BackendError["code"]): string {
  const id = `error-${code.replace(/_/g, "-")}`;
  return hasMessage(id) ? t(id) : t("error-other");
}

let toastTimer = 0;
/** A short message at the bottom of the window (a link copied…). */
export function notify(msg: string): void {
  const t = byId("toast");
  t.textContent = msg;
  t.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => t.classList.remove("show"), 3500);
}

/** The dataset's counts and span in the header, its attribution in the footer. */
export function showDataset(info: DatasetInfo): void {
  const summary = byId("dataset-summary");
  const c = info.counts;
  label(summary, "dataset-summary", { events: c.events, excerpts: c.excerpts, from: info.span.start.slice(0, 4), to: info.span.end.slice(0, 4) });
  // The dataset's own words, in the interface's language where it gives them.
  const words = () => {
    const w = datasetWords(info);
    summary.title = w.title;
    byId("attribution").textContent = w.attribution;
  };
  words();
  onLocaleChange(words);
}
