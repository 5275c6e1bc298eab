// Generated from the Rust types by `src-tauri/src/prefs.rs`; do not edit.
// Refresh with: UPDATE_BINDINGS=1 cargo test -p faultlines-app typescript

import type { ApiError, EventKind, StoryEntry } from "./bindings";

export type UiState = { 
/**
 * Slider date (day number).
 */
day: number | null, 
/**
 * Visible time window (day numbers).
 */
window: [number, number] | null, 
/**
 * Map view: centre [lon, lat] and zoom.
 */
center: [number, number] | null, zoom: number | null, selected: string | null, 
/**
 * Event kinds shown; `None` for all.
 */
kinds: Array<EventKind> | null, 
/**
 * Organization of the membership map ("" for none).
 */
org: string | null, 
/**
 * Only events of this organization ("" or none for all).
 */
actor: string | null, 
/**
 * "light" or "dark".
 */
theme: string | null, 
/**
 * Language of place names: "en" or "ru".
 */
lang: string | null, 
/**
 * Language of the interface the reader chose ("en" or "ru"); none to
 * follow the system's.
 */
locale: string | null, follow: boolean, };

export type StoriesView = { 
/**
 * The built-in story's title.
 */
builtin: string, 
/**
 * The current story's library id; `null` for the built-in one.
 */
current: string | null, stories: Array<StoryEntry>, 
/**
 * Something to tell the reader once, e.g. that the remembered story is
 * gone: coded like an error (`details.kind`, and the `cause`), so the
 * UI says it in its language; `message` is the English sentence.
 */
notice: ApiError | null, };

export type ShellEvent = { "kind": "open", paths: Array<string>, } | { "kind": "chooseFiles" } | { "kind": "chooseFolder" } | { "kind": "link", url: string, };
