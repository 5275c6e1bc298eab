/**
 * The timeline's filters: which kinds of event are shown, whose events
 * alone ("Show"), and which organization's members the map colours. The map,
 * the histogram and stepping all read the same `Filter` from here.
 */
import { EVENT_KINDS, type DatasetInfo, type EventKind, type Filter } from "../api/bindings";
import { label, onLocaleChange, t } from "../i18n/i18n";
import { orgName } from "../i18n/data";
import { h } from "./elements";

/** The kinds and their order come from the core; each kind's label is the message `kind-<kind>`. */
const KINDS: { kind: EventKind; label: string }[] = EVENT_KINDS.map((kind) => ({ kind, label: `kind-${kind}` }));

export class Filters {
  readonly root: HTMLDivElement;
  private readonly orgSelect: HTMLSelectElement;
  private readonly actorSelect: HTMLSelectElement;
  private readonly kindBoxes = new Map<EventKind, HTMLInputElement>();

  /** `changed` runs after each change made in the page. */
  constructor(info: DatasetInfo, changed: () => void) {
    const orgs = info.organizations;
    const names: [HTMLOptionElement, string, string][] = [];
    const named = (o: HTMLOptionElement, id: string, short: string) => (names.push([o, id, short]), o);
    this.orgSelect = label(
      h(
        "select",
        {},
        label(h("option", { value: "" }), "filter-no-org"),
        ...orgs.filter((o) => o.id !== "eu" && o.id !== "nato").map((o) => named(h("option", { value: o.id, selected: o.id === "csto" }), o.id, o.short)),
      ),
      "filter-org",
    );
    const kinds = h("fieldset", { className: "tl-kinds" }, label(h("legend"), "filter-show"));
    for (const k of KINDS) {
      const box = h("input", { type: "checkbox", checked: true, value: k.kind });
      box.addEventListener("change", changed);
      this.kindBoxes.set(k.kind, box);
      kinds.append(h("label", { className: `kind kind-${k.kind}` }, box, " ", label(h("span"), k.label)));
    }
    this.orgSelect.addEventListener("change", changed);
    const actorOptions = orgs.map((o) => h("option", { value: o.id }));
    this.actorSelect = label(h("select", {}, label(h("option", { value: "" }), "filter-all-events"), ...actorOptions), "filter-actor");
    // Organizations' names are the data's, or their messages where the app has them.
    const nameOrgs = () => {
      for (const [o, id, short] of names) o.textContent = orgName(id, short);
      actorOptions.forEach((o, i) => (o.textContent = t("filter-org-events", { org: orgName(orgs[i]!.id, orgs[i]!.short) })));
    };
    nameOrgs();
    onLocaleChange(nameOrgs);
    this.actorSelect.addEventListener("change", changed);
    this.root = h(
      "div",
      { className: "tl-filters" },
      kinds,
      h("label", { className: "tl-org" }, label(h("span"), "filter-show"), " ", this.actorSelect),
      h("label", { className: "tl-org" }, label(h("span"), "filter-members-of"), " ", this.orgSelect),
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
