/**
 * How the story is framed, decided before the first map is drawn: from the
 * extent of its events (`DatasetInfo.extent`) and, only when that reaches
 * beyond the regional frame, from the share of its events' places inside
 * the frame, read from the columns the page loads anyway. The built-in
 * story, whose few events abroad (Washington, London, Strasbourg) widen its
 * extent, keeps today's view; its columns are fetched once and handed on.
 */
import type { DatasetInfo } from "../api/bindings";
import type { Backend } from "../api/client";
import { chooseFraming, extentInFrame, REGIONAL, shareInFrame, type Extent, type Framing } from "../map/framing";
import { decodeColumns, type Columns } from "../timeline/columns";

export interface StoryFraming {
  framing: Framing;
  /** The columns when the decision fetched them (else the page fetches them after the first map). */
  columns: Promise<Columns> | null;
}

/** The story's framing; a failed fetch of the columns frames on the extent alone. */
export async function frameStory(backend: Backend, info: DatasetInfo): Promise<StoryFraming> {
  const extent = (info.extent ?? null) as Extent | null;
  if (!extent || extentInFrame(extent)) return { framing: REGIONAL, columns: null };
  const columns = backend.columns().then(decodeColumns);
  const share = await columns.then((c) => shareInFrame(c.lon, c.lat)).catch(() => null);
  return { framing: chooseFraming(extent, share), columns };
}

/** Whether a saved centre belongs to this framing's view (a saved view of another story is not restored). */
export function savedCenterFits(framing: Framing, center: [number, number]): boolean {
  if (framing.kind === "regional") return true;
  const [w, s, e, n] = framing.extent;
  const [lon, lat] = center;
  const mx = Math.max(5, (e - w) / 2);
  const my = Math.max(5, (n - s) / 2);
  return lon >= w - mx && lon <= e + mx && lat >= s - my && lat <= n + my;
}
