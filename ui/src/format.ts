/**
 * Human-readable dates that keep their precision: "8 January 2022",
 * "April 1999", "1981", "about September 2023". Dates come as the core's text
 * form (YYYY, YYYY-MM, YYYY-MM-DD, optionally prefixed by ~).
 */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function formatDate(text: string): string {
  const approx = text.startsWith("~");
  const t = approx ? text.slice(1) : text;
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(t);
  if (!m) return text;
  const [, y, mo, d] = m;
  const year = String(Number(y));
  let out: string;
  if (d && mo) out = `${Number(d)} ${MONTHS[Number(mo) - 1]} ${year}`;
  else if (mo) out = `${MONTHS[Number(mo) - 1]} ${year}`;
  else out = year;
  return approx ? `about ${out}` : out;
}

/** A span of two dates, shortened where they share a month or year: "6–19 January 2022". */
export function formatSpan(start: string, end: string | null): string {
  if (!end || end === start) return formatDate(start);
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (a && b && a[1] === b[1]) {
    if (a[2] === b[2]) return `${Number(a[3])}–${Number(b[3])} ${MONTHS[Number(a[2]) - 1]} ${a[1]}`;
    return `${Number(a[3])} ${MONTHS[Number(a[2]) - 1]} – ${Number(b[3])} ${MONTHS[Number(b[2]) - 1]} ${a[1]}`;
  }
  return `${formatDate(start)} – ${formatDate(end)}`;
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
