// Generated from the Rust types by `tests/bindings.rs`; do not edit.
// Refresh with: UPDATE_BINDINGS=1 cargo test --test bindings

/** A date as text: YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by ~ (approximate). */
export type DateText = string;

export type Precision = "day" | "month" | "year";

export type ErrorCode = "bad_date" | "bad_request" | "range_inverted" | "unknown_region" | "unknown_event" | "unknown_excerpt" | "unknown_layer" | "too_large" | "not_found" | "invalid_dataset" | "import_failed" | "cancelled" | "internal";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * Machine-readable context, e.g. `{"param": "at", "value": "2022-13-01"}`.
 */
details: Record<string, unknown> | null, };

export type Problem = { 
/**
 * The file, relative to the dataset directory.
 */
file: string, 
/**
 * The record (event, excerpt, region…) it concerns, if any.
 */
id: string | null, message: string, };

export type Geometry = { "type": "Point", "coordinates": [number, number] } | { "type": "MultiPoint", "coordinates": Array<[number, number]> } | { "type": "LineString", "coordinates": Array<[number, number]> } | { "type": "MultiLineString", "coordinates": Array<Array<[number, number]>> } | { "type": "Polygon", "coordinates": Array<Array<[number, number]>> } | { "type": "MultiPolygon", "coordinates": Array<Array<Array<[number, number]>>> };

export type ArticleMeta = { title: string, author: string, 
/**
 * When it was published, as precisely as known.
 */
date: string, publisher: string | null, url: string | null, 
/**
 * How the excerpts were chosen and linked, shown in the reading view.
 */
linking_note: string, };

export type DatasetText = { title: string, description: string, attribution: string, 
/**
 * The article's `linking_note`.
 */
linking_note: string, };

export type EventKind = "exercise" | "deployment" | "withdrawal" | "conflict" | "blockade" | "summit" | "treaty" | "statement" | "diplomacy" | "membership" | "other";

export type EventEnd = { "type": "instant" } | { "type": "at", "date": string } | { "type": "open" };

export type Discrepancy = { note: string, sources: Array<string>, 
/**
 * The note in other languages (`{"ru": "…"}`).
 */
i18n?: { [key in string]: string }, };

export type Absence = { 
/**
 * ISO 3166-1 alpha-3 code.
 */
actor: string, note: string, 
/**
 * The note in other languages (`{"ru": "…"}`).
 */
i18n?: { [key in string]: string }, };

export type EventText = { title: string, description: string, };

export type EventProps = { id: string, title: string, description: string, kind: EventKind, start: string, end: EventEnd, 
/**
 * Names of the places the geometry marks, in order.
 */
places: Array<string>, 
/**
 * Map regions the event concerns (ids of `regions.json`).
 */
regions: Array<string>, 
/**
 * ISO 3166 codes (withdrawn ones for historical states) and organization ids.
 */
actors: Array<string>, 
/**
 * For exercises and summits: who took part.
 */
participants: Array<string>, 
/**
 * For exercises and summits: members who stayed away or refused.
 */
absent: Array<Absence>, 
/**
 * Set when a planned event did not take place.
 */
cancelled: string | null, 
/**
 * Excerpt ids the event relates to.
 */
excerpts: Array<string>, sources: Array<string>, discrepancies: Array<Discrepancy>, 
/**
 * How precisely the place is known, when the source says (UCDP's
 * `where_prec`, ACLED's `geo_precision`); absent means as drawn.
 */
place_precision?: PlacePrecision, 
/**
 * The title and description in other languages
 * (`{"ru": {"title": …, "description": …}}`).
 */
i18n?: { [key in string]: EventText }, };

export type Event = { geometry: Geometry, 
/**
 * First day the event may cover (start's earliest day).
 */
lo: number, 
/**
 * Last day it may cover (end's latest day; [`OPEN_END`] when open).
 */
hi: number, id: string, title: string, description: string, kind: EventKind, start: string, end: EventEnd, 
/**
 * Names of the places the geometry marks, in order.
 */
places: Array<string>, 
/**
 * Map regions the event concerns (ids of `regions.json`).
 */
regions: Array<string>, 
/**
 * ISO 3166 codes (withdrawn ones for historical states) and organization ids.
 */
actors: Array<string>, 
/**
 * For exercises and summits: who took part.
 */
participants: Array<string>, 
/**
 * For exercises and summits: members who stayed away or refused.
 */
absent: Array<Absence>, 
/**
 * Set when a planned event did not take place.
 */
cancelled: string | null, 
/**
 * Excerpt ids the event relates to.
 */
excerpts: Array<string>, sources: Array<string>, discrepancies: Array<Discrepancy>, 
/**
 * How precisely the place is known, when the source says (UCDP's
 * `where_prec`, ACLED's `geo_precision`); absent means as drawn.
 */
place_precision?: PlacePrecision, 
/**
 * The title and description in other languages
 * (`{"ru": {"title": …, "description": …}}`).
 */
i18n?: { [key in string]: EventText }, };

export type DisputeText = { name: string, description: string, };

export type MemberStatus = "member" | "suspended" | "frozen" | "observer";

export type MembershipPeriod = { from: string, 
/**
 * `None`: still so today.
 */
to: string | null, status: MemberStatus, note: string, sources: Array<string>, discrepancies: Array<Discrepancy>, };

export type Membership = { org: string, 
/**
 * ISO 3166-1 alpha-3 (withdrawn codes for historical states).
 */
country: string, periods: Array<MembershipPeriod>, };

export type Organization = { id: string, name: string, short: string, founded: string, dissolved: string | null, sources: Array<string>, };

export type DisputeLevel = "calm" | "tense" | "fighting" | "blocked" | "settled";

export type DisputePeriod = { from: string, level: DisputeLevel, 
/**
 * e.g. "open under Russian peacekeepers", "blockaded".
 */
status: string, sources: Array<string>, 
/**
 * The status in other languages (`{"ru": "…"}`).
 */
i18n?: { [key in string]: string }, };

export type DisputeProps = { id: string, name: string, description: string, parties: Array<string>, regions: Array<string>, timeline: Array<DisputePeriod>, 
/**
 * Event ids of its incidents.
 */
incidents: Array<string>, 
/**
 * The name and description in other languages.
 */
i18n?: { [key in string]: DisputeText }, };

export type Dispute = { geometry: Geometry, id: string, name: string, description: string, parties: Array<string>, regions: Array<string>, timeline: Array<DisputePeriod>, 
/**
 * Event ids of its incidents.
 */
incidents: Array<string>, 
/**
 * The name and description in other languages.
 */
i18n?: { [key in string]: DisputeText }, };

export type RegionKind = "country" | "province" | "disputed" | "line" | "place" | "union";

export type Region = { id: string, kind: RegionKind, name_en: string, name_ru: string, 
/**
 * The country it lies in (ISO alpha-3), for provinces and places.
 */
country: string | null, 
/**
 * Layer holding its geometry.
 */
layer: string, 
/**
 * Label anchor [lon, lat].
 */
anchor: [number, number], 
/**
 * [west, south, east, north]
 */
bbox: [number, number, number, number], 
/**
 * The region through time, in time order (see `docs/borders.md`). The
 * fields above are those of the last version.
 */
versions: Array<RegionVersion>, };

export type RegionVersion = { 
/**
 * The feature that draws it, in `layer`.
 */
feature: string, layer: string, 
/**
 * First day in force; `None`: since before the record.
 */
valid_from: string | null, 
/**
 * First day no longer in force; `None`: still in force.
 */
valid_to: string | null, 
/**
 * `valid_from` as a day number ([`FOREVER_BEFORE`] when `None`).
 */
lo: number, 
/**
 * `valid_to` as a day number ([`OPEN_END`] when `None`).
 */
hi: number, name_en: string, name_ru: string, 
/**
 * The state it belongs to de jure, when not itself.
 */
sovereign: string | null, 
/**
 * Who holds it de facto, where that differs from the sovereign.
 */
controller: string | null, 
/**
 * The shape is an estimate (see `geodata/src/PROVENANCE.md`).
 */
approximate: boolean, anchor: [number, number], bbox: [number, number, number, number], sources: Array<string>, 
/**
 * A sourced remark about this version.
 */
note: string | null, 
/**
 * What happened when it came into force, for the live region.
 */
change: string | null, 
/**
 * `note` in Russian.
 */
note_ru?: string, 
/**
 * `change` in Russian.
 */
change_ru?: string, };

export type Excerpt = { id: string, start: number, end: number, 
/**
 * Offsets in UTF-16 code units, for the web UI.
 */
start_utf16: number, end_utf16: number, text: string, events: Array<string>, 
/**
 * Linked regions, in id order, each with why it is linked: gazetteer
 * matches and their heirs, plus curated additions, minus removals.
 */
links: Array<ExcerptLink>, general: boolean, 
/**
 * Notes on this sentence, in the order of the words they are about.
 */
notes: Array<ExcerptNote>, };

export type ExcerptNote = { kind: NoteKind, quote: string, note: string, sources: Array<string>, 
/**
 * Where the quoted words are in the excerpt's text, in UTF-16 code
 * units from its start (what the web UI slices by).
 */
start_utf16: number, end_utf16: number, 
/**
 * The note in other languages (`{"ru": "…"}`).
 */
i18n?: { [key in string]: string }, };

export type NoteKind = "correction" | "unverified" | "update" | "sic";

export type LinkReason = "names" | "curated" | "through" | "group";

export type ExcerptLink = { region: string, reason: LinkReason, 
/**
 * The words of the sentence that reach it, as written, in text order
 * ("Tajik", "Dushanbe"); the group's or the state's name for the
 * weaker reasons; empty for a curated link.
 */
names: Array<string>, 
/**
 * The historical state it is reached through (`through` only).
 */
via: string | null, 
/**
 * How many times the sentence reaches it this way.
 */
mentions: number, };

export type LayerIndex = { layers: Array<LayerEntry>, };

export type LayerEntry = { 
/**
 * e.g. "countries".
 */
name: string, 
/**
 * Level of detail name ("overview", "detail") → file under `map/layers/`.
 */
files: { [key in string]: string }, 
/**
 * Size in bytes of each file, to plan the first paint.
 */
bytes: { [key in string]: number }, };

export type Mention = { 
/**
 * Character offsets (Unicode scalar values) within the text searched.
 */
start: number, end: number, 
/**
 * The name as written.
 */
name: string, 
/**
 * Regions it stands for (several for a group).
 */
regions: Array<string>, 
/**
 * Set when the name is a group's ("Central Asian republics"): the
 * text reaches its members through the group rather than naming them.
 */
group: boolean, };

export type HitKind = "region" | "event" | "excerpt";

export type SearchHit = { kind: HitKind, id: string, 
/**
 * What to show: the region's name, the event's title or the excerpt's text.
 */
title: string, 
/**
 * An event's title (and description) in other languages.
 */
i18n?: { [key in string]: EventText }, 
/**
 * Day number to move the slider to, for events and dated excerpts.
 */
day: number | null, 
/**
 * Region to select, for regions and events/excerpts tied to one.
 */
region: string | null, score: number, };

export type TimeSpan = { start: string, end: string, start_day: number, end_day: number, };

export type HistogramMode = "overlap" | "starts";

export type StateEvents = "all" | "none";

export type Counts = { events: number, excerpts: number, 
/**
 * Excerpt–region links, after the gazetteer and the curated changes.
 */
links: number, regions: number, disputes: number, memberships: number, organizations: number, sources: number, events_by_kind: Array<KindCount>, };

export type KindCount = { kind: EventKind, count: number, };

export type DatasetInfo = { title: string, description: string, attribution: string, article: ArticleMeta, span: TimeSpan, counts: Counts, organizations: Array<Organization>, layers: LayerIndex, 
/**
 * The bounding box of every event's geometry, `[west, south, east,
 * north]` in degrees; `None` when there are no events. The UI frames
 * the map on it.
 */
extent: [number, number, number, number] | null, 
/**
 * The share (0 to 1) of the events' places (each event's last position,
 * as in the columns) inside the regional frame
 * ([`crate::layer::REGIONAL_FRAME`]); `None` when there are no events.
 * A story whose extent reaches beyond the frame keeps the regional view
 * when most of its events lie inside it.
 */
in_frame: number | null, 
/**
 * The version of the core that answered.
 */
version: string, 
/**
 * The title, description, attribution and linking note in other languages.
 */
i18n?: { [key in string]: DatasetText }, };

export type Phase = "starting" | "ongoing" | "ending";

export type ActiveEvent = { 
/**
 * Position in the dataset's time order (as in [`Api::columns`]).
 */
index: number, id: string, kind: EventKind, title: string, 
/**
 * The title (and description) in other languages.
 */
i18n?: { [key in string]: EventText }, start: string, end: EventEnd, geometry: Geometry, places: Array<string>, regions: Array<string>, actors: Array<string>, participants: Array<string>, absent: Array<Absence>, cancelled: string | null, 
/**
 * First and last day the event may cover.
 */
lo: number, hi: number, phase: Phase, 
/**
 * 0 at the first possible day, 1 at the last; `null` when open-ended.
 */
progress: number | null, 
/**
 * 1 where the dates say it is surely on; less inside a fuzzy start or end.
 */
certainty: number, };

export type MembershipState = { org: string, country: string, 
/**
 * The map regions it paints at that instant: the region of that code
 * and every region whose version in force has it as its sovereign.
 */
regions: Array<string>, status: MemberStatus, since: string, until: string | null, note: string, };

export type DisputeState = { id: string, name: string, 
/**
 * Map regions the dispute concerns.
 */
regions: Array<string>, level: DisputeLevel, status: string, since: string, 
/**
 * The name and status in other languages, where the story gives both.
 */
i18n?: { [key in string]: DisputeStateText }, };

export type DisputeStateText = { name: string, status: string, };

export type State = { at: string, day: number, events: Array<ActiveEvent>, memberships: Array<MembershipState>, disputes: Array<DisputeState>, };

export type Filter = { 
/**
 * Only these kinds (all when absent or empty).
 */
kinds?: Array<EventKind>, 
/**
 * Only events with this actor (ISO code or organization id).
 */
actor?: string, 
/**
 * Only events concerning this region.
 */
region?: string, };

export type EventPage = { total: number, offset: number, events: Array<Event>, };

export type Bin = { start_day: number, end_day: number, count: number, };

export type Histogram = { bins: Array<Bin>, max: number, };

export type EventRef = { id: string, title: string, 
/**
 * The title (and description) in other languages.
 */
i18n?: { [key in string]: EventText }, kind: EventKind, start: string, end: EventEnd, lo: number, hi: number, 
/**
 * Where the event's facts come from.
 */
sources: Array<string>, 
/**
 * Notes on the event itself (sources that disagree on its day), as
 * opposed to notes on a sentence, which its excerpt carries.
 */
notes: Array<Discrepancy>, };

export type ExcerptView = { excerpt: Excerpt, events: Array<EventRef>, 
/**
 * Why it is listed for the region asked about (`excerpts_for_region`
 * only).
 */
link: ExcerptLink | null, };

export type RegionExcerpts = { region: Region, excerpts: Array<ExcerptView>, 
/**
 * Events concerning the region, in time order.
 */
events: Array<EventRef>, };

export type Article = { meta: ArticleMeta, text: string, excerpts: Array<Excerpt>, 
/**
 * Place names found in the text (character offsets).
 */
mentions: Array<Mention>, };

export type PlacePrecision = "exact" | "near" | "district" | "province" | "line" | "country" | "sea";

export type ImportMeta = { files: Array<ImportedFile>, };

export type ImportedFile = { 
/**
 * The file's name, without its folder.
 */
name: string, 
/**
 * The format it was read as: `geojson`, `csv`, `acled`, `ucdp` or `text`.
 */
format: string, 
/**
 * Rows (or features) read, and how many became events.
 */
rows: number, imported: number, };

export type ViewLink = { 
/**
 * The slider's day.
 */
at: number | null, 
/**
 * The selected region's id.
 */
region: string | null, 
/**
 * The timeline's window: its first and last day (`from`, `to`).
 */
window: [number, number] | null, 
/**
 * The map's zoom (1: the story's whole frame).
 */
zoom: number | null, 
/**
 * The map's centre, `[lon, lat]` in degrees.
 */
center: [number, number] | null, 
/**
 * The event kinds shown, in the core's order; `None` for all.
 */
kinds: Array<EventKind> | null, 
/**
 * Only the events of this organization.
 */
actor: string | null, 
/**
 * The organization whose members the map colours; `""` for none.
 */
org: string | null, 
/**
 * The excerpt the reading view opens at.
 */
excerpt: string | null, };

export type IgnoredWhy = "junk" | "too_long" | "unknown_key" | "repeated" | "impossible_date" | "bad_number" | "out_of_range" | "range_inverted" | "incomplete" | "unknown_region" | "unknown_excerpt" | "unknown_organization" | "unknown_kind";

export type Ignored = { 
/**
 * The key (`""` for junk that has none).
 */
key: string, 
/**
 * The value as given (decoded), cut to 80 characters.
 */
value: string, why: IgnoredWhy, };

export type LinkAnswer = { view: ViewLink, ignored: Array<Ignored>, query: string, };

export type Citation = { 
/**
 * The excerpt cited.
 */
excerpt: string, 
/**
 * The entry's key in BibTeX and id in CSL-JSON, also the stem of a saved file's name.
 */
key: string, 
/**
 * Author, title, publication, date, address, then the sentence quoted.
 */
plain: string, bibtex: string, 
/**
 * A CSL-JSON array of one item.
 */
csl_json: string, };

export type RowProblem = { 
/**
 * The file's name as given.
 */
file: string, 
/**
 * 1-based line of the row (the feature's first line in GeoJSON); 0 for
 * the file as a whole.
 */
line: number, 
/**
 * The column or property at fault, if one is.
 */
field: string | null, 
/**
 * The reason in English, as the CLI prints it.
 */
message: string, 
/**
 * The reason's stable code (one of [`RowProblem::CODES`]), for the app
 * to word it in its own language; `None` for a reason not yet coded.
 */
code: string | null, 
/**
 * The reason's parameters (the value, the column, the other row…).
 */
details: Record<string, unknown>, };

export type ImportWarning = { code: string, message: string, details: Record<string, unknown>, };

export type ImportReport = { 
/**
 * The story folder written.
 */
folder: string, title: string, files: Array<ImportedFile>, events: number, rejected: number, 
/**
 * The first problems (all of them up to ten thousand), in file and line order.
 */
problems: Array<RowProblem>, 
/**
 * Things that do not reject a row but may be wrong (swapped coordinates).
 */
warnings: Array<ImportWarning>, excerpts: number, 
/**
 * Excerpts linked to at least one region.
 */
linked: number, };

export type Format = "geojson" | "csv" | "acled" | "ucdp";

export type Field = "id" | "date" | "end" | "lat" | "lon" | "wkt" | "title" | "kind" | "description" | "source" | "place";

export type StoryEntry = { 
/**
 * The folder's name, unique in the library.
 */
id: string, title: string, description: string, 
/**
 * The files it was made from.
 */
files: Array<string>, };

export type Progress = { 
/**
 * Bytes read of all the files, and their total.
 */
done: number, total: number, 
/**
 * Rows read so far.
 */
rows: number, };

export type ExportFormat = "gif" | "webm" | "mp4";

export type ExportFormats = { 
/**
 * The animation formats available here: GIF always, WebM and MP4 only
 * where a system `ffmpeg` with their encoder is on the PATH.
 */
animation: Array<ExportFormat>, max_side: number, max_pixels: number, max_frame_side: number, max_frames: number, max_fps: number, max_svg_bytes: number, };

export type AnimationParams = { format: ExportFormat, width: number, height: number, fps: number, 
/**
 * How many frames will be sent; more are refused.
 */
frames: number, };

export type AnimationStarted = { id: number, };

export type FrameAdded = { frames: number, };

/** Every event kind, in the core's order. */
export const EVENT_KINDS = ["exercise", "deployment", "withdrawal", "conflict", "blockade", "summit", "treaty", "statement", "diplomacy", "membership", "other"] as const satisfies readonly EventKind[];

/** The layout of the binary columns (`Api::columns`). */
export const COLUMNS = { magic: "FLC1", header: 8, record: 28, at: { lo: 0, hi: 4, startSure: 8, endFrom: 12, flags: 16, kind: 17, lon: 20, lat: 24 }, flags: { open: 1, fuzzyStart: 2, fuzzyEnd: 4 } } as const;

/** Every error code the core answers with. */
export const ERROR_CODES = ["bad_date", "bad_request", "range_inverted", "unknown_region", "unknown_event", "unknown_excerpt", "unknown_layer", "too_large", "not_found", "invalid_dataset", "import_failed", "cancelled", "internal"] as const satisfies readonly ErrorCode[];

/** Every kind of failed import (`details.kind` of an `import_failed` error). */
export const IMPORT_FAILURES = ["io", "unreadable", "columns", "strict", "no_events", "invalid", "cancelled", "usage"] as const;

/** Every code of an import's warning (`ImportWarning.code`). */
export const IMPORT_WARNINGS = ["swapped"] as const;

/** Every kind of file that is not data (`details.what` of an `unreadable` import). */
export const IMPORT_NOT_DATA = ["empty", "container", "utf16", "blank", "binary"] as const;

/** Every code of a rejected row's reason (`RowProblem.code`). */
export const IMPORT_ROW_REASONS = ["not_a_date", "missing", "bad_coordinate", "latitude_out_of_range", "longitude_out_of_range", "end_before_start", "duplicate_id", "unknown_region", "empty_title", "no_source", "empty_source", "deployment_needs_line", "unknown_language", "empty_translation", "time_precision_unknown", "date_prec_unknown", "where_prec_unknown", "precision_needs_day", "not_wkt", "geometry_collection", "not_a_geometry", "coordinate_out_of_range", "no_date_property", "interval_without_start", "not_utf8", "no_coordinates", "line_too_short"] as const;

/** Links to a view (`crates/core/src/view_link/`): the scheme and host of the desktop app's, the keys in the order they are written, the longest read. */
export const LINK = { scheme: "faultlines", host: "view", keys: { at: "at", region: "region", from: "from", to: "to", zoom: "zoom", center: "center", kinds: "kinds", actor: "actor", org: "org", excerpt: "excerpt" }, max: 4096 } as const;

/** The regional frame in degrees (`layer::REGIONAL_FRAME`): the regional layers are clipped to it. */
export const FRAME = { west: 10, south: 25, east: 95, north: 62 } as const;
