import { describe, expect, it } from "vitest";
import type { ExcerptNote } from "../api/bindings";
import { pieces, why } from "./quote";

const note = (kind: ExcerptNote["kind"], text: string, quote: string): ExcerptNote => {
  const start = text.indexOf(quote);
  return { kind, quote, note: "n", sources: [], start_utf16: start, end_utf16: start + quote.length };
};

describe("a sentence with its notes", () => {
  const text = "But Vladimir Putin made s step further, creating the Organization of the Collective Security Treaty (CSTO) on May 14, 2002.";
  const notes = [note("sic", text, "made s step"), note("correction", text, "Organization of the Collective Security Treaty"), note("correction", text, "on May 14, 2002")];
  it("marks a typo [sic] right after it and keeps the stored text verbatim", () => {
    const p = pieces(text, notes);
    expect(p.filter((x) => x.kind !== "sic").map((x) => x.text).join("")).toBe(text);
    const i = p.findIndex((x) => x.kind === "sic");
    expect(p[i - 1]!.text).toBe("made s step");
    expect(p.filter((x) => x.kind === "noted").map((x) => x.note)).toEqual([0, 1, 2]);
  });
  it("keeps a sentence without notes whole", () => {
    expect(pieces("Plain “quoted” text.", [])).toEqual([{ text: "Plain “quoted” text.", kind: "plain", note: null }]);
  });
  it("never repeats words two notes share", () => {
    const t = "two out of its current six members are in a state of war";
    const p = pieces(t, [note("correction", t, "current six members are in a state of war"), note("update", t, "in a state of war")]);
    expect(p.filter((x) => x.kind !== "sic").map((x) => x.text).join("")).toBe(t);
  });
});

describe("why an excerpt is listed", () => {
  const name = (id: string) => ({ CSK: "Czechoslovakia" })[id] ?? id;
  it("names what the sentence says, without the possessive", () => {
    expect(why({ region: "TJK", reason: "names", names: ["Tajikistan’s", "Tajikistan", "Rakhmon"], via: null, mentions: 3 }, name)).toBe("names Tajikistan, Rakhmon");
    expect(why({ region: "TJK", reason: "names", names: ["Tajikistan", "Rakhmon"], via: null, mentions: 2 }, name)).toBe("names Tajikistan, Rakhmon");
    expect(why({ region: "KAZ", reason: "group", names: ["CSTO countries"], via: null, mentions: 1 }, name)).toBe("via: CSTO countries");
    expect(why({ region: "SVK", reason: "through", names: ["Czechoslovakia"], via: "CSK", mentions: 1 }, name)).toBe("via: Czechoslovakia");
    expect(why({ region: "KAZ", reason: "through", names: ["USSR"], via: "SUN", mentions: 1 }, () => "Soviet Union")).toBe("via: Soviet Union (“USSR”)");
  });
});
