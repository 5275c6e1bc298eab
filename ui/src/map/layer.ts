/**
 * Decoding the compact layer format written by `faultlines build-geodata`
 * (see `src/layer.rs`): quantized, delta-encoded runs nested like GeoJSON.
 */

export type Position = [number, number];

export type LayerGeometry =
  | { type: "Point"; coordinates: Position }
  | { type: "MultiPoint"; coordinates: Position[] }
  | { type: "LineString"; coordinates: Position[] }
  | { type: "MultiLineString"; coordinates: Position[][] }
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

export interface LayerFeature {
  id: string;
  /** country, province, disputed, enclave, river, corridor, lake, capital, city… */
  kind: string;
  rank: number;
  geometry: LayerGeometry;
}

export interface Layer {
  layer: string;
  lod: string;
  features: LayerFeature[];
}

interface RawFeature {
  id: string;
  k: string;
  r: number;
  t: LayerGeometry["type"];
  c: unknown;
}

interface RawLayer {
  layer: string;
  lod: string;
  q: number;
  features: RawFeature[];
}

/** Expand one run `[x0, y0, dx1, dy1, …]` into positions in degrees. */
export function unrun(run: readonly number[], q: number): Position[] {
  const out: Position[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < run.length; i += 2) {
    x = i === 0 ? run[0]! : x + run[i]!;
    y = i === 0 ? run[1]! : y + run[i + 1]!;
    out.push([x * q, y * q]);
  }
  return out;
}

function isRun(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === "number");
}

function runs(v: unknown, id: string): number[][] {
  if (!Array.isArray(v) || !v.every(isRun)) throw new Error(`layer feature ${id}: malformed coordinates`);
  return v;
}

/** Decode a layer file's bytes. Throws with the feature id on malformed input. */
export function decodeLayer(bytes: ArrayBuffer): Layer {
  const raw = JSON.parse(new TextDecoder().decode(bytes)) as RawLayer;
  if (typeof raw.q !== "number" || !(raw.q > 0) || !Array.isArray(raw.features)) {
    throw new Error("not a Faultlines layer file");
  }
  const q = raw.q;
  const features = raw.features.map((f): LayerFeature => {
    let geometry: LayerGeometry;
    switch (f.t) {
      case "Point": {
        if (!isRun(f.c)) throw new Error(`layer feature ${f.id}: malformed point`);
        geometry = { type: "Point", coordinates: unrun(f.c, q)[0]! };
        break;
      }
      case "MultiPoint":
      case "LineString": {
        if (!isRun(f.c)) throw new Error(`layer feature ${f.id}: malformed coordinates`);
        geometry = { type: f.t, coordinates: unrun(f.c, q) };
        break;
      }
      case "MultiLineString":
      case "Polygon":
        geometry = { type: f.t, coordinates: runs(f.c, f.id).map((r) => unrun(r, q)) };
        break;
      case "MultiPolygon": {
        if (!Array.isArray(f.c)) throw new Error(`layer feature ${f.id}: malformed coordinates`);
        geometry = { type: "MultiPolygon", coordinates: (f.c as unknown[]).map((p) => runs(p, f.id).map((r) => unrun(r, q))) };
        break;
      }
      default:
        throw new Error(`layer feature ${String((f as RawFeature).id)}: unknown geometry type`);
    }
    return { id: f.id, kind: f.k, rank: f.r, geometry };
  });
  return { layer: raw.layer, lod: raw.lod, features };
}
