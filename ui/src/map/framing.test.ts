/**
 * The framing rule decides whether a story keeps today's regional view or
 * gets the world: these tests hold it to the built-in story (its events
 * abroad must not move it), to a story from South America, and to the edge
 * cases (no events, one event, a story round the globe).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseFraming, inFrame, padded, worldProjection, type Extent } from "./framing";

type Geometry = { type: string; coordinates: unknown };

/** Every position of a geometry, in order. */
function positions(g: Geometry): [number, number][] {
  const walk = (c: unknown): [number, number][] => (typeof (c as number[])[0] === "number" ? [c as [number, number]] : (c as unknown[]).flatMap(walk));
  return walk(g.coordinates);
}

/** The built-in story as the core describes it to the page: its extent, and the share of its events' last positions (the columns' places) inside the frame. */
function builtIn(): { extent: Extent; share: number } {
  const fc = JSON.parse(readFileSync(resolve(process.cwd(), "../geodata/story/events.geojson"), "utf8")) as { features: { geometry: Geometry }[] };
  const all = fc.features.flatMap((f) => positions(f.geometry));
  const last = fc.features.map((f) => positions(f.geometry).at(-1)!);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const inside = last.filter(([lon, lat]) => inFrame(lon, lat)).length;
  return { extent: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], share: inside / last.length };
}

describe("the framing of a story", () => {
  it("keeps the regional view for the built-in story, though its extent reaches Washington", () => {
    const { extent, share } = builtIn();
    expect(extent[0]).toBeLessThan(-76);
    expect(share).toBeLessThan(1);
    expect(chooseFraming(extent, share)).toEqual({ kind: "regional" });
  });

  it("keeps the regional view for a story without events, or wholly inside the frame", () => {
    expect(chooseFraming(null, null)).toEqual({ kind: "regional" });
    expect(chooseFraming([44, 38, 71, 42], null)).toEqual({ kind: "regional" });
  });

  it("frames a story from South America on the world, fitted to its events", () => {
    const extent: Extent = [-74.1, -34.6, -43.2, 4.7];
    expect(chooseFraming(extent, 0)).toEqual({ kind: "world", extent });
  });

  it("frames on the world when the share of places inside the frame is unknown", () => {
    expect(chooseFraming([-10, 30, 60, 50], null).kind).toBe("world");
  });

  it("puts every event of a world framing inside the map, away from its edges", () => {
    const extent: Extent = [-74.1, -34.6, -43.2, 4.7];
    const p = worldProjection(900, 600, extent);
    for (const lonlat of [[-74.1, -34.6], [-43.2, 4.7], [-74.1, 4.7], [-43.2, -34.6]] as [number, number][]) {
      const [x, y] = p(lonlat)!;
      expect(x).toBeGreaterThan(40);
      expect(x).toBeLessThan(860);
      expect(y).toBeGreaterThan(40);
      expect(y).toBeLessThan(560);
    }
  });

  it("shows one event with its surroundings, and a story round the globe whole", () => {
    const one = padded([-58.4, -34.6, -58.4, -34.6]);
    expect(one[2] - one[0]).toBeGreaterThanOrEqual(8);
    expect(one[3] - one[1]).toBeGreaterThanOrEqual(8);
    const round = padded([-179, -50, 179, 70]);
    expect([round[0], round[2]]).toEqual([-180, 180]);
    expect(round[3]).toBeLessThanOrEqual(85);
  });
});
