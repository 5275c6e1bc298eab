/**
 * The map projection: Lambert conformal conic centred on the region
 * (central meridian 55° E, standard parallels 38° and 50° N), which keeps the
 * Caucasus and Central Asia true to shape at these latitudes, unlike Web
 * Mercator. The default view frames the post-Soviet south; the full frame
 * reaches central Europe for the Warsaw Pact chapters.
 */
import { geoConicConformal, geoDistance, type GeoProjection } from "d3-geo";

export const DEFAULT_VIEW = { west: 30, south: 34, east: 84, north: 55 };

export function makeProjection(width: number, height: number, view = DEFAULT_VIEW): GeoProjection {
  const p = geoConicConformal().rotate([-55, 0]).parallels([38, 50]).precision(0.2);
  const ring: [number, number][] = [];
  const steps = 12;
  for (let i = 0; i <= steps; i++) ring.push([view.west + ((view.east - view.west) * i) / steps, view.south]);
  for (let i = 0; i <= steps; i++) ring.push([view.east - ((view.east - view.west) * i) / steps, view.north]);
  p.fitExtent(
    [[16, 16], [Math.max(32, width - 16), Math.max(32, height - 16)]],
    { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: ring } },
  );
  return p;
}

/** Kilometres per screen pixel at screen point (x, y), given the current zoom k. */
export function kmPerPixel(p: GeoProjection, x: number, y: number): number {
  const a = p.invert?.([x - 50, y]);
  const b = p.invert?.([x + 50, y]);
  if (!a || !b) return NaN;
  return (geoDistance(a, b) * 6371) / 100;
}

/** A round length for a scale bar no longer than `maxKm`. */
export function niceLength(maxKm: number): number {
  if (!(maxKm > 0)) return 0;
  const pow = Math.pow(10, Math.floor(Math.log10(maxKm)));
  for (const m of [5, 2, 1]) if (m * pow <= maxKm) return m * pow;
  return pow;
}
