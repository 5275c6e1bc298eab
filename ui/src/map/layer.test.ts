import { describe, expect, it } from "vitest";
import { decodeLayer, unrun } from "./layer";

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o)).buffer as ArrayBuffer;

describe("layer decoding", () => {
  it("expands delta runs on the grid", () => {
    expect(unrun([7000, 4000, 5, -2, -5, 2], 0.01)).toEqual([[70, 40], [70.05, 39.980000000000004], [70, 40]]);
  });

  it("decodes every geometry type", () => {
    const layer = decodeLayer(
      enc({
        layer: "t", lod: "overview", q: 1,
        features: [
          { id: "p", k: "city", r: 0, t: "Point", c: [70, 40] },
          { id: "l", k: "river", r: 0, t: "LineString", c: [70, 40, 1, 1] },
          { id: "m", k: "river", r: 0, t: "MultiLineString", c: [[70, 40, 1, 0], [0, 0, 0, 1]] },
          { id: "a", k: "country", r: 0, t: "MultiPolygon", c: [[[0, 0, 1, 0, 0, 1, -1, -1]]] },
        ],
      }),
    );
    expect(layer.features.map((f) => f.geometry.type)).toEqual(["Point", "LineString", "MultiLineString", "MultiPolygon"]);
    expect(layer.features[3]!.geometry.coordinates).toEqual([[[[0, 0], [1, 0], [1, 1], [0, 0]]]]);
  });

  it("names the feature when coordinates are malformed", () => {
    expect(() => decodeLayer(enc({ layer: "t", lod: "o", q: 1, features: [{ id: "bad-one", k: "x", r: 0, t: "Polygon", c: ["x"] }] }))).toThrow(/bad-one/);
    expect(() => decodeLayer(enc({ hello: 1 }))).toThrow(/not a Faultlines layer/);
  });
});
