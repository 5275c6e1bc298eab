/**
 * Links to the view. The view on screen (date, window, map, selection,
 * filters, the excerpt being read) is one `ViewLink`; in the browser the
 * page's address carries it in its fragment and follows each move (written
 * a moment after it, with `history.replaceState`, so moves add no history),
 * and opening such an address, or editing its fragment, shows that view.
 * The desktop app opens `faultlines://view?…` links the shell hands over.
 * Every link is read by the core (`backend.readLink`); a bad part of it is
 * left out, the rest shown over the default view, and what was left out is
 * said in a notice. "Copy link" copies the app's link in the desktop app and
 * the page's address in the browser.
 */
import { EVENT_KINDS, type DatasetInfo, type ViewLink } from "../api/bindings";
import type { Backend } from "../api/client";
import type { Reading } from "../app/reading";
import { isoToDay } from "../format";
import type { AtlasMap } from "../map/map";
import { Quiet } from "../quiet";
import type { Selection } from "../selection";
import type { Timeline } from "../timeline/timeline";
import { copyText } from "./clipboard";
import { appLink, DEFAULT_AT, pageLink, viewQuery } from "./link";
import { LinkNotice } from "./notice";

/** What sharing reads the view from. */
export interface SharingParts {
  backend: Backend;
  info: DatasetInfo;
  map: AtlasMap;
  timeline: Timeline;
  selection: Selection;
  reading: Reading;
}

export interface ShareParts extends SharingParts {
  /** Say something in the live region ("Link copied"). */
  announce: (msg: string) => void;
  t: (id: string, args?: Record<string, string>) => string;
}

/** The membership map a view shows when its link does not say (the timeline's own default). */
function defaultOrg(info: DatasetInfo): string {
  return info.organizations.some((o) => o.id === "csto") ? "csto" : "";
}

export class Sharing {
  private readonly notice: LinkNotice;
  /** The query last written to the address, so a change of ours is not read back. */
  private written = "";
  private following = false;
  private readonly write = new Quiet(300, () => {
    if (!this.following) return;
    const q = viewQuery(this.view());
    if (q === this.written) return;
    this.written = q;
    history.replaceState(history.state, "", `#${q}`);
  });

  constructor(private readonly p: ShareParts) {
    this.notice = new LinkNotice(p.t);
  }

  /** The view on screen. */
  view(excerpt: string | null = this.p.reading.excerpt): ViewLink {
    const { map, timeline, selection, info } = this.p;
    const v = map.view;
    const kinds = timeline.kinds;
    const [w0, w1] = timeline.window;
    return {
      at: timeline.day,
      region: selection.value,
      window: [Math.round(w0), Math.round(w1)],
      zoom: v?.zoom ?? null,
      center: v?.center ?? null,
      kinds: kinds.length === EVENT_KINDS.length ? null : [...kinds],
      actor: timeline.actor || null,
      org: timeline.org === defaultOrg(info) ? null : timeline.org,
      excerpt,
    };
  }

  /** The link to copy: the app's in the desktop app, this page's address in the browser. */
  link(v: ViewLink = this.view()): string {
    return this.p.backend.transport === "tauri" ? appLink(v) : pageLink(v);
  }

  /** Show the view a link names; what the core left out of it is said in the notice. */
  async open(link: string): Promise<void> {
    const answer = await this.p.backend.readLink(link);
    await this.apply(answer.view);
    if (answer.ignored.length) this.notice.show(answer.ignored);
    else this.notice.hide();
  }

  /** Show `v`; what it leaves out is the default view's. */
  async apply(v: ViewLink): Promise<void> {
    const { timeline, map, reading, info } = this.p;
    const [from, to] = v.window ?? [timeline.min, timeline.max];
    timeline.setWindow(from, to, false);
    timeline.setDay(v.at ?? isoToDay(DEFAULT_AT));
    timeline.setKinds(v.kinds ?? [...EVENT_KINDS]);
    timeline.setActor(v.actor ?? "");
    timeline.setOrg(v.org ?? defaultOrg(info));
    reading.select(v.region, false);
    if (v.center) map.centerOn(v.center, v.zoom ?? map.zoom);
    else if (v.zoom === null) map.resetView();
    if (v.excerpt) await reading.openAt(v.excerpt);
  }

  /** Copy a link to the view (or to `excerpt` in it) and say so. */
  async copy(excerpt?: string): Promise<void> {
    const link = this.link(this.view(excerpt ?? this.p.reading.excerpt));
    const ok = await copyText(link);
    this.p.announce(ok ? this.p.t("share-link-copied") : this.p.t("share-copy-failed", { link }));
  }

  /** In the browser: the address follows the view, and an edited fragment is shown. */
  follow(): void {
    const { timeline, map, selection } = this.p;
    this.following = true;
    const poke = () => this.write.poke();
    timeline.on("change", poke);
    timeline.on("window", poke);
    timeline.on("filter", poke);
    selection.subscribe(poke);
    map.onViewChange(poke);
    window.addEventListener("hashchange", () => {
      const q = location.hash.replace(/^#/, "");
      if (q === this.written) return;
      this.written = q;
      void this.open(location.hash);
    });
  }

  /** Something of the view changed that the timeline, map and selection do not tell (the excerpt read). */
  changed(): void {
    this.write.poke();
  }
}
