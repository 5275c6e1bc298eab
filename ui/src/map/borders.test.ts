import { describe, expect, it } from "vitest";
import type { RegionVersion } from "../api/bindings";
import { isoToDay } from "../format";
import { setLocale } from "../i18n/i18n";
import { describeBorders } from "./borders";

function v(from: string, change: string | null, name = "x"): RegionVersion {
  return {
    feature: name, layer: "countries", valid_from: from, valid_to: null, lo: isoToDay(from), hi: 1e6, name_en: name, name_ru: name,
    sovereign: null, controller: null, approximate: false, anchor: [0, 0], bbox: [0, 0, 0, 0], sources: [], note: null, change,
  };
}

describe("words for a change of borders", () => {
  it("dates what began, in time order, once per event", () => {
    const split = "Czechoslovakia dissolved: the Czech Republic and Slovakia";
    const text = describeBorders(
      [
        { from: null, to: v("1993-01-01", split, "CZE") },
        { from: null, to: v("1993-01-01", split, "SVK") },
        { from: null, to: v("1990-10-03", "Germany reunified") },
      ],
      true,
      isoToDay("1993-01-01"),
    );
    expect(text).toBe(`Borders: 3 October 1990: Germany reunified; 1 January 1993: ${split}.`);
  });

  it("names what was undone when the date moves back", () => {
    expect(describeBorders([{ from: v("1990-10-03", "Germany reunified"), to: v("1949-10-07", null) }], false, isoToDay("1990-01-01"))).toBe(
      "Borders as they were before 3 October 1990 (Germany reunified).",
    );
  });

  it("names a region that leaves the map without a successor, once a day", () => {
    const nk = { ...v("2023-09-20", "Azerbaijan takes control", "Nagorno-Karabakh"), valid_to: "2024-01-01", hi: isoToDay("2024-01-01") };
    expect(describeBorders([{ from: nk, to: null }], true, isoToDay("2024-06-01"))).toBe("Borders: 1 January 2024: Nagorno-Karabakh leaves the map.");
    expect(describeBorders([{ from: null, to: nk }], false, isoToDay("2023-12-01"))).toBe("Borders as they were before 1 January 2024 (Nagorno-Karabakh leaves the map).");
    // Czechoslovakia's end is told by its successors' words.
    const csk = { ...v("1918-10-28", null, "Czechoslovakia"), valid_to: "1993-01-01", hi: isoToDay("1993-01-01") };
    expect(describeBorders([{ from: csk, to: null }, { from: null, to: v("1993-01-01", "split") }], true, isoToDay("1993-02-01"))).toBe("Borders: 1 January 1993: split.");
  });

  it("says nothing for changes without words, and sums up a long jump", () => {
    expect(describeBorders([{ from: null, to: v("1990-10-03", null) }], true, 0)).toBe("");
    const many = ["a", "b", "c", "d", "e"].map((c, i) => ({ from: null, to: v(`199${i}-01-01`, c) }));
    expect(describeBorders(many, true, isoToDay("2000-06-01"))).toBe("Borders redrawn for 1 June 2000: 5 changes.");
  });

  it("says the change in Russian where the version has it, and the English words where not", () => {
    setLocale("ru");
    try {
      const de = { ...v("1990-10-03", "Germany reunified", "Германия"), change_ru: "объединение Германии" };
      expect(describeBorders([{ from: null, to: de }], true, isoToDay("1990-10-03"))).toBe("Границы: 3 октября 1990 г.: объединение Германии.");
      expect(describeBorders([{ from: de, to: v("1949-10-07", null) }], false, isoToDay("1990-01-01"))).toBe(
        "Границы, какими они были до 3 октября 1990 г. (объединение Германии).",
      );
      expect(describeBorders([{ from: null, to: v("1993-01-01", "split") }], true, 0)).toBe("Границы: 1 января 1993 г.: split.");
    } finally {
      setLocale("en");
    }
  });
});
