/**
 * One search box for events, places and the article's text: a combobox with
 * a listbox of ranked results, navigable with the arrow keys. Choosing a
 * result selects its region and/or moves the slider to its date.
 */
import type { SearchHit } from "../api/bindings";
import type { Backend } from "../api/client";
import { titleOf } from "../i18n/data";
import { label, locale, t } from "../i18n/i18n";
import { h } from "./dom";

export class SearchBox {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private token = 0;

  /** `regionName`: a region's name of the date in the reader's language, for region hits. */
  constructor(
    private readonly backend: Backend,
    private readonly choose: (hit: SearchHit) => void,
    private readonly regionName: (id: string) => string = (id) => id,
  ) {
    this.input = label(
      h("input", {
        type: "search",
        autocomplete: "off",
        attrs: { role: "combobox", "aria-expanded": "false", "aria-controls": "search-results", "aria-autocomplete": "list" },
      }),
      "search",
    );
    this.list = label(h("ul", { id: "search-results", hidden: true, attrs: { role: "listbox" } }), "search-results");
    this.root = h("div", { className: "search", attrs: { role: "search" } }, this.input, this.list);
    this.input.addEventListener("input", () => void this.run());
    this.input.addEventListener("keydown", (e) => this.key(e));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  private async run(): Promise<void> {
    const q = this.input.value.trim();
    const token = ++this.token;
    if (!q) {
      this.close();
      return;
    }
    const hits = await this.backend.search(q.slice(0, 200), 12);
    if (token !== this.token) return;
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    this.render();
  }

  /** What a region or event hit is called in the interface's language. */
  private titleOf(hit: SearchHit): string {
    // In another language than the core's English, a place is named as on the map.
    if (hit.kind === "region" && locale() !== "en") return this.regionName(hit.id);
    return titleOf(hit);
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.hits.map((hit, i) => {
        const text = hit.kind === "excerpt" ? `“${hit.title.length > 90 ? hit.title.slice(0, 88) + "…" : hit.title}”` : this.titleOf(hit);
        const kind = h("span", { className: `hit-kind ${hit.kind}`, textContent: t(`search-kind-${hit.kind}`) });
        const li = h("li", { id: `search-opt-${i}`, attrs: { role: "option", "aria-selected": String(i === this.active) } }, kind, " ", text);
        li.addEventListener("mousedown", (e) => {
          e.preventDefault();
          this.pick(i);
        });
        return li;
      }),
    );
    if (this.hits.length === 0) this.list.append(h("li", { className: "no-hits", textContent: t("search-none"), attrs: { role: "option", "aria-disabled": "true" } }));
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `search-opt-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private key(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!this.hits.length) return;
      e.preventDefault();
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : -1) + this.hits.length) % this.hits.length;
      this.render();
    } else if (e.key === "Enter" && this.active >= 0) {
      e.preventDefault();
      this.pick(this.active);
    } else if (e.key === "Escape") {
      this.close();
    }
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.close();
    this.choose(hit);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
