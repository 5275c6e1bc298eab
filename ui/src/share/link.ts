/**
 * A link to the view on screen, written the core's way: the keys, their
 * order and the scheme come from the core (`LINK` in the bindings), and the
 * browser tests hold this writer to the core's own (`ViewLink::to_query`)
 * by having the core read back every link written here. Reading a link is
 * the core's alone (`backend.readLink`); nothing here parses one.
 */
import { EVENT_KINDS, LINK, type ViewLink } from "../api/bindings";
import { dayToIso } from "../format";

/** The slider's day when a link does not say (as at a first start). */
export const DEFAULT_AT = "2022-01-08";

/** RFC 3986's unreserved characters stay; every other byte is %-escaped, as the core writes. */
export function encodeComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The link's query for a view: keys in the core's order, dates as YYYY-MM-DD. */
export function viewQuery(v: ViewLink): string {
  const k = LINK.keys;
  const parts: string[] = [];
  const put = (key: string, value: string) => parts.push(`${key}=${value}`);
  if (v.at !== null) put(k.at, dayToIso(v.at));
  if (v.region !== null) put(k.region, encodeComponent(v.region));
  if (v.window !== null) {
    put(k.from, dayToIso(v.window[0]));
    put(k.to, dayToIso(v.window[1]));
  }
  if (v.zoom !== null) put(k.zoom, String(v.zoom));
  if (v.center !== null) put(k.center, `${String(v.center[0])},${String(v.center[1])}`);
  if (v.kinds !== null) put(k.kinds, EVENT_KINDS.filter((x) => v.kinds!.includes(x)).join(","));
  if (v.actor !== null) put(k.actor, encodeComponent(v.actor));
  if (v.org !== null) put(k.org, encodeComponent(v.org));
  if (v.excerpt !== null) put(k.excerpt, encodeComponent(v.excerpt));
  return parts.join("&");
}

/** The desktop app's link: `faultlines://view?…`. */
export function appLink(v: ViewLink): string {
  return `${LINK.scheme}://${LINK.host}?${viewQuery(v)}`;
}

/** This page's address with the view in its fragment. */
export function pageLink(v: ViewLink, here: Location = location): string {
  return `${here.origin}${here.pathname}${here.search}#${viewQuery(v)}`;
}
