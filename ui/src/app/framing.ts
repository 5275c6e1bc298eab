/**
 * How the story is framed, decided before the first map is drawn from what
 * the core says of the story (`DatasetInfo`): the extent of its events and
 * the share of their places inside the regional frame. The built-in story,
 * whose few events abroad (Washington, London, Strasbourg) widen its extent,
 * keeps today's view. Nothing is fetched for it: a story of a million events
 * gets its first map without waiting for its columns.
 */
import type { DatasetInfo } from "../api/bindings";
import { chooseFraming, type Extent, type Framing } from "../map/framing";

/** The story's framing. */
export function frameStory(info: DatasetInfo): Framing {
  return chooseFraming((info.extent ?? null) as Extent | null, info.in_frame);
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
