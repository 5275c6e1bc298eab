import { describe, expect, it } from "vitest";
import { BackendError, HttpBackend, TauriBackend, toBackendError } from "./client";

function fakeFetch(status: number, body: unknown, seen: string[] = []): typeof fetch {
  return (async (url: string) => {
    seen.push(url);
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
}

describe("HttpBackend", () => {
  it("builds query strings from the typed arguments", async () => {
    const seen: string[] = [];
    const b = new HttpBackend("", fakeFetch(200, { total: 0, offset: 0, events: [] }, seen));
    await b.eventsIn("2022-01-01", "2022-12-31", { kinds: ["exercise", "conflict"], region: "KGZ" }, 0, 50);
    expect(seen[0]).toBe("/api/events?from=2022-01-01&to=2022-12-31&offset=0&limit=50&kinds=exercise%2Cconflict&region=KGZ");
  });

  it("turns the core's error body into a BackendError with its code", async () => {
    const b = new HttpBackend("", fakeFetch(400, { code: "bad_date", message: "invalid date \"2022-13\"", details: { param: "at" } }));
    const e = await b.stateAt("2022-13").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).code).toBe("bad_date");
    expect((e as BackendError).details).toEqual({ param: "at" });
  });

  it("reports a non-JSON failure as internal, naming the route", async () => {
    const b = new HttpBackend("", fakeFetch(502, "<html>bad gateway</html>"));
    const e = (await b.datasetInfo().catch((x: unknown) => x)) as BackendError;
    expect(e.code).toBe("internal");
    expect(e.message).toContain("/api/info");
  });
});

describe("TauriBackend", () => {
  it("passes arguments by name and maps rejected errors", async () => {
    const calls: [string, unknown][] = [];
    const invoke = (async (cmd: string, args?: Record<string, unknown>) => {
      calls.push([cmd, args]);
      if (cmd === "excerpts_for_region") throw { code: "unknown_region", message: "no region has the id \"XX\"", details: null };
      return { ok: true };
    }) as <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;
    const b = new TauriBackend(invoke);
    await b.histogram("1950", "2025", 200, {});
    expect(calls[0]).toEqual(["histogram", { from: "1950", to: "2025", bins: 200, filter: {}, mode: "overlap" }]);
    const e = (await b.excerptsForRegion("XX").catch((x: unknown) => x)) as BackendError;
    expect(e.code).toBe("unknown_region");
  });

  it("never trusts an unknown code", () => {
    expect(toBackendError({ code: "drop_tables", message: "x" }).code).toBe("internal");
    expect(toBackendError("plain string").message).toBe("plain string");
  });
});
