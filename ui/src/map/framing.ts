/**
 * How the map is framed for a story. The regional layers cover the
 * Caucasus–Central Asia frame only; a story whose events lie mostly there
 * keeps today's conic view, exactly. A story from elsewhere gets a world
 * projection (Equal Earth, centred on its events) fitted to its events'
 * extent, with the world layer beneath and the regional layers still where
 * they fall. The rule reads the extent the core reports and, when that
 * reaches outside the frame, the share of the events' places inside it (the
 * core's too): a handful of treaties signed in Washington do not move the
 * built-in story.
 */
import { geoEqualEarth, type GeoProjection } from "d3-geo";
import { FRAME } from "../api/bindings";

/** `[west, south, east, north]` in degrees. */
export type Extent = [number, number, number, number];

export type Framing = { kind: "regional" } | { kind: "world"; extent: Extent };

export const REGIONAL: Framing = { kind: "regional" };

/** At least this share of the events' places inside the frame keeps the regional view. */
export const REGIONAL_SHARE = 0.75;

/** Whether [lon, lat] lies inside the regional frame. */
export function inFrame(lon: number, lat: number): boolean {
  return lon >= FRAME.west && lon <= FRAME.east && lat >= FRAME.south && lat <= FRAME.north;
}

/** Whether the extent lies wholly inside the regional frame. */
export function extentInFrame(e: Extent): boolean {
  return inFrame(e[0], e[1]) && inFrame(e[2], e[3]);
}

/**
 * The framing of a story: regional without events, when the extent lies in
 * the frame, or when most places (`share`, null if unknown) do; else the
 * world, fitted to the extent.
 */
export function chooseFraming(extent: Extent | null, share: number | null): Framing {
  if (!extent || extentInFrame(extent)) return REGIONAL;
  if (share !== null && share >= REGIONAL_SHARE) return REGIONAL;
  return { kind: "world", extent };
}

/**
 * How much coarser the world layer is than the regional layers at each
 * level of detail (0.1° against 0.02° simplification): a world framing
 * wants the detail that much sooner.
 */
export const WORLD_COARSER = 5;

/** Least span of a framed extent, in degrees (one event still shows its surroundings). */
const MIN_SPAN = 8;

/** The extent grown by a margin (a sixth of its span, at least MIN_SPAN in all), within the globe. */
export function padded(e: Extent): Extent {
  const grow = (lo: number, hi: number, max: number): [number, number] => {
    const mid = (lo + hi) / 2;
    const half = Math.max((hi - lo) * (1 + 1 / 3), MIN_SPAN) / 2;
    return [Math.max(-max, mid - half), Math.min(max, mid + half)];
  };
  const [w, e2] = e[2] - e[0] > 300 ? [-180, 180] : grow(e[0], e[2], 180);
  const [s, n] = grow(e[1], e[3], 85);
  return [w, s, e2, n];
}

/** Positions around a box's edge, a few per side, so that a fit follows its parallels. */
export function boxRing(e: Extent, steps = 12): [number, number][] {
  const [w, s, east, n] = e;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) ring.push([w + ((east - w) * i) / steps, s]);
  for (let i = 0; i <= steps; i++) ring.push([east, s + ((n - s) * i) / steps]);
  for (let i = 0; i <= steps; i++) ring.push([east - ((east - w) * i) / steps, n]);
  for (let i = 0; i <= steps; i++) ring.push([w, n - ((n - s) * i) / steps]);
  return ring;
}

/** Equal Earth centred on the extent's middle meridian, fitted to the padded extent. */
export function worldProjection(width: number, height: number, extent: Extent): GeoProjection {
  const box = padded(extent);
  const p = geoEqualEarth().rotate([-(box[0] + box[2]) / 2, 0]).precision(0.2);
  p.fitExtent(
    [[16, 16], [Math.max(32, width - 16), Math.max(32, height - 16)]],
    { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: boxRing(box) } },
  );
  return p;
}
