/**
 * The map's regions and the version of each in force at the map's day:
 * which region a drawn feature belongs to, what a region is called then (in
 * the map's language), and which regions change when the day moves. The
 * shapes, labels and tooltips all ask here, so they speak of regions, never
 * of shapes.
 */
import type { Region, RegionVersion } from "../api/bindings";
import { Epochs, versionAt } from "./versions";

export type NameLang = "en" | "ru";

/** A region whose version in force changed with a move of the date. */
export interface VersionChange {
  region: Region;
  from: RegionVersion | null;
  to: RegionVersion | null;
}

export class RegionsInForce {
  private readonly byId = new Map<string, Region>();
  /** Feature id → the region it draws. */
  private readonly featureOwner = new Map<string, Region>();
  /** Region id → its version in force at `day`. */
  private readonly current = new Map<string, RegionVersion | null>();
  private readonly epochs: Epochs;
  private epoch = -1;
  /** The map's day. */
  day: number;

  constructor(regions: readonly Region[], day: number) {
    for (const r of regions) {
      this.byId.set(r.id, r);
      for (const v of r.versions) this.featureOwner.set(v.feature, r);
    }
    this.epochs = new Epochs(regions);
    this.day = day;
    this.resolve(day);
  }

  get(id: string): Region | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<Region> {
    return this.byId.values();
  }

  /** The region a shape of the history layer draws. */
  ownerOf(featureId: string): Region | undefined {
    return this.featureOwner.get(featureId);
  }

  /** The region a feature of any layer draws (today's features are named by their region). */
  regionOf(featureId: string): Region | undefined {
    return this.featureOwner.get(featureId) ?? this.byId.get(featureId);
  }

  /** The region's version in force at the map's day (null: not on the map then). */
  versionOf(id: string): RegionVersion | null {
    return this.current.get(id) ?? null;
  }

  /** Whether some version in force now is drawn from the history layer. */
  get historyWanted(): boolean {
    for (const v of this.current.values()) if (v?.layer === "history") return true;
    return false;
  }

  /** The English name of the version in force of the feature's region, for ordering. */
  nameOf(featureId: string): string {
    const r = this.regionOf(featureId);
    return (r && this.current.get(r.id)?.name_en) ?? r?.name_en ?? featureId;
  }

  private byName: Map<string, string> | null = null;

  /** The region named `name` in English (today's name; a place before an area of the same name). */
  idByName(name: string): string | undefined {
    if (!this.byName) {
      this.byName = new Map();
      const places = [...this.byId.values()].sort((a, b) => Number(b.kind === "place") - Number(a.kind === "place"));
      for (const r of places) if (!this.byName.has(r.name_en)) this.byName.set(r.name_en, r.id);
    }
    return this.byName.get(name);
  }

  /** The region's name of the map's date, in `lang`. */
  displayName(id: string, lang: NameLang): string {
    const r = this.byId.get(id);
    if (!r) return id;
    const v = this.current.get(id) ?? r;
    return lang === "ru" ? v.name_ru : v.name_en;
  }

  /**
   * Move to `day`: returns the regions whose version changed (none while the
   * date stays between two boundary days).
   */
  moveTo(day: number): VersionChange[] {
    this.day = day;
    if (this.epochs.of(day) === this.epoch) return [];
    return this.resolve(day);
  }

  /** Work out each region's version on `day`; returns the regions that changed. */
  private resolve(day: number): VersionChange[] {
    const changes: VersionChange[] = [];
    for (const r of this.byId.values()) {
      if (r.versions.length === 0) continue;
      const to = versionAt(r.versions, day);
      const from = this.current.get(r.id) ?? null;
      if (this.current.has(r.id) && from === to) continue;
      this.current.set(r.id, to);
      changes.push({ region: r, from, to });
    }
    this.epoch = this.epochs.of(day);
    return changes;
  }
}
