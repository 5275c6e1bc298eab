/**
 * The one typed interface between the UI and the Faultlines core.
 *
 * Two implementations answer it: Tauri IPC in the desktop app and HTTP JSON
 * in the browser (`faultlines serve`). Both speak the generated types of
 * `bindings.ts` and fail with a {@link BackendError} carrying the core's
 * `code`, which the UI switches on.
 */
import type {
  AnimationParams,
  AnimationStarted,
  ApiError,
  Article,
  DatasetInfo,
  ErrorCode,
  Event,
  EventPage,
  EventRef,
  Citation,
  ExcerptView,
  ExportFormats,
  Filter,
  FrameAdded,
  Histogram,
  HistogramMode,
  LinkAnswer,
  StateEvents,
  Region,
  RegionExcerpts,
  SearchHit,
  State,
} from "./bindings";
import { ERROR_CODES } from "./bindings";
import type { UiState } from "./shell-bindings";

export interface Backend {
  /** Which transport answers: shown in the about box and used by tests. */
  readonly transport: "tauri" | "http";
  datasetInfo(): Promise<DatasetInfo>;
  /** The state at `at`; with `events: "none"`, only memberships and disputes. */
  stateAt(at: string, events?: StateEvents): Promise<State>;
  eventsIn(from: string, to: string, filter: Filter, offset: number, limit: number): Promise<EventPage>;
  histogram(from: string, to: string, bins: number, filter: Filter, mode?: HistogramMode): Promise<Histogram>;
  step(after: string, backward: boolean, filter: Filter): Promise<EventRef | null>;
  regions(): Promise<Region[]>;
  excerptsForRegion(region: string): Promise<RegionExcerpts>;
  excerpt(id: string): Promise<ExcerptView>;
  event(id: string): Promise<Event>;
  search(q: string, limit: number): Promise<SearchHit[]>;
  article(): Promise<Article>;
  allEvents(): Promise<Event[]>;
  /** A map layer's bytes (the compact format of `src/layer.rs`). */
  layer(name: string, lod: string): Promise<ArrayBuffer>;
  /** Every event's times, kind and place as binary columns (`Api::columns`). */
  columns(): Promise<ArrayBuffer>;
  /** Every distinct state of memberships and disputes, each from its day on (`Api::overviews`). */
  overviews(): Promise<State[]>;
  /** The reader's saved place (desktop: a state file; browser: local storage). */
  loadUiState(): Promise<UiState>;
  saveUiState(ui: UiState): Promise<void>;
  /** Tell the shell when the first map was painted (for the startup benchmark). */
  startupReport(firstMapEpochMs: number): Promise<void>;
  /** A link to a view read by the core (`#at=…` or `faultlines://view?…`); never fails for a bad link: `ignored` names what it left out. */
  readLink(link: string): Promise<LinkAnswer>;
  /** An excerpt's citation: plain text, BibTeX and CSL-JSON. */
  cite(id: string): Promise<Citation>;
  /** The animation formats this machine can write, and the exports' limits. */
  exportFormats(): Promise<ExportFormats>;
  /** An SVG document of a view (`export/compose.ts`) as a PNG of `width` × `height` pixels. */
  renderPng(svg: string, width: number, height: number): Promise<ArrayBuffer>;
  /** Start encoding an animation; its frames go to the id returned. */
  startAnimation(params: AnimationParams): Promise<number>;
  /** The next frame's SVG document; resolves with the count given so far once it is taken. */
  addFrame(id: number, svg: string): Promise<number>;
  finishAnimation(id: number): Promise<ArrayBuffer>;
  cancelAnimation(id: number): Promise<void>;
  /** Save an export: downloaded in the browser, where the save dialog says in the desktop app. Returns where, or null when the dialog was closed. */
  saveFile(name: string, mime: string, bytes: ArrayBuffer): Promise<string | null>;
}

/** An error from the core, or from the transport itself (`code: "internal"`). */
export class BackendError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | null;
  constructor(e: ApiError) {
    super(e.message);
    this.name = "BackendError";
    this.code = e.code;
    this.details = e.details;
  }
}

/** Turn whatever a transport threw into a BackendError. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const o = e as { code: unknown; message: unknown; details?: unknown };
    if (typeof o.code === "string" && (ERROR_CODES as readonly string[]).includes(o.code)) {
      return new BackendError({
        code: o.code as ErrorCode,
        message: String(o.message),
        details: (o.details as Record<string, unknown> | null | undefined) ?? null,
      });
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  return new BackendError({ code: "internal", message, details: null });
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  return q.toString();
}

function filterParams(f: Filter): Record<string, string | undefined> {
  return { kinds: f.kinds && f.kinds.length > 0 ? f.kinds.join(",") : undefined, actor: f.actor, region: f.region };
}

/** The browser transport: JSON over HTTP from `faultlines serve`. */
export class HttpBackend implements Backend {
  readonly transport = "http" as const;
  constructor(private readonly base = "", private readonly fetchImpl: typeof fetch = (...a) => fetch(...a)) {}

  private async raw(path: string, init?: RequestInit): Promise<Response> {
    let r: Response;
    try {
      r = await (init ? this.fetchImpl(this.base + path, init) : this.fetchImpl(this.base + path));
    } catch (e) {
      throw toBackendError(e);
    }
    if (!r.ok) {
      let body: unknown;
      try {
        body = await r.json();
      } catch {
        body = { code: "internal", message: `HTTP ${r.status} from ${path}` };
      }
      throw toBackendError(body);
    }
    return r;
  }

  private async get<T>(path: string): Promise<T> {
    return (await (await this.raw(path)).json()) as T;
  }

  datasetInfo() { return this.get<DatasetInfo>("/api/info"); }
  stateAt(at: string, events: StateEvents = "all") { return this.get<State>(`/api/state?${query({ at, events })}`); }
  eventsIn(from: string, to: string, filter: Filter, offset: number, limit: number) {
    return this.get<EventPage>(`/api/events?${query({ from, to, offset, limit, ...filterParams(filter) })}`);
  }
  histogram(from: string, to: string, bins: number, filter: Filter, mode: HistogramMode = "overlap") {
    return this.get<Histogram>(`/api/histogram?${query({ from, to, bins, mode, ...filterParams(filter) })}`);
  }
  step(after: string, backward: boolean, filter: Filter) {
    return this.get<EventRef | null>(`/api/step?${query({ after, dir: backward ? "prev" : "next", ...filterParams(filter) })}`);
  }
  regions() { return this.get<Region[]>("/api/regions"); }
  excerptsForRegion(region: string) { return this.get<RegionExcerpts>(`/api/excerpts?${query({ region })}`); }
  excerpt(id: string) { return this.get<ExcerptView>(`/api/excerpt/${encodeURIComponent(id)}`); }
  event(id: string) { return this.get<Event>(`/api/event/${encodeURIComponent(id)}`); }
  search(q: string, limit: number) { return this.get<SearchHit[]>(`/api/search?${query({ q, limit })}`); }
  article() { return this.get<Article>("/api/article"); }
  allEvents() { return this.get<Event[]>("/api/all-events"); }
  readLink(link: string) { return this.get<LinkAnswer>(`/api/link?${query({ u: link })}`); }
  cite(id: string) { return this.get<Citation>(`/api/cite/${encodeURIComponent(id)}`); }
  async layer(name: string, lod: string) {
    return (await this.raw(`/api/layers/${encodeURIComponent(name)}/${encodeURIComponent(lod)}`)).arrayBuffer();
  }
  async columns() {
    return (await this.raw("/api/columns")).arrayBuffer();
  }
  overviews() { return this.get<State[]>("/api/overviews"); }
  async loadUiState(): Promise<UiState> {
    try {
      const raw = localStorage.getItem(UI_KEY);
      if (raw) return { ...EMPTY_UI, ...(JSON.parse(raw) as Partial<UiState>) };
    } catch {
      // A corrupt entry is dropped; the app starts with defaults.
      localStorage.removeItem(UI_KEY);
    }
    return { ...EMPTY_UI };
  }
  async saveUiState(ui: UiState): Promise<void> {
    localStorage.setItem(UI_KEY, JSON.stringify(ui));
  }
  async startupReport(): Promise<void> {
    // The browser exposes its own performance timeline; nothing to report.
  }
  private post(path: string, body: string | null, type = "image/svg+xml"): Promise<Response> {
    return this.raw(path, { method: "POST", body, headers: body === null ? {} : { "content-type": type } });
  }
  exportFormats() { return this.get<ExportFormats>("/api/export/formats"); }
  async renderPng(svg: string, width: number, height: number) {
    return (await this.post(`/api/export/png?${query({ width, height })}`, svg)).arrayBuffer();
  }
  async startAnimation(params: AnimationParams) {
    return ((await (await this.post("/api/export/animation", JSON.stringify(params), "application/json")).json()) as AnimationStarted).id;
  }
  async addFrame(id: number, svg: string) {
    return ((await (await this.post(`/api/export/animation/${id}/frame`, svg)).json()) as FrameAdded).frames;
  }
  async finishAnimation(id: number) {
    return (await this.post(`/api/export/animation/${id}/finish`, null)).arrayBuffer();
  }
  async cancelAnimation(id: number) {
    await this.post(`/api/export/animation/${id}/cancel`, null);
  }
  /** A download, through a Blob URL and a link with `download` (no network: the bytes are the page's). */
  async saveFile(name: string, mime: string, bytes: ArrayBuffer): Promise<string | null> {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return name;
  }
}

const UI_KEY = "faultlines.ui";
export const EMPTY_UI: UiState = { day: null, window: null, center: null, zoom: null, selected: null, kinds: null, org: null, actor: null, theme: null, lang: null, locale: null, follow: false };

export type Invoke = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;
/** Tauri's `invoke` with a raw body and headers (its real signature; the tests' doubles take only arguments). */
type RawInvoke = <T>(cmd: string, body: Uint8Array, options: { headers: Record<string, string> }) => Promise<T>;

/** A Tauri command, failing with a {@link BackendError} (the backend's and the shell's calls). */
export async function invokeCoded<T>(invoke: Invoke, cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

/** The desktop transport: Tauri commands over IPC. */
export class TauriBackend implements Backend {
  readonly transport = "tauri" as const;
  constructor(private readonly invokeImpl: Invoke) {}

  private call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    return invokeCoded<T>(this.invokeImpl, cmd, args);
  }

  datasetInfo() { return this.call<DatasetInfo>("dataset_info"); }
  stateAt(at: string, events: StateEvents = "all") { return this.call<State>("state_at", { at, events }); }
  eventsIn(from: string, to: string, filter: Filter, offset: number, limit: number) {
    return this.call<EventPage>("events_in", { from, to, filter, offset, limit });
  }
  histogram(from: string, to: string, bins: number, filter: Filter, mode: HistogramMode = "overlap") {
    return this.call<Histogram>("histogram", { from, to, bins, filter, mode });
  }
  step(after: string, backward: boolean, filter: Filter) { return this.call<EventRef | null>("step", { after, backward, filter }); }
  regions() { return this.call<Region[]>("regions"); }
  excerptsForRegion(region: string) { return this.call<RegionExcerpts>("excerpts_for_region", { region }); }
  excerpt(id: string) { return this.call<ExcerptView>("excerpt", { id }); }
  event(id: string) { return this.call<Event>("event", { id }); }
  search(q: string, limit: number) { return this.call<SearchHit[]>("search", { q, limit }); }
  article() { return this.call<Article>("article"); }
  allEvents() { return this.call<Event[]>("all_events"); }
  readLink(link: string) { return this.call<LinkAnswer>("read_link", { link }); }
  cite(id: string) { return this.call<Citation>("cite", { id }); }
  layer(name: string, lod: string) { return this.call<ArrayBuffer>("layer", { name, lod }); }
  columns() { return this.call<ArrayBuffer>("columns"); }
  overviews() { return this.call<State[]>("overviews"); }
  loadUiState() { return this.call<UiState>("load_ui_state"); }
  saveUiState(ui: UiState) { return this.call<void>("save_ui_state", { ui }); }
  startupReport(firstMapEpochMs: number) { return this.call<void>("startup_report", { firstMapEpochMs }); }
  exportFormats() { return this.call<ExportFormats>("export_formats"); }
  renderPng(svg: string, width: number, height: number) { return this.call<ArrayBuffer>("render_png", { svg, width, height }); }
  startAnimation(params: AnimationParams) { return this.call<number>("start_animation", { params }); }
  addFrame(id: number, svg: string) { return this.call<number>("add_frame", { id, svg }); }
  finishAnimation(id: number) { return this.call<ArrayBuffer>("finish_animation", { id }); }
  cancelAnimation(id: number) { return this.call<void>("cancel_animation", { id }); }
  /** The bytes go as the request's raw body; the shell opens the save dialog itself and writes only where it says. */
  async saveFile(name: string, _mime: string, bytes: ArrayBuffer): Promise<string | null> {
    try {
      return await (this.invokeImpl as unknown as RawInvoke)<string | null>("save_export", new Uint8Array(bytes), { headers: { "x-file-name": name } });
    } catch (e) {
      throw toBackendError(e);
    }
  }
}

/** Whether the page runs inside the Tauri webview. */
export function inTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** The backend for this environment. */
export async function connect(): Promise<Backend> {
  if (inTauri()) {
    const { invoke } = await import("@tauri-apps/api/core");
    return new TauriBackend(invoke);
  }
  return new HttpBackend();
}
