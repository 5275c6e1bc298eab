// Every error the core, the import or the shell can send has its sentence in
// both languages, the sentence carries the error's parameters, and an error
// without a sentence (or without a parameter it names) keeps its English words.
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiError } from "../api/bindings";
import { allErrorIds, errorId, errorText, warningText } from "./errors";
import { LOCALES, SOURCES, setLocale } from "./i18n";

afterEach(() => setLocale("en"));

const noEvents: ApiError = {
  code: "import_failed",
  message: "no events to import:\n  events.csv:12: event_date: \"2023-02-31\" is not a date",
  details: {
    kind: "no_events",
    count: 2,
    problems: [
      { file: "events.csv", line: 12, field: "event_date", message: "\"2023-02-31\" is not a date" },
      { file: "events.csv", line: 14, field: null, message: "no place" },
    ],
  },
};

describe("error sentences", () => {
  it("has a sentence for every error code, import failure and shell notice in every language", () => {
    const ids = allErrorIds();
    expect(ids).toContain("error-text-import-no-events");
    expect(ids).toContain("error-text-story-not-reopened");
    for (const l of LOCALES) {
      const b = new FluentBundle(l);
      b.addResource(new FluentResource(SOURCES[l]));
      const missing = ids.filter((id) => !b.getMessage(id)?.value);
      expect(missing, `${l}.ftl`).toEqual([]);
    }
  });

  it("says in Russian which file and line the first left-out row is at", () => {
    setLocale("ru");
    const s = errorText(noEvents);
    expect(s).toContain("events.csv:12");
    expect(s).toMatch(/^Нет событий для импорта: все 2 строки/);
  });

  it("names the file a failed read was of, in Russian, with the system's reason", () => {
    setLocale("ru");
    const e: ApiError = { code: "import_failed", message: "gone.csv: cannot read it: denied", details: { kind: "io", file: "gone.csv", reason: "denied" } };
    expect(errorText(e)).toBe("gone.csv: не удаётся прочитать файл: denied");
  });

  it("says in Russian that a file is UTF-16 text and what to do, by the code of what it is", () => {
    setLocale("ru");
    const e: ApiError = { code: "import_failed", message: "u.csv: the file is UTF-16 text", details: { kind: "unreadable", what: "utf16", file: "u.csv", reason: "the file is UTF-16 text" } };
    expect(errorId(e)).toBe("error-text-import-unreadable-utf16");
    expect(errorText(e)).toMatch(/^u\.csv — текст в UTF-16 .*сохраните его в UTF-8/);
  });

  it("words the core's errors from their details: a bad date, an unknown region, an invalid dataset's file and record", () => {
    setLocale("ru");
    expect(errorText({ code: "bad_date", message: "x", details: { param: "at", value: "2022-13-01" } })).toContain("«2022-13-01» — не дата");
    expect(errorText({ code: "unknown_region", message: "x", details: { param: "region", value: "XYZ" } })).toBe("Нет региона с идентификатором «XYZ»");
    const invalid: ApiError = { code: "invalid_dataset", message: "3 problem(s) in the dataset", details: { problems: [{ file: "story/events.geojson", id: "ev-1", message: "m" }], count: 3 } };
    expect(errorText(invalid)).toBe("В наборе данных 3 ошибки, первая в story/events.geojson: ev-1");
  });

  it("says the shell's notice in the reader's language, with its cause worded too", () => {
    const cause: ApiError = { code: "not_found", message: "there is no story \"gone\" in the library", details: { kind: "no_story", story: "gone" } };
    const notice: ApiError = { code: "not_found", message: "The story last open could not be reopened (…)", details: { kind: "story_not_reopened", story: "gone", cause } };
    expect(errorId(notice)).toBe("error-text-story-not-reopened");
    setLocale("ru");
    expect(errorText(notice)).toBe("Последнюю открытую историю не удалось открыть снова (В библиотеке нет истории «gone»); показана встроенная история.");
    // In English the sentence as sent, which says most.
    setLocale("en");
    expect(errorText(notice)).toBe(notice.message);
  });

  it("keeps the English message when the details lack a parameter the sentence names", () => {
    setLocale("ru");
    expect(errorText({ code: "too_large", message: "the body is over 8 bytes", details: { param: "body", max: 8 } })).toBe("the body is over 8 bytes");
    expect(errorText({ code: "not_found", message: "no API route /x", details: null })).toBe("no API route /x");
  });

  it("says that a file had no rows at all without naming a row", () => {
    setLocale("ru");
    expect(errorText({ code: "import_failed", message: "no events to import", details: { kind: "no_events", count: 0, problems: [] } })).toBe("Нет событий для импорта: в файлах нет строк");
  });

  it("says an import's warning of swapped columns in Russian with its shares, and keeps an unknown warning's English", () => {
    setLocale("ru");
    expect(warningText({ code: "swapped", message: "80% …", details: { sea: 80, flipped: 75 } })).toBe(
      "80% точек попадают в море, а 75% попали бы на сушу, если поменять местами широту и долготу: не перепутаны ли столбцы?",
    );
    expect(warningText({ code: "later", message: "a warning of a newer core", details: {} })).toBe("a warning of a newer core");
  });
});
