import { afterEach, describe, expect, it } from "vitest";
import { dayToIso, formatDate, formatSpan, isoToDay, monthLetters } from "./format";
import { setLocale } from "./i18n/i18n";

describe("dates in words", () => {
  afterEach(() => setLocale("en"));

  it("keeps the precision it was given", () => {
    expect(formatDate("2022-01-08")).toBe("8 January 2022");
    expect(formatDate("1999-04")).toBe("April 1999");
    expect(formatDate("1981")).toBe("1981");
    expect(formatDate("~2023-09")).toBe("about September 2023");
    expect(formatDate("~1999")).toBe("about 1999");
  });
  it("shortens spans within a month", () => {
    expect(formatSpan("2022-01-06", "2022-01-19")).toBe("6–19 January 2022");
    expect(formatSpan("2022-09-26", "2022-10-08")).toBe("26 September – 8 October 2022");
    expect(formatSpan("1988", "1994-05-12")).toBe("1988 – 12 May 1994");
    expect(formatSpan("2021-05-12", "2025-08-08")).toBe("12 May 2021 – 8 August 2025");
    expect(formatSpan("2022-05", "2022-07")).toBe("May – July 2022");
  });
  it("writes Russian dates with their precision and the case a preposition asks for", () => {
    setLocale("ru");
    expect(formatDate("2022-05-20")).toBe("20 мая 2022 г.");
    expect(formatDate("2022-05")).toBe("май 2022 г.");
    expect(formatDate("1999")).toBe("1999 г.");
    expect(formatDate("~1999")).toBe("около 1999 г.");
    expect(formatDate("~2023-09")).toBe("около сентября 2023 г.");
    expect(formatDate("2022-05", true)).toBe("мая 2022 г.");
    expect(formatSpan("2022-01-06", "2022-01-19")).toBe("6–19 января 2022 г.");
    expect(formatSpan("2022-09-26", "2022-10-08")).toBe("26 сентября – 8 октября 2022 г.");
    expect(formatSpan("1988", "1994-05-12")).toBe("1988 г. – 12 мая 1994 г.");
    expect(formatSpan("2021-05-12", "2025-08-08")).toBe("12 мая 2021 г. – 8 августа 2025 г.");
  });
  it("says a date it has said before in the language of the moment, not the one it was first said in", () => {
    expect(formatDate("2022-05")).toBe("May 2022");
    expect(formatDate("2022-05", true)).toBe("May 2022");
    setLocale("ru");
    expect(formatDate("2022-05")).toBe("май 2022 г.");
    expect(formatDate("2022-05", true)).toBe("мая 2022 г.");
    setLocale("en");
    expect(formatDate("~2022-05")).toBe("about May 2022");
  });
  it("names the months by Intl's letters in each language", () => {
    expect(monthLetters().join("")).toBe("JFMAMJJASOND");
    setLocale("ru");
    expect(monthLetters().join("")).toBe("ЯФМАМИИАСОНД");
  });
  it("converts day numbers both ways like the core", () => {
    expect(isoToDay("1970-01-01")).toBe(0);
    expect(isoToDay("1955-05-14")).toBe(-5346);
    expect(dayToIso(-5346)).toBe("1955-05-14");
    for (let d = -30000; d < 30000; d += 977) expect(isoToDay(dayToIso(d))).toBe(d);
  });
});
