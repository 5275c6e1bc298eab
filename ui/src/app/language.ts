/**
 * The interface's language: the reader's saved choice, else the first of the
 * system's languages (the desktop app: `LANG` and its kin, which the shell
 * reads, since WebKitGTK's `navigator.languages` follows them only where
 * the C library has the locale) or the browser's that the app speaks. The toolbar's Language
 * menu switches it at once and the choice is saved with the other
 * preferences; a reader who never chose follows the system. Place names
 * follow a switch of language (the Names menu can still set them apart).
 */
import { isLocale, locale, pickLocale, setLocale, systemLanguages, type Locale } from "../i18n/i18n";
import { byId } from "./page";

export class Language {
  private readonly select = byId<HTMLSelectElement>("locale");
  /** The reader's own choice; null while the system's language is followed. */
  private chosen: Locale | null;

  /** `system`: the languages the shell says the system asks for (the desktop app), before the webview's own. */
  constructor(saved: string | null | undefined, system: readonly string[] = []) {
    this.chosen = isLocale(saved) ? saved : null;
    setLocale(this.chosen ?? pickLocale([...system, ...systemLanguages()]));
    this.select.value = locale();
  }

  /** The choice to save: null when the reader never chose. */
  get saved(): Locale | null {
    return this.chosen;
  }

  /** Listen to the menu; `switched` runs after each switch, with the new language. */
  listen(switched: (l: Locale) => void): void {
    this.select.addEventListener("change", () => {
      if (!isLocale(this.select.value)) return;
      this.chosen = this.select.value;
      setLocale(this.chosen);
      switched(this.chosen);
    });
  }
}
