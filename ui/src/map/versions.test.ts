import { describe, expect, it } from "vitest";
import type { Region, RegionVersion } from "../api/bindings";
import { Epochs, versionAt } from "./versions";

/** A small seeded generator, so a failure names a case that can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function version(lo: number, hi: number): RegionVersion {
  return {
    feature: `f${lo}`, layer: "countries", valid_from: null, valid_to: null, lo, hi, name_en: `v${lo}`, name_ru: `v${lo}`,
    sovereign: null, controller: null, approximate: false, anchor: [0, 0], bbox: [0, 0, 0, 0], sources: [], note: null, change: null,
  };
}

/** Sorted, non-overlapping versions with gaps, as the core allows. */
function randomVersions(next: () => number): RegionVersion[] {
  const out: RegionVersion[] = [];
  let t = Math.floor(next() * 50) - 25;
  for (let n = Math.floor(next() * 6); n > 0; n--) {
    if (next() < 0.3) t += 1 + Math.floor(next() * 10); // a gap: the region is not on the map
    const len = 1 + Math.floor(next() * 20);
    out.push(version(t, t + len));
    t += len;
  }
  return out;
}

const scan = (vs: RegionVersion[], day: number) => vs.find((v) => v.lo <= day && day < v.hi) ?? null;

describe("versions in force", () => {
  it("finds the same version as a scan of every version, on every day", () => {
    const next = rng(7);
    for (let c = 0; c < 500; c++) {
      const vs = randomVersions(next);
      for (let day = -40; day < 160; day++) expect(versionAt(vs, day), `case ${c}, day ${day}`).toBe(scan(vs, day));
    }
  });

  it("treats valid_to as the first day no longer in force", () => {
    const vs = [version(0, 10), version(10, 20)];
    expect(versionAt(vs, 9)?.name_en).toBe("v0");
    expect(versionAt(vs, 10)?.name_en).toBe("v10");
    expect(versionAt(vs, 20)).toBeNull();
    expect(versionAt([], 0)).toBeNull();
  });

  it("gives two days the same epoch exactly when no version starts or ends between them", () => {
    const next = rng(11);
    const regions = Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, versions: randomVersions(next) }) as unknown as Region);
    const epochs = new Epochs(regions);
    const inForce = (day: number) => regions.map((r) => versionAt(r.versions, day)?.lo ?? "none").join();
    for (let a = -40; a < 160; a += 3) {
      for (let b = a; b < a + 30; b++) {
        if (epochs.of(a) === epochs.of(b)) expect(inForce(a), `days ${a} and ${b}`).toBe(inForce(b));
        expect(epochs.crossed(a, b).length === 0).toBe(epochs.of(a) === epochs.of(b));
      }
    }
  });
});
