/**
 * Faultlines' web UI: connects to the core (Tauri IPC or HTTP), then builds
 * the map and the panels around one shared selection.
 */
import "./styles.css";
import type { DatasetInfo } from "./api/bindings";
import { BackendError, connect, type Backend } from "./api/client";
import { formatDate } from "./format";
import { AtlasMap, type NameLang } from "./map/map";
import { Selection } from "./selection";

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

/** Show an error from the core in words; the app keeps what it has. */
export function showError(e: unknown): void {
  const box = byId<HTMLDivElement>("error");
  const err = e instanceof BackendError ? e : null;
  const text = err ? `${humanCode(err.code)}: ${err.message}` : `Something went wrong: ${String(e)}`;
  box.textContent = text;
  box.hidden = false;
  box.dataset.code = err?.code ?? "internal";
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

function summary(info: DatasetInfo): string {
  const c = info.counts;
  return `${c.events} events · ${c.excerpts} excerpts · ${formatDate(info.span.start).replace(/^\d+ \w+ /, "")}–${formatDate(info.span.end).replace(/^\d+ \w+ /, "")}`;
}

function setupTheme(): void {
  const button = byId<HTMLButtonElement>("theme");
  const saved = localStorage.getItem("faultlines.theme");
  const dark = saved ? saved === "dark" : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
  const apply = (d: boolean) => {
    document.documentElement.dataset.theme = d ? "dark" : "light";
    button.setAttribute("aria-pressed", String(d));
  };
  apply(dark);
  button.addEventListener("click", () => {
    const d = document.documentElement.dataset.theme !== "dark";
    apply(d);
    localStorage.setItem("faultlines.theme", d ? "dark" : "light");
  });
}

async function start(): Promise<void> {
  performance.mark("faultlines:start");
  setupTheme();
  let backend: Backend;
  try {
    backend = await connect();
  } catch (e) {
    showError(e);
    return;
  }
  document.documentElement.dataset.transport = backend.transport;
  const [info, regions] = await Promise.all([backend.datasetInfo(), backend.regions()]);
  byId("dataset-summary").textContent = summary(info);
  byId("dataset-summary").title = info.title;
  byId("attribution").textContent = info.attribution;

  const selection = new Selection();
  const map = new AtlasMap({ backend, regions, selection, container: byId("map") });
  const lang = byId<HTMLSelectElement>("lang");
  lang.addEventListener("change", () => map.setLanguage(lang.value as NameLang));
  await map.ready;
  (window as unknown as { faultlines: unknown }).faultlines = { backend, map, selection, info };
}

start().catch(showError);
