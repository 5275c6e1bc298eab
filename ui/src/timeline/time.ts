/**
 * The time axis: the visible window, zoom levels and their stepping units,
 * playback speeds and the story's eras. Days are the core's day numbers
 * (days since 1970-01-01).
 */
import { dayToIso, formatDate, isoToDay } from "../format";

export type Unit = "day" | "week" | "month" | "year";

/** The unit arrows step by, for a window of `len` days. */
export function unitFor(len: number): Unit {
  if (len > 365 * 25) return "year";
  if (len > 365 * 4) return "month";
  if (len > 400) return "week";
  return "day";
}

/** `day` moved by `n` units (calendar-aware for months and years). */
export function addUnits(day: number, unit: Unit, n: number): number {
  if (unit === "day") return day + n;
  if (unit === "week") return day + 7 * n;
  const d = new Date(day * 86400000);
  if (unit === "month") d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return Math.round(d.getTime() / 86400000);
}

/** How precise a date of the data is: "2022-05-20" a day, "2022-05" a month, "~1999" a year. */
export function unitOfDate(date: string): Unit {
  const n = date.replace(/^~/, "").length;
  return n >= 10 ? "day" : n >= 7 ? "month" : "year";
}

const FINENESS: Record<Unit, number> = { day: 0, week: 1, month: 2, year: 3 };

/** The finer of two units. */
export function finer(a: Unit, b: Unit): Unit {
  return FINENESS[a] <= FINENESS[b] ? a : b;
}

/** The slider's date in words, as precise as the unit it moves by. */
export function dateAt(day: number, unit: Unit): string {
  const iso = dayToIso(day);
  if (unit === "year") return formatDate(iso.slice(0, 4));
  if (unit === "month") return formatDate(iso.slice(0, 7));
  return formatDate(iso);
}

export interface Speed {
  /** Its message id. */
  label: string;
  /** Days per second of playback. */
  daysPerSecond: number;
}

export const SPEEDS: Speed[] = [
  { label: "tl-speed-day", daysPerSecond: 1 },
  { label: "tl-speed-week", daysPerSecond: 7 },
  { label: "tl-speed-month", daysPerSecond: 30.44 },
  { label: "tl-speed-year", daysPerSecond: 365.25 },
  { label: "tl-speed-5years", daysPerSecond: 1826 },
];

export interface Era {
  /** Its message id. */
  label: string;
  from: number;
  to: number;
}

export const ERAS: Era[] = [
  { label: "era-warsaw-pact", from: isoToDay("1955-05-14"), to: isoToDay("1991-07-01") },
  { label: "era-1990s", from: isoToDay("1991-07-02"), to: isoToDay("2002-05-13") },
  { label: "era-csto", from: isoToDay("2002-05-14"), to: isoToDay("2021-12-31") },
  { label: "era-2022", from: isoToDay("2022-01-01"), to: isoToDay("2023-12-31") },
];

/** Preset windows a reader can jump to: the whole span by its message, the others by their years. */
export const PRESETS: { label: string; message?: string; from: string; to: string }[] = [
  { label: "All", message: "tl-preset-all", from: "", to: "" },
  { label: "1955–1991", from: "1955-01-01", to: "1991-12-31" },
  { label: "1991–2020", from: "1991-01-01", to: "2020-12-31" },
  { label: "2021–2023", from: "2021-01-01", to: "2023-12-31" },
];

/** A window [from, to] zoomed by `factor` (<1 zooms in) around `center`, kept inside [min, max]. */
export function zoomWindow(from: number, to: number, factor: number, center: number, min: number, max: number): [number, number] {
  const len = Math.min(max - min, Math.max(30, (to - from) * factor));
  const ratio = (center - from) / Math.max(1, to - from);
  let a = Math.round(center - len * ratio);
  let b = Math.round(a + len);
  if (a < min) { b += min - a; a = min; }
  if (b > max) { a -= b - max; b = max; }
  return [Math.max(min, a), Math.min(max, b)];
}
