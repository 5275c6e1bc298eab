/**
 * The page around the app: its elements by id, the error box, the toast and
 * the dataset's summary in the header. Every step of the start-up uses them,
 * so they live apart from each.
 */
import type { DatasetInfo } from "../api/bindings";
import { BackendError } from "../api/client";

export function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

/** Show an error from the core in words; the app keeps what it has. */
export function showError(e: unknown): void {
  const box = byId<HTMLDivElement>("error");
  const err = e instanceof BackendError ? e : null;
  box.textContent = err ? `${humanCode(err.code)}: ${err.message}` : `Something went wrong: ${String(e)}`;
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

function humanCode(code: BackendError["code"]): string {
  switch (code) {
    case "bad_date": return "That date could not be read";
    case "unknown_region": return "Unknown place";
    case "unknown_event": return "Unknown event";
    case "invalid_dataset": return "The dataset is invalid";
    case "too_large": return "Request too large";
    case "not_found": return "Not found";
    default: return "Error";
  }
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

function summary(info: DatasetInfo): string {
  const c = info.counts;
  return `${c.events} events · ${c.excerpts} excerpts · ${info.span.start.slice(0, 4)}–${info.span.end.slice(0, 4)}`;
}

/** The dataset's counts and span in the header, its attribution in the footer. */
export function showDataset(info: DatasetInfo): void {
  byId("dataset-summary").textContent = summary(info);
  byId("dataset-summary").title = info.title;
  byId("attribution").textContent = info.attribution;
}
