/**
 * The interface's words in the reader's language. Every string the UI shows
 * is a message of `en.ftl` or `ru.ftl` (Fluent), looked up by id with `t`;
 * plural forms and numbers follow each language's own rules through Fluent's
 * selectors and `Intl`. The language is one of `LOCALES`: the saved choice,
 * else the first of the system's or browser's languages that the app speaks
 * (`pickLocale`). `setLocale` swaps the bundle, sets `<html lang>`, relabels
 * the page's static elements (`data-l10n-id`) and tells the parts that build
 * their own text, so they draw themselves again.
 */
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import en from "./en.ftl?raw";
import ru from "./ru.ftl?raw";

export const LOCALES = ["en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

/** The message files' text, by language (the parity test reads them too). */
export const SOURCES: Record<Locale, string> = { en, ru };

/** The `Intl` locale of each language: British English writes "8 January 2022". */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

export type Args = Record<string, FluentVariable>;

function bundle(l: Locale): FluentBundle {
  // No bidi isolation marks: both languages run left to right, and the text is compared in tests.
  const b = new FluentBundle(INTL_LOCALE[l], { useIsolating: false });
  const errors = b.addResource(new FluentResource(SOURCES[l]));
  if (errors.length) throw new Error(`${l}.ftl: ${errors.map(String).join("; ")}`);
  return b;
}

const bundles = new Map<Locale, FluentBundle>();
function bundleFor(l: Locale): FluentBundle {
  let b = bundles.get(l);
  if (!b) bundles.set(l, (b = bundle(l)));
  return b;
}

let current: Locale = "en";
const listeners = new Set<(l: Locale) => void>();

/** The interface's language now. */
export function locale(): Locale {
  return current;
}

/** The `Intl` locale of the interface's language. */
export function intlLocale(): string {
  return INTL_LOCALE[current];
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** The first of `languages` (BCP 47 tags, most wanted first) that the app speaks; English otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

/** The languages the system or browser asks for. */
export function systemLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

function formatIn(l: Locale, id: string, args?: Args, attr?: string): string | null {
  const b = bundleFor(l);
  const m = b.getMessage(id);
  const pattern = attr ? m?.attributes[attr] : m?.value;
  if (!pattern) return null;
  return b.formatPattern(pattern, args ?? null);
}

/** Whether `id` is a message (of English, which has them all). */
export function hasMessage(id: string): boolean {
  return bundleFor("en").hasMessage(id);
}

/**
 * The message `id` in the interface's language, with `args` put in. A
 * message missing from the language falls back to English, and one missing
 * from both shows its id (the parity test keeps both from happening).
 */
export function t(id: string, args?: Args): string {
  return formatIn(current, id, args) ?? formatIn("en", id, args) ?? id;
}

/**
 * The message `id` with `args`, or `null` when no language has it or an
 * argument it names is missing: for words built from data that may lack a
 * part, where the caller has words of its own to fall back on.
 */
export function tIfComplete(id: string, args: Args): string | null {
  for (const l of [current, "en"] as const) {
    const b = bundleFor(l);
    const m = b.getMessage(id);
    if (!m?.value) continue;
    const errors: Error[] = [];
    const s = b.formatPattern(m.value, args, errors);
    return errors.length ? null : s;
  }
  return null;
}

/** An attribute of a message (`id.attr` in the files), as `t`. */
export function tAttr(id: string, attr: string, args?: Args): string {
  return formatIn(current, id, args, attr) ?? formatIn("en", id, args, attr) ?? `${id}.${attr}`;
}

/**
 * Label an element from a message: its value becomes the element's text,
 * its attributes (`.aria-label`, `.title`, `.placeholder`…) the element's
 * attributes. The element keeps the id, so a change of language relabels it.
 */
export function label<T extends Element>(el: T, id: string, args?: Args): T {
  el.setAttribute("data-l10n-id", id);
  if (args) el.setAttribute("data-l10n-args", JSON.stringify(args));
  else el.removeAttribute("data-l10n-args");
  apply(el);
  return el;
}

function apply(el: Element): void {
  const id = el.getAttribute("data-l10n-id");
  if (!id) return;
  const rawArgs = el.getAttribute("data-l10n-args");
  const args = rawArgs ? (JSON.parse(rawArgs) as Args) : undefined;
  const l = bundleFor(current).hasMessage(id) ? current : "en";
  const b = bundleFor(l);
  const m = b.getMessage(id);
  if (!m) return;
  if (m.value) el.textContent = b.formatPattern(m.value, args ?? null);
  for (const [name, pattern] of Object.entries(m.attributes)) el.setAttribute(name, b.formatPattern(pattern, args ?? null));
}

/** Relabel every element under `root` that names its message. */
export function localize(root: ParentNode = document): void {
  if (root instanceof Element) apply(root);
  root.querySelectorAll("[data-l10n-id]").forEach(apply);
}

/** Switch the interface to `l`: the page's labels now, the rest through `onLocaleChange`. */
export function setLocale(l: Locale): void {
  const changed = l !== current;
  current = l;
  if (typeof document !== "undefined") {
    document.documentElement.lang = l;
    localize(document);
  }
  if (changed) for (const fn of listeners) fn(l);
}

/** Call `fn` after each change of language; returns what stops it. */
export function onLocaleChange(fn: (l: Locale) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
