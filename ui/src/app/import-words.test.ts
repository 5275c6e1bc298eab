import { describe, expect, it } from "vitest";
import type { ImportReport, RowProblem } from "../api/bindings";
import { TauriShell } from "../api/shell";
import { guessColumns, missingColumns, problemLine, problemList, progressText, reportSummary, stillNeeded } from "./import-words";

const row = (line: number, field: string | null, message: string): RowProblem => ({ file: "acled.csv", line, field, message, code: null, details: {} });

describe("the words of an import", () => {
  it("prints a rejected row as the CLI does: FILE:LINE: field: what", () => {
    expect(problemLine(row(12, "event_date", '"2023-02-31" is not a date'))).toBe('acled.csv:12: event_date: "2023-02-31" is not a date');
    expect(problemLine(row(7, null, "no region"))).toBe("acled.csv:7: no region");
    expect(problemLine(row(0, null, "is empty"))).toBe("acled.csv: is empty");
  });

  it("says how many problems were counted beyond those kept", () => {
    const text = problemList([row(2, "latitude", "NaN"), row(3, "latitude", "NaN")], 12_345);
    expect(text.split("\n")).toEqual(["acled.csv:2: latitude: NaN", "acled.csv:3: latitude: NaN", "… and 12,343 more"]);
    expect(problemList([row(2, null, "x")], 1)).toBe("acled.csv:2: x");
  });

  it("summarises the report with singular and plural counts and the article's excerpts", () => {
    const r: ImportReport = {
      folder: "/lib/x", title: "Imported: a.csv", events: 1, rejected: 0, problems: [], warnings: [], excerpts: 0, linked: 0,
      files: [{ name: "a.csv", format: "acled", rows: 1, imported: 1 }],
    };
    expect(reportSummary(r)).toBe("Imported 1 event from a.csv (acled); no row rejected.");
    const more = { ...r, events: 4000, rejected: 3, excerpts: 12, linked: 9, files: [...r.files, { name: "t.md", format: "text", rows: 12, imported: 12 }] };
    expect(reportSummary(more)).toBe("Imported 4,000 events from a.csv (acled), t.md (text); 3 rows rejected. The article gave 12 excerpts, 9 linked to places.");
  });

  it("tells the progress in rows and a whole percentage, never past 100", () => {
    expect(progressText({ done: 433, total: 1000, rows: 12000 })).toBe("12,000 rows read · 43%");
    expect(progressText({ done: 0, total: 0, rows: 1 })).toBe("1 row read · 0%");
    expect(progressText({ done: 1000, total: 1000, rows: 5 })).toBe("5 rows read · 100%");
  });

  it("needs a date and either latitude with longitude or WKT before a mapped import runs", () => {
    expect(missingColumns({})).toHaveLength(2);
    expect(missingColumns({ date: "When", lat: "N" })).toEqual(["latitude and longitude columns (or a WKT column)"]);
    expect(missingColumns({ date: "When", lat: "N", lon: "E" })).toEqual([]);
    expect(missingColumns({ date: "When", wkt: "Shape" })).toEqual([]);
  });

  it("says what the column-mapping step still needs, or that it can import", () => {
    expect(stillNeeded([])).toBe("Ready to import.");
    expect(stillNeeded(missingColumns({}))).toBe("Still needed: a date column and latitude and longitude columns (or a WKT column).");
    expect(stillNeeded(missingColumns({ date: "When" }))).toBe("Still needed: latitude and longitude columns (or a WKT column).");
  });

  it("guesses columns from words in their headers but never invents one", () => {
    expect(guessColumns(["When", "Northing", "Easting", "Headline"])).toEqual({ date: "When", lat: "Northing", lon: "Easting", title: "Headline" });
    expect(guessColumns(["a", "b"])).toEqual({});
  });
});

describe("TauriShell", () => {
  it("sends the import's paths and columns with a progress channel, and hands the progress on", async () => {
    const calls: [string, Record<string, unknown> | undefined][] = [];
    const told: number[] = [];
    const channels: { onmessage: (m: unknown) => void }[] = [];
    const shell = new TauriShell(
      async <T,>(cmd: string, args?: Record<string, unknown>) => {
        calls.push([cmd, args]);
        channels[0]?.onmessage({ done: 5, total: 10, rows: 2 });
        return {} as T;
      },
      <T,>() => {
        const c: { onmessage: (m: T) => void } = { onmessage: () => {} };
        channels.push(c as { onmessage: (m: unknown) => void });
        return c;
      },
      async () => null,
    );
    await shell.importFiles(["/data/a.csv"], { date: "When" }, (p) => told.push(p.done));
    expect(calls[0]?.[0]).toBe("import_files");
    expect(calls[0]?.[1]).toMatchObject({ paths: ["/data/a.csv"], columns: { date: "When" } });
    expect(told).toEqual([5]);
  });

  it("turns the core's import error into a BackendError with its details, and a closed dialog into null", async () => {
    const shell = new TauriShell(
      async () => Promise.reject({ code: "import_failed", message: "a.csv: no date column", details: { kind: "columns", headers: ["x"] } }),
      () => ({ onmessage: () => {} }),
      async () => null,
    );
    const e = (await shell.importFiles(["a.csv"], null, () => {}).catch((x: unknown) => x)) as { code: string; details: unknown };
    expect(e.code).toBe("import_failed");
    expect(e.details).toEqual({ kind: "columns", headers: ["x"] });
    expect(await shell.choose(false)).toBeNull();
  });
});
