/**
 * The regions' shapes: every layer's features drawn as SVG elements in their
 * groups, one focusable `role="button"` per region named by its English name,
 * with `aria-pressed` on the selected one. Every version of every region is
 * drawn once; the one in force is shown, the others are `.off`. Story data
 * (`data-*` set by the story layer) stays on the region's element in force.
 */
import { geoArea, geoPath, type GeoProjection } from "d3-geo";
import type { Region, RegionVersion } from "../api/bindings";
import { t } from "../i18n/i18n";
import type { Selection } from "../selection";
import { setAttr } from "./attrs";
import { GROUPS, KIND_GROUP, LAYERS, type GroupName, type LayerName } from "./groups";
import { HeldData, type DataChange } from "./held-data";
import type { Layer, LayerFeature, LayerGeometry, Position } from "./layer";
import type { NameLang, RegionsInForce } from "./regions";
import { el } from "./svg";

type PathFn = ReturnType<typeof geoPath>;

/**
 * d3-geo works on the sphere and reads a ring's winding to tell inside from
 * outside: it wants exteriors clockwise, the opposite of RFC 7946 (which the
 * layers follow). Reverse every ring so a country does not fill the globe.
 */
export function forD3(g: LayerGeometry): LayerGeometry {
  const rev = (r: Position[]) => [...r].reverse();
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map(rev) };
  if (g.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map(rev)) };
  return g;
}

/**
 * `forD3` for the whole globe: a ring round a pole (Antarctica's, closed
 * along the antimeridian and the pole) winds the other way on the sphere
 * than on the flat lon/lat plane, so any polygon that would cover more than
 * a hemisphere is turned round.
 */
export function forD3Globe(g: LayerGeometry): LayerGeometry {
  const d3g = forD3(g);
  const small = (rings: Position[][]) => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings);
  if (d3g.type === "Polygon") return { type: "Polygon", coordinates: small(d3g.coordinates) };
  if (d3g.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: d3g.coordinates.map(small) };
  return d3g;
}

/**
 * The world's countries, over an underlay of the same shapes stroked wide in
 * the land's colour: neighbours simplified one by one leave hairline gaps
 * along their shared borders, which the underlay fills.
 */
function drawWorld(feats: LayerFeature[], path: PathFn, g: SVGGElement): void {
  const under = el("g", { class: "world-under" });
  g.append(under);
  for (const f of feats) {
    const d = path(forD3Globe(f.geometry) as Parameters<typeof path>[0]) ?? "";
    under.append(el("path", { d }));
    g.append(el("path", { d, class: `world ${f.kind}` }));
  }
}

export class RegionShapes {
  /** Region id → the element of its version in force. */
  private readonly nodes = new Map<string, SVGElement>();
  /** Feature id → its element (drawn for every version, shown for the one in force). */
  private readonly featureNodes = new Map<string, SVGElement>();
  private readonly paths = new Map<string, SVGPathElement[]>();
  private readonly regionData = new Map<string, Map<string, string>>();
  /** The story data's way to the SVG: written, or held while a picture stands for it. */
  readonly data = new HeldData();
  /** The language of the regions' accessible names. */
  lang: NameLang = "en";

  constructor(
    private readonly groups: Map<GroupName, SVGGElement>,
    private readonly regions: RegionsInForce,
    private readonly selection: Selection,
  ) {}

  /** The element of the region's version in force. */
  node(id: string): SVGElement | undefined {
    return this.nodes.get(id);
  }

  /** The element drawn for a feature (a version's shape). */
  feature(featureId: string): SVGElement | undefined {
    return this.featureNodes.get(featureId);
  }

  /** The region's version in force is now drawn by `node` (or by none). */
  setNode(id: string, node: SVGElement | undefined): void {
    if (node) this.nodes.set(id, node);
    else this.nodes.delete(id);
  }

  /** The keys of the story data set on regions. */
  dataKeys(): IterableIterator<string> {
    return this.regionData.keys();
  }

  /** Build every layer's elements from decoded layers. */
  draw(layers: Map<LayerName, Layer>, projection: GeoProjection): void {
    const path = geoPath(projection);
    this.nodes.clear();
    this.paths.clear();
    this.featureNodes.clear();
    for (const g of this.groups.values()) g.replaceChildren();
    const byGroup = this.byGroup(layers);
    for (const name of GROUPS) {
      const feats = byGroup.get(name) ?? [];
      if (name === "countries" || name === "provinces") feats.sort((a, b) => this.regions.nameOf(a.id).localeCompare(this.regions.nameOf(b.id)));
      const g = this.groups.get(name)!;
      if (name === "world") drawWorld(feats, path, g);
      else for (const f of feats) this.drawFeature(name, f, path, projection, g);
    }
  }

  /** Keyboard order follows names: regions of one group, history shapes among them. */
  private byGroup(layers: Map<LayerName, Layer>): Map<GroupName, LayerFeature[]> {
    const byGroup = new Map<GroupName, LayerFeature[]>();
    for (const name of LAYERS) {
      for (const f of layers.get(name)?.features ?? []) {
        let group: GroupName;
        if (name === "history") {
          const owner = this.regions.ownerOf(f.id);
          if (!owner) continue;
          group = KIND_GROUP[owner.kind];
        } else {
          group = name;
        }
        const list = byGroup.get(group) ?? [];
        list.push(f);
        byGroup.set(group, list);
      }
    }
    return byGroup;
  }

  /** Set the story data again on the elements of a new drawing. */
  reapplyData(): void {
    for (const [key, values] of this.regionData ?? []) {
      for (const [id, v] of values) {
        const n = this.nodes.get(id) as SVGElement | undefined;
        if (n) n.dataset[key] = v;
      }
    }
  }

  private drawFeature(layer: GroupName, f: LayerFeature, path: PathFn, projection: GeoProjection, g: SVGGElement): void {
    const d = path(forD3(f.geometry) as Parameters<typeof path>[0]) ?? "";
    const region = this.regions.regionOf(f.id);
    if (layer === "water") {
      g.append(el("path", { d, class: `water ${f.kind}` }));
      return;
    }
    if (!region) return;
    const node = this.shape(layer, f, d, projection);
    node.setAttribute("role", "button");
    node.setAttribute("tabindex", "0");
    node.setAttribute("aria-pressed", "false");
    node.dataset.id = region.id;
    node.dataset.feature = f.id;
    if (region.country) node.dataset.country = region.country;
    this.featureNodes.set(f.id, node);
    const v = this.regions.versionOf(region.id);
    // A region without versions (an older dataset) is always in force.
    const shown = region.versions.length === 0 ? f.id === region.id : v?.feature === f.id;
    if (shown) {
      this.nodes.set(region.id, node);
      this.dress(node, region, v ?? null);
    } else {
      node.classList.add("off");
    }
    g.append(node);
  }

  /** The element of one feature: a line with a wider hit path, a place's dot, or an area. */
  private shape(layer: GroupName, f: LayerFeature, d: string, projection: GeoProjection): SVGElement {
    if (layer === "lines" || layer === "unions") {
      const node = el("g", { class: `region ${layer === "lines" ? "line" : "union"} ${f.kind}` });
      const vis = el("path", { d, class: "line-visible" });
      const hit = el("path", { d, class: "line-hit" });
      node.append(vis, hit);
      this.paths.set(f.id, [vis, hit]);
      return node;
    }
    if (layer === "places") {
      const [x, y] = projection(f.geometry.coordinates as [number, number]) ?? [0, 0];
      const node = el("g", { class: `region place ${f.kind}`, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
      node.append(el("circle", { r: f.kind === "capital" ? "3.2" : "2.4", class: "place-dot" }), el("circle", { r: "5", class: "place-hit" }));
      return node;
    }
    const p = el("path", { d, class: `region area ${layer} ${f.kind}` });
    this.paths.set(f.id, [p]);
    return p;
  }

  /** Name the elements of the versions in force again (after a change of language). */
  redress(): void {
    for (const [id, node] of this.nodes) {
      const region = this.regions.get(id);
      if (region) this.dress(node, region, this.regions.versionOf(id));
    }
  }

  /** Name, approximation and story data of the version in force, on its element. */
  dress(node: SVGElement, region: Region, v: RegionVersion | null): void {
    const named = v ?? region;
    setAttr(node, "aria-label", this.lang === "ru" ? named.name_ru : named.name_en);
    // An estimated shape says so, beside its name rather than in it.
    setAttr(node, "aria-description", v?.approximate ? t("region-approximate") : null);
    const selected = this.selection.value === region.id;
    setAttr(node, "aria-pressed", String(selected));
    // Classes and data as the map has them: held while a picture stands for the SVG (`held-data.ts`).
    this.data.toggle(node, { approximate: v?.approximate ?? false, selected });
    this.data.set([...this.regionData].map(([key, values]): DataChange => [node, key, values.get(region.id)]));
  }

  /**
   * Set `data-{key}` on region elements: the story layer marks membership,
   * participation and dispute status this way and CSS styles them.
   */
  setRegionData(key: string, values: Map<string, string>): void {
    const prev = this.regionData.get(key) ?? new Map<string, string>();
    const changes: DataChange[] = [];
    for (const [id, v] of prev) {
      const n = this.nodes.get(id) as SVGElement | undefined;
      if (n && values.get(id) !== v) changes.push([n, key, undefined]);
    }
    for (const [id, v] of values) {
      const n = this.nodes.get(id) as SVGElement | undefined;
      if (n && this.data.value(n, key) !== v) changes.push([n, key, v]);
    }
    this.regionData.set(key, new Map(values));
    this.data.set(changes);
  }

  /** Place symbols keep their size on screen at zoom `k`. */
  scalePlaces(k: number): void {
    for (const n of this.groups.get("places")?.children ?? []) {
      const t = (n as SVGElement).getAttribute("transform") ?? "";
      const base = t.replace(/ scale\([^)]*\)/, "");
      (n as SVGElement).setAttribute("transform", `${base} scale(${(1 / k).toFixed(4)})`);
    }
  }
}
