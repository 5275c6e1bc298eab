/**
 * The timeline's filters: which kinds of event are shown, whose events
 * alone ("Show"), and which organization's members the map colours. The map,
 * the histogram and stepping all read the same `Filter` from here.
 */
import { EVENT_KINDS, type DatasetInfo, type EventKind, type Filter } from "../api/bindings";
import { h } from "./elements";

/** The filter's label for each kind; the kinds and their order come from the core. */
const KIND_LABEL: Record<EventKind, string> = {
  exercise: "Exercises", deployment: "Deployments", withdrawal: "Withdrawals", conflict: "Conflicts", blockade: "Blockades",
  summit: "Summits", treaty: "Treaties", statement: "Statements", diplomacy: "Diplomacy", membership: "Memberships", other: "Other",
};
const KINDS: { kind: EventKind; label: string }[] = EVENT_KINDS.map((kind) => ({ kind, label: KIND_LABEL[kind] }));

export class Filters {
  readonly root: HTMLDivElement;
  private readonly orgSelect: HTMLSelectElement;
  private readonly actorSelect: HTMLSelectElement;
  private readonly kindBoxes = new Map<EventKind, HTMLInputElement>();

  /** `changed` runs after each change made in the page. */
  constructor(info: DatasetInfo, changed: () => void) {
    this.orgSelect = h(
      "select",
      { attrs: { "aria-label": "Membership map" } },
      h("option", { value: "" }, "No membership map"),
      ...info.organizations.filter((o) => o.id !== "eu" && o.id !== "nato").map((o) => h("option", { value: o.id, selected: o.id === "csto" }, o.short)),
    );
    const kinds = h("fieldset", { className: "tl-kinds" }, h("legend", {}, "Show"));
    for (const k of KINDS) {
      const box = h("input", { type: "checkbox", checked: true, value: k.kind });
      box.addEventListener("change", changed);
      this.kindBoxes.set(k.kind, box);
      kinds.append(h("label", { className: `kind kind-${k.kind}` }, box, ` ${k.label}`));
    }
    this.orgSelect.addEventListener("change", changed);
    this.actorSelect = h(
      "select",
      { attrs: { "aria-label": "Events of organization" } },
      h("option", { value: "" }, "All events"),
      ...info.organizations.map((o) => h("option", { value: o.id }, `${o.short} events`)),
    );
    this.actorSelect.addEventListener("change", changed);
    this.root = h(
      "div",
      { className: "tl-filters" },
      kinds,
      h("label", { className: "tl-org" }, "Show ", this.actorSelect),
      h("label", { className: "tl-org" }, "Members of ", this.orgSelect),
    );
  }

  get kinds(): EventKind[] {
    return [...this.kindBoxes].filter(([, b]) => b.checked).map(([k]) => k);
  }

  set kinds(kinds: EventKind[]) {
    for (const [k, b] of this.kindBoxes) b.checked = kinds.includes(k);
  }

  get org(): string {
    return this.orgSelect.value;
  }

  set org(org: string) {
    this.orgSelect.value = org;
  }

  /** Organization whose events alone are shown ("" for all). */
  get actor(): string {
    return this.actorSelect.value;
  }

  set actor(actor: string) {
    this.actorSelect.value = actor;
  }

  /** The filter the map, the histogram and stepping all use. */
  get filter(): Filter {
    const k = this.kinds;
    const f: Filter = k.length === KINDS.length ? {} : { kinds: k };
    if (this.actor) f.actor = this.actor;
    return f;
  }
}
