// The two message files hold each other: the same ids and attributes in
// both, every Russian text written in Russian, and the plural forms right.
import { FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import { LOCALES, SOURCES, label, locale, pickLocale, setLocale, t } from "./i18n";

/**
 * Messages whose Russian text may equal the English one: the languages'
 * own names, proper nouns, and patterns made only of what is put in.
 */
const SAME_IN_BOTH = new Set([
  "cite-bibtex",
  "cite-csl",
  "names-en",
  "names-ru",
  "locale-en",
  "locale-ru",
  "error-coded",
  "date-range",
  "status-event",
  "membership-of",
]);

interface Entry {
  id: string;
  text: string;
}

/** Each message and attribute of a file, as `id` or `id.attr`, with its source text. */
function entries(source: string): Entry[] {
  const res = new FluentResource(source);
  const out: Entry[] = [];
  // The resource keeps its messages as the parsed body; read ids and the text from the source lines.
  for (const m of res.body) {
    if (m.id.startsWith("-")) continue;
    if (m.value !== null) out.push({ id: m.id, text: sourceText(source, m.id, null) });
    for (const a of Object.keys(m.attributes)) out.push({ id: `${m.id}.${a}`, text: sourceText(source, m.id, a) });
  }
  return out;
}

/** The source text of a message's value or attribute: the lines from its `id =` (or `.attr =`) to the next entry. */
function sourceText(source: string, id: string, attr: string | null): string {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${id} =`) || l === `${id} =`);
  let i = start;
  if (attr) {
    i = lines.findIndex((l, j) => j > start && l.trim().startsWith(`.${attr} =`));
  }
  const first = lines[i] ?? "";
  const text = [first.slice(first.indexOf("=") + 1)];
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j] ?? "";
    if (!l.startsWith(" ") || l.trim().startsWith(".")) break;
    text.push(l);
  }
  return text.join("\n").trim();
}

/** Words of a text outside its placeables and selector keys. */
function words(text: string): string {
  return text.replace(/\{[^{}]*\}/g, " ").replace(/\[[a-z]+\]/g, " ").replace(/[{}*]|->|\$[a-z-]+/gi, " ");
}

describe("the message files", () => {
  const en = entries(SOURCES.en);
  const ru = entries(SOURCES.ru);

  it("parse without errors in both languages", () => {
    for (const l of LOCALES) {
      setLocale(l);
      expect(locale()).toBe(l);
    }
    setLocale("en");
  });

  it("give every message id and attribute in both languages", () => {
    const enIds = en.map((e) => e.id).sort();
    const ruIds = ru.map((e) => e.id).sort();
    expect(ruIds.filter((id) => !enIds.includes(id))).toEqual([]);
    expect(enIds.filter((id) => !ruIds.includes(id))).toEqual([]);
  });

  it("leave no Russian message in English", () => {
    const enText = new Map(en.map((e) => [e.id, e.text]));
    const untranslated = ru.filter((e) => {
      if (SAME_IN_BOTH.has(e.id.split(".")[0] ?? "")) return false;
      const w = words(e.text);
      const latin = /[A-Za-z]{2,}/.test(w) && !/[А-Яа-яЁё]/.test(w);
      return e.text === enText.get(e.id) || latin;
    });
    expect(untranslated.map((e) => e.id)).toEqual([]);
  });

  it("name in the allowed list only messages that exist", () => {
    const ids = new Set(en.map((e) => e.id.split(".")[0]));
    const stale = [...SAME_IN_BOTH].filter((id) => !ids.has(id));
    expect(stale).toEqual([]);
  });
});

describe("the interface's language", () => {
  afterEach(() => setLocale("en"));

  it("is the first of the browser's languages the app speaks", () => {
    expect(pickLocale(["ru-RU", "en-US"])).toBe("ru");
    expect(pickLocale(["de-DE", "ru"])).toBe("ru");
    expect(pickLocale(["en-US", "ru-RU"])).toBe("en");
    expect(pickLocale(["de-DE"])).toBe("en");
    expect(pickLocale(["RU_ru.UTF-8"])).toBe("ru");
    expect(pickLocale([])).toBe("en");
  });

  it("sets the page's lang and relabels what names its message", () => {
    const b = label(document.createElement("button"), "read-article");
    document.body.append(b);
    setLocale("ru");
    expect(document.documentElement.lang).toBe("ru");
    expect(b.textContent).toBe("Читать статью");
    setLocale("en");
    expect(document.documentElement.lang).toBe("en");
    expect(b.textContent).toBe("Read the article");
    b.remove();
  });

  it("puts attributes on the element", () => {
    const s = label(document.createElement("select"), "names-select");
    document.body.append(s);
    setLocale("ru");
    expect(s.getAttribute("aria-label")).toBe("Язык названий мест");
    s.remove();
  });

  it("counts in Russian plural forms", () => {
    setLocale("ru");
    const summary = (n: number) => t("dataset-summary", { events: n, excerpts: n, from: "1955", to: "2024" }).split(" · ")[0];
    expect(summary(1)).toBe("1 событие");
    expect(summary(2)).toBe("2 события");
    expect(summary(5)).toBe("5 событий");
    expect(summary(11)).toBe("11 событий");
    expect(summary(21)).toBe("21 событие");
    expect(summary(24)).toBe("24 события");
    setLocale("en");
    expect(t("dataset-summary", { events: 1, excerpts: 2, from: "1955", to: "2024" })).toBe("1 event · 2 excerpts · 1955–2024");
  });

  it("shows a missing message's id rather than nothing", () => {
    expect(t("no-such-message")).toBe("no-such-message");
  });
});
