// A smoke run of the desktop scrubbing benchmark on a million events: the
// real app opens a generated story of 1,000,000 events (in its Arrow form,
// which opens fast) and scrubs a short sweep of it. Only that it finishes
// and reports is checked; the figures are for docs/benchmarks.md, measured
// with longer sweeps (`scripts/bench-scrub-desktop.mjs`).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { faultlinesBinary, root } from "../serve.mjs";
import { defaultApp } from "../driver.mjs";

let dir;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultlines-1m-"));
  const bin = faultlinesBinary();
  execFileSync(bin, ["generate", "--events", "1000000", "--seed", "7", "--out", path.join(dir, "json")]);
  execFileSync(bin, ["--data", path.join(dir, "json"), "convert", "--to", "arrow", "--out", path.join(dir, "arrow")]);
  fs.rmSync(path.join(dir, "json"), { recursive: true, force: true });
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("scrubbing a million events in the desktop app", () => {
  it("opens the story and sweeps the slider, reporting each step's time", { timeout: 240000 }, () => {
    const out = execFileSync(
      process.execPath,
      [path.join(root, "ui", "scripts", "bench-scrub-desktop.mjs"), defaultApp(), "--data", path.join(dir, "arrow"), "--steps", "30", "--rounds", "1", "--no-floor"],
      { encoding: "utf8", timeout: 230000 },
    );
    assert.match(out, /^1000000 events, 1 sweeps of 30 steps/m);
    assert.match(out, /Faultlines: +update p50 \d+ ms, p95 \d+ ms \| frame work p50 \d+ ms, p95 \d+ ms/);
  });
});
