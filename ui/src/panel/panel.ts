/**
 * The excerpts panel: click a region, read what the article says about it.
 * Verbatim passages, those naming the region first (or in article order),
 * each saying why it is listed, with the notes on its own words (a typo
 * marked "[sic]"), and its events with their sources and their own notes;
 * the region at the slider's date (its name and borders then, and its
 * memberships and disputes); its events when the article never mentions it. A landmark named "Excerpts"; selecting a region
 * moves focus to its heading and Escape returns to the map.
 */
import type { EventRef, ExcerptView, Region, RegionExcerpts, RegionVersion, State } from "../api/bindings";
import type { Backend } from "../api/client";
import { titleOf } from "../i18n/data";
import { label, onLocaleChange, t } from "../i18n/i18n";
import { h, hostOf, sourceLink } from "./dom";
import { excerptItem, regionsOf, spanOf, type ExcerptShare, type ItemHost } from "./excerpt-item";
import { statusSentence, versionFacts } from "./region-facts";
import { unitOfDate, type Unit } from "../timeline/time";

export interface PanelHost {
  backend: Backend;
  /** The region's name of the slider's date. */
  regionName: (id: string) => string;
  /** The region's version in force at the slider's date (null: not on the map then). */
  versionOf: (id: string) => RegionVersion | null;
  /** Move the slider to an event's start, dated as precisely as the event. */
  goToDay: (day: number, precision: Unit) => void;
  /** Highlight regions on the map (empty: clear). */
  highlight: (regions: string[], eventId: string | null) => void;
  focusMap: (regionId: string) => void;
  currentDay: () => number;
  currentState: () => State | null;
  inDesktop: boolean;
  notify: (msg: string) => void;
  /** An excerpt became the current one (the reading view keeps it in view). */
  onExcerpt: (id: string) => void;
  /** Each excerpt's Cite and Copy link. */
  share?: ExcerptShare;
}

const NEAR_DAYS = 400;

export class ExcerptsPanel {
  readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly statusLine: HTMLParagraphElement;
  private readonly versionBox: HTMLDivElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLDivElement;
  private readonly nearBox: HTMLInputElement;
  private readonly order: HTMLSelectElement;
  private data: RegionExcerpts | null = null;
  private token = 0;
  /** What each excerpt item needs of the panel. */
  private readonly itemHost: ItemHost = {
    regionName: (id) => this.host.regionName(id),
    highlight: (regions, eventId) => this.host.highlight(regions, eventId),
    cite: (box, urls) => this.cite(box, urls),
    choose: (v, e) => this.choose(v, e),
  };

  constructor(private readonly host: PanelHost) {
    this.itemHost.share = host.share;
    this.heading = label(h("h2", { id: "panel-heading", tabIndex: -1 }), "panel-heading");
    this.statusLine = h("p", { className: "region-status" });
    this.versionBox = label(h("div", { className: "region-version", attrs: { role: "group" } }), "panel-version");
    this.nearBox = h("input", { type: "checkbox" });
    this.nearBox.addEventListener("change", () => this.renderList());
    this.order = h("select", { className: "order" }, label(h("option", { value: "relevance" }), "panel-order-relevance"), label(h("option", { value: "article" }), "panel-order-article"));
    this.order.addEventListener("change", () => this.renderList());
    this.list = h("ol", { className: "excerpt-list" });
    this.empty = h("div", { className: "panel-empty" });
    const intro = label(h("p", { className: "panel-intro" }), "panel-intro");
    this.root = h(
      "aside",
      { className: "panel" },
      this.heading,
      this.versionBox,
      this.statusLine,
      h(
        "div",
        { className: "panel-controls" },
        h("label", { className: "near" }, this.nearBox, " ", label(h("span"), "panel-near")),
        h("label", { className: "order-label" }, label(h("span"), "panel-order"), " ", this.order),
      ),
      intro,
      this.list,
      this.empty,
    );
    label(this.root, "panel");
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.data) {
        e.preventDefault();
        this.host.focusMap(this.data.region.id);
      }
    });
    // A new language: the region's words and the list again.
    onLocaleChange(() => {
      delete this.versionBox.dataset.version;
      this.updateStatus();
      this.renderList();
    });
  }

  /** Show a region; `focus` moves keyboard focus to the heading. */
  async show(regionId: string | null, focus = true): Promise<void> {
    const token = ++this.token;
    this.root.classList.toggle("has-region", regionId !== null);
    if (!regionId) {
      this.data = null;
      label(this.heading, "panel-heading");
      this.statusLine.textContent = "";
      this.versionBox.replaceChildren();
      this.list.replaceChildren();
      this.empty.replaceChildren();
      return;
    }
    const data = await this.host.backend.excerptsForRegion(regionId);
    if (token !== this.token) return;
    this.data = data;
    this.heading.dataset.region = data.region.id;
    this.updateStatus();
    this.renderList();
    if (focus) this.heading.focus();
  }

  /** The region's status at the slider's date (memberships, disputes). */
  updateStatus(): void {
    const d = this.data;
    if (!d) return;
    const n = d.excerpts.length;
    const name = this.host.regionName(d.region.id);
    const heading = t("panel-heading-region", { name, count: n });
    this.heading.removeAttribute("data-l10n-id");
    if (this.heading.textContent !== heading) this.heading.textContent = heading;
    this.renderVersion(d.region);
    const st = this.host.currentState();
    if (!st) return;
    this.statusLine.textContent = statusSentence(d.region, st, name, this.host.currentDay(), (id) => this.host.regionName(id));
  }

  /** The region's version at the slider's date: its span, who holds it, how sure the shape is, and why. */
  private renderVersion(r: Region): void {
    const v = this.host.versionOf(r.id);
    const key = v ? `${v.feature}|${v.lo}` : "none";
    if (this.versionBox.dataset.version === key) return;
    this.versionBox.dataset.version = key;
    const kids = versionFacts(r, v, (id) => this.host.regionName(id), (box, urls) => this.cite(box, urls));
    this.versionBox.replaceChildren(...kids);
  }

  /** Append numbered links to `urls` ("[1] host") to `box`. */
  private cite(box: HTMLElement, urls: readonly string[]): void {
    urls.forEach((u, i) => box.append(sourceLink(u, `[${i + 1}] ${hostOf(u)}`, this.host.inDesktop, this.host.notify), " "));
  }

  private near(x: ExcerptView): boolean {
    const t = this.host.currentDay();
    return x.events.some((e) => e.lo - NEAR_DAYS <= t && t <= Math.min(e.hi, e.lo + 36500) + NEAR_DAYS);
  }

  private renderList(): void {
    const d = this.data;
    if (!d) return;
    const near = this.nearBox.checked ? d.excerpts.filter((x) => this.near(x)) : d.excerpts;
    // The core sends the most relevant first; article order is the offsets'.
    const shown = this.order.value === "article" ? [...near].sort((a, b) => a.excerpt.start - b.excerpt.start) : near;
    this.list.replaceChildren(...shown.map((x) => excerptItem(x, this.itemHost)));
    this.empty.replaceChildren();
    if (d.excerpts.length === 0) {
      this.empty.append(h("p", { textContent: t("panel-not-mentioned", { name: this.host.regionName(d.region.id) }) }));
    } else if (shown.length === 0) {
      this.empty.append(h("p", { textContent: t("panel-none-near") }));
    }
    if (d.events.length > 0) {
      const list = h("ul", { className: "region-events" });
      for (const e of d.events) {
        const b = h("button", { type: "button", className: "event-link", textContent: `${spanOf(e)}: ${titleOf(e)}` });
        b.addEventListener("click", () => this.host.goToDay(e.lo, unitOfDate(e.start)));
        list.append(h("li", {}, b));
      }
      this.empty.append(h("h3", { textContent: t("panel-events-of", { name: this.host.regionName(d.region.id) }) }), list);
    }
  }

  private choose(v: ExcerptView, e: EventRef | null): void {
    if (e) this.host.goToDay(e.lo, unitOfDate(e.start));
    this.host.highlight(regionsOf(v), e?.id ?? null);
    for (const li of this.list.querySelectorAll("li.current")) li.classList.remove("current");
    this.list.querySelector(`li[data-excerpt="${CSS.escape(v.excerpt.id)}"]`)?.classList.add("current");
    this.host.onExcerpt(v.excerpt.id);
  }

  get regionId(): string | null {
    return this.data?.region.id ?? null;
  }

  /** Called when the slider moves: refresh status and the date filter. */
  onDay(): void {
    this.updateStatus();
    if (this.nearBox.checked) this.renderList();
  }
}
