/**
 * The seam between the world layer and the regional layers, in a world
 * framing. The regional layers are cut at the frame's box, and d3 draws a
 * long cut edge as a great circle, so along the frame's parallels they
 * bulge (north of 62° N, and inwards from 25° N). Clipping both sides to the
 * same box, traced along its parallels, joins them without a gap: the
 * regional layers show inside the box only, the world layer outside it.
 * The world's hole starts a little north of 25° N, so the inward bulge of
 * the regional cut (up to a quarter degree, along India) has land beneath.
 */
import { geoPath, type GeoProjection } from "d3-geo";
import type { GroupName } from "./groups";
import { boxRing, type Extent } from "./framing";
import { FRAME as REGION } from "../api/bindings";
import { forD3 } from "./shapes";
import { el } from "./svg";

const FRAME: Extent = [REGION.west, REGION.south, REGION.east, REGION.north];
/** The world layer's hole: the frame but for its south edge, raised by the regional cut's largest bulge. */
const HOLE: Extent = [REGION.west, REGION.south + 0.3, REGION.east, REGION.north];

/** The path of a box traced at one step a degree along its edges. */
function boxPath(projection: GeoProjection, box: Extent): string {
  const ring = boxRing(box, Math.ceil(box[2] - box[0]));
  const polygon = forD3({ type: "Polygon", coordinates: [ring] });
  return geoPath(projection)(polygon as Parameters<ReturnType<typeof geoPath>>[0]) ?? "";
}

/** Write (or rewrite) the two clips of a world framing into `defs` and put them on the groups. */
export function clipToFrame(defs: SVGDefsElement, groups: Map<GroupName, SVGGElement>, projection: GeoProjection): void {
  defs.querySelector("#frame-inside")?.remove();
  defs.querySelector("#frame-outside")?.remove();
  const inside = el("clipPath", { id: "frame-inside" });
  inside.append(el("path", { d: boxPath(projection, FRAME) }));
  // Everything far and wide, less the frame: even-odd makes the frame a hole.
  const outside = el("clipPath", { id: "frame-outside" });
  const far = "M-100000,-100000H100000V100000H-100000Z";
  outside.append(el("path", { d: `${far}${boxPath(projection, HOLE)}`, "clip-rule": "evenodd" }));
  defs.append(inside, outside);
  for (const [name, g] of groups) {
    if (name === "places") continue;
    g.setAttribute("clip-path", name === "world" ? "url(#frame-outside)" : "url(#frame-inside)");
  }
}
