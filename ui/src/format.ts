/**
 * Dates in words that keep their precision, in the interface's language:
 * "8 January 2022" / "8 января 2022 г.", "April 1999" / "апрель 1999 г.",
 * "1981" / "1981 г.", "about September 2023" / "около сентября 2023 г.".
 * Dates come as the core's text form (YYYY, YYYY-MM, YYYY-MM-DD, optionally
 * prefixed by ~). Every word of a date comes from `Intl.DateTimeFormat`; a
 * coarser date is the full date's parts less the finer ones, so Russian keeps
 * the case a preposition asks for ("около мая", "с 1999 г.").
 */
import { intlLocale, t } from "./i18n/i18n";

type Precision = "day" | "month" | "year";

interface Parsed {
  date: Date;
  precision: Precision;
  approx: boolean;
}

function parse(text: string): Parsed | null {
  const approx = text.startsWith("~");
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(approx ? text.slice(1) : text);
  if (!m) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  return { date, precision: m[3] ? "day" : m[2] ? "month" : "year", approx };
}

const formats = new Map<string, Intl.DateTimeFormat>();
function dtf(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const loc = intlLocale();
  const key = `${loc}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...options })));
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
const MONTH: Intl.DateTimeFormatOptions = { month: "long", year: "numeric" };

/** The full date's parts without those finer than `keep` (and the separators they leave). */
function partsDown(date: Date, keep: "month" | "year"): string {
  const drop = new Set<string>(keep === "year" ? ["day", "month"] : ["day"]);
  const out: Intl.DateTimeFormatPart[] = [];
  for (const p of dtf(DAY).formatToParts(date)) {
    if (drop.has(p.type)) continue;
    // A separator at the start, or after another, was next to a dropped part.
    if (p.type === "literal" && (out.length === 0 || out[out.length - 1]!.type === "literal")) continue;
    out.push(p);
  }
  return out.map((p) => p.value).join("").trim();
}

/**
 * Intl's spaces made plain: engines and ICU versions differ in where they put
 * no-break and thin spaces ("1999 г.", "6 – 19"), and the words must not.
 */
function plain(s: string): string {
  return s.replace(/[\u00a0\u2009\u202f]/g, " ");
}

function words(p: Parsed, governed: boolean): string {
  return plain(wordsOf(p, governed));
}

function wordsOf(p: Parsed, governed: boolean): string {
  if (p.precision === "day") return dtf(DAY).format(p.date);
  if (p.precision === "year") return partsDown(p.date, "year");
  // A month alone is named as such ("май 2022 г."), but after a preposition
  // it takes the case the full date gives it ("около мая 2022 г.").
  return governed ? partsDown(p.date, "month") : dtf(MONTH).format(p.date);
}

/**
 * A date in words, as precise as it was given. `governed`: the date follows
 * a preposition ("since", "until", "about"), which in Russian asks for the
 * genitive.
 */
export function formatDate(text: string, governed = false): string {
  // The slider says its date at every step of a drag: the words of a date are
  // worked out once per language (Intl's parts cost a tenth of a millisecond in WebKit).
  const key = `${intlLocale()}|${governed ? 1 : 0}|${text}`;
  let out = said.get(key);
  if (out === undefined) {
    if (said.size >= SAID_MAX) said.clear();
    said.set(key, (out = sayDate(text, governed)));
  }
  return out;
}

/** Dates already said, by language, government and text; cleared whole when full. */
const said = new Map<string, string>();
const SAID_MAX = 4096;

function sayDate(text: string, governed: boolean): string {
  const p = parse(text);
  if (!p) return text;
  if (p.approx) return t("date-about", { date: words(p, true) });
  return words(p, governed);
}

/** A span of two dates, shortened where they share a month or year: "6–19 January 2022". */
export function formatSpan(start: string, end: string | null): string {
  if (!end || end === start) return formatDate(start);
  const a = parse(start);
  const b = parse(end);
  if (a && b && !a.approx && !b.approx && a.precision === b.precision && a.precision !== "year" && a.date <= b.date) {
    const range = plain(dtf(a.precision === "day" ? DAY : MONTH).formatRange(a.date, b.date));
    // Between two days of one month the dash stands alone ("6–19 January").
    const sameMonth = a.date.getUTCFullYear() === b.date.getUTCFullYear() && a.date.getUTCMonth() === b.date.getUTCMonth();
    return sameMonth ? range.replace(/^(\d+) – (\d+)/, "$1–$2") : range;
  }
  return t("date-range", { start: formatDate(start), end: formatDate(end) });
}

/** The months' one-letter names (January first), for the timeline's ticks. */
export function monthLetters(): string[] {
  const f = dtf({ month: "narrow" });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2001, m, 1))));
}

/** Day number (days since 1970-01-01) to YYYY-MM-DD. */
export function dayToIso(day: number): string {
  const d = new Date(day * 86400000);
  const y = d.getUTCFullYear();
  const s = `${String(Math.abs(y)).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
  return y < 0 ? `-${s}` : s;
}

/** YYYY-MM-DD (or coarser) to a day number (first day of the period). */
export function isoToDay(text: string): number {
  const t = text.replace(/^~/, "");
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(t);
  if (!m) return NaN;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  d.setUTCHours(0, 0, 0, 0);
  return Math.round(d.getTime() / 86400000);
}
