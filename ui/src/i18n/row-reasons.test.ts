// Why a row was left out is worded in the reader's language from its code:
// every code has its sentence in both languages, the sentence carries the
// row's value and place, and a reason without a code (or without a parameter
// its sentence names) keeps the English words the CLI prints.
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import { IMPORT_ROW_REASONS, type RowProblem } from "../api/bindings";
import { problemLine } from "../app/import-words";
import { allErrorIds, reasonText } from "./errors";
import { LOCALES, SOURCES, setLocale } from "./i18n";

afterEach(() => setLocale("en"));

const badDate: RowProblem = {
  file: "events.csv",
  line: 12,
  field: "event_date",
  message: '"2023-02-31" is not a date: no such day in that month',
  code: "not_a_date",
  details: { value: "2023-02-31" },
};

describe("the reasons rows are left out for", () => {
  it("has a sentence for every coded reason in every language, among the error ids", () => {
    const ids = IMPORT_ROW_REASONS.map((c) => `error-text-row-${c.replace(/_/g, "-")}`);
    expect(ids.length).toBeGreaterThan(0);
    expect(allErrorIds()).toEqual(expect.arrayContaining(ids));
    for (const l of LOCALES) {
      const b = new FluentBundle(l);
      b.addResource(new FluentResource(SOURCES[l]));
      expect(ids.filter((id) => !b.getMessage(id)?.value), `${l}.ftl`).toEqual([]);
    }
  });

  it("keeps in English the import's own sentence, which names the exact cause", () => {
    setLocale("en");
    expect(reasonText(badDate)).toBe('"2023-02-31" is not a date: no such day in that month');
  });

  it("says in Russian that a value is not a date, with the value, after the row's file:line and column", () => {
    setLocale("ru");
    const s = problemLine(badDate);
    expect(s.startsWith("events.csv:12: event_date: ")).toBe(true);
    expect(s).toContain("«2023-02-31» — не дата");
    expect(s).not.toContain("is not a date");
  });

  it("says in Russian which column is empty, which coordinate is wrong, and which row has the same id", () => {
    setLocale("ru");
    const row = (code: string, details: Record<string, unknown>): RowProblem => ({ file: "t.csv", line: 3, field: "lat", message: "english", code, details });
    expect(reasonText(row("missing", { column: "lat" }))).toBe("нет значения в столбце «lat»");
    expect(reasonText(row("latitude_out_of_range", { value: "95", swapped: "yes" }))).toMatch(/^широта 95 вне .*не перепутаны ли широта и долгота\?$/);
    expect(reasonText(row("duplicate_id", { id: "g", other: "t.csv:8" }))).toBe("повторяющийся идентификатор «g»: он же есть в строке t.csv:8");
    expect(reasonText(row("end_before_start", { end: "1990" }))).toBe("конец (1990) раньше начала");
  });

  it("says in Russian what the core finds wrong with an imported event, with the region, language or field", () => {
    setLocale("ru");
    const row = (code: string, details: Record<string, unknown> = {}): RowProblem => ({ file: "events.geojson", line: 2, field: null, message: "english", code, details });
    expect(reasonText(row("unknown_region", { region: "atlantis" }))).toBe("неизвестный регион «atlantis»: на карте нет региона с таким идентификатором");
    expect(reasonText(row("empty_title"))).toBe("у события нет названия");
    expect(reasonText(row("no_source"))).toBe("у события нет источника");
    expect(reasonText(row("empty_source"))).toBe("один из источников события пуст");
    expect(reasonText(row("deployment_needs_line"))).toMatch(/^для ввода или вывода войск нужна линия/);
    expect(reasonText(row("unknown_language", { language: "xx" }))).toContain("«xx»");
    expect(reasonText(row("empty_translation", { field: "title", language: "ru" }))).toBe("название на языке «ru» пусто");
    expect(reasonText(row("empty_translation", { field: "description", language: "de" }))).toBe("описание на языке «de» пусто");
    expect(reasonText(row("no_coordinates"))).toBe("у фигуры события нет координат");
    expect(reasonText(row("line_too_short"))).toBe("линии в фигуре события нужны хотя бы две точки");
  });

  it("says in Russian which precision code ACLED or UCDP does not define, and which needs a day", () => {
    setLocale("ru");
    const row = (code: string, value: string): RowProblem => ({ file: "acled.csv", line: 2, field: "time_precision", message: "english", code, details: { value } });
    expect(reasonText(row("time_precision_unknown", "4"))).toBe("в ACLED нет точности времени (time_precision) «4»: допустимы 1 (день), 2 (неделя) и 3 (месяц)");
    expect(reasonText(row("date_prec_unknown", "7"))).toContain("(date_prec) «7»");
    expect(reasonText(row("where_prec_unknown", "9"))).toContain("(where_prec) «9»");
    expect(reasonText(row("precision_needs_day", "1"))).toBe("точность времени (time_precision) 1 означает известный день, но в event_date дня нет");
  });

  it("says in Russian which geometry cannot be read or lies off the globe, and that a feature has no date", () => {
    setLocale("ru");
    const row = (code: string, details: Record<string, unknown> = {}): RowProblem => ({ file: "a.geojson", line: 2, field: "geometry", message: "english", code, details });
    expect(reasonText(row("not_wkt", { column: "wkt" }))).toBe("в столбце «wkt» нет геометрии в формате WKT (вроде POINT (44.5 40.2))");
    expect(reasonText(row("geometry_collection"))).toMatch(/^GEOMETRYCOLLECTION не может быть местом события/);
    expect(reasonText(row("not_a_geometry"))).toMatch(/^геометрия объекта не подходит для события/);
    expect(reasonText(row("coordinate_out_of_range", { lon: "500", lat: "40" }))).toMatch(/^точка \[500, 40\] вне земного шара/);
    expect(reasonText(row("no_date_property"))).toBe("у объекта нет свойства с датой (start, date или time)");
  });

  it("says in Russian that an interval has no known start, and which column is not UTF-8 text", () => {
    setLocale("ru");
    const row = (code: string, details: Record<string, unknown>): RowProblem => ({ file: "t.csv", line: 12, field: "date", message: "english", code, details });
    expect(reasonText(row("interval_without_start", { value: "../1992" }))).toBe("«../1992»: у интервала должно быть известное начало (напишите самую раннюю возможную дату перед /)");
    expect(reasonText(row("not_utf8", { column: "title" }))).toMatch(/^в столбце «title» текст не в UTF-8 /);
  });

  it("keeps the English message of a reason with no code, an unknown code or a missing parameter", () => {
    setLocale("ru");
    const english = '"x" is not a date';
    expect(reasonText({ ...badDate, message: english, code: null, details: {} })).toBe(english);
    expect(reasonText({ ...badDate, message: english, code: "no_such_reason" })).toBe(english);
    expect(reasonText({ ...badDate, message: english, details: {} })).toBe(english);
    expect(problemLine({ ...badDate, code: null })).toBe('events.csv:12: event_date: "2023-02-31" is not a date: no such day in that month');
  });
});
