#!/usr/bin/env node
// Why: stories from anywhere need a world base map, and the map build reads
// gzipped GeoJSON only. This turns world-atlas's TopoJSON countries (Natural
// Earth admin-0) into geodata/src/world.geojson.gz, decoding the arcs here so
// the conversion needs no package: the result is reproducible from the npm
// tarball alone (see geodata/src/PROVENANCE.md, S7).
//
// Usage: node scripts/world-geojson.mjs countries-50m.json geodata/src/world.geojson.gz
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: world-geojson.mjs TOPOJSON OUT.geojson.gz");
  process.exit(2);
}
const topo = JSON.parse(readFileSync(input, "utf8"));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const round = (x) => Math.round(x * 1e6) / 1e6;

// Each arc's positions, undoing the quantized deltas.
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [round(x * sx + tx), round(y * sy + ty)];
  });
});

// A ring from its arc indexes: ~i is arc i reversed; shared ends once.
function ring(indexes) {
  const out = [];
  for (const i of indexes) {
    const a = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    out.push(...(out.length ? a.slice(1) : a));
  }
  return out;
}

// Twice the signed area (positive: counter-clockwise in lon/lat).
function area2(r) {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s;
}

// RFC 7946 winding: exteriors counter-clockwise, holes clockwise. TopoJSON
// (like d3) has them the other way round.
function polygon(rings) {
  return rings.map((r, i) => {
    const ps = ring(r);
    const ccw = area2(ps) > 0;
    return ccw === (i === 0) ? ps : ps.reverse();
  });
}

function geometry(g) {
  if (g.type === "Polygon") return { type: "Polygon", coordinates: polygon(g.arcs) };
  if (g.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: g.arcs.map(polygon) };
  return null;
}

const features = topo.objects.countries.geometries
  .map((g) => ({ g, geometry: geometry(g) }))
  .filter(({ geometry }) => geometry)
  .map(({ g, geometry }) => ({
    type: "Feature",
    properties: { id: g.id ?? null, name: g.properties.name },
    geometry,
  }))
  .sort((a, b) => a.properties.name.localeCompare(b.properties.name, "en"));

const collection = {
  type: "FeatureCollection",
  metadata: {
    source: "npm world-atlas@2.0.2, " + input.split("/").pop() + " (Natural Earth admin-0 v4.1.0)",
    license: "Natural Earth: public domain; world-atlas: ISC",
  },
  features,
};
writeFileSync(output, gzipSync(Buffer.from(JSON.stringify(collection) + "\n"), { level: 9 }));
console.log(`${features.length} countries written to ${output}`);
