/**
 * The core's layers and the map's drawing groups: which layers are fetched,
 * the order the groups are drawn in, and the group a region of each kind is
 * drawn in. Fetching, framing and drawing all name groups by these.
 */
import type { Region } from "../api/bindings";

/**
 * The core's layers; "history" holds the shapes of past versions, "world"
 * the countries beyond the frame (fetched only in a world framing).
 */
export const LAYERS = ["world", "water", "countries", "provinces", "disputed", "lines", "places", "history"] as const;
export type LayerName = (typeof LAYERS)[number];
/** Drawing order; a history shape is drawn in the group of its region's kind. */
export const GROUPS = ["world", "water", "countries", "provinces", "disputed", "unions", "lines", "places"] as const;
export type GroupName = (typeof GROUPS)[number];
export const KIND_GROUP: Record<Region["kind"], GroupName> = { country: "countries", province: "provinces", disputed: "disputed", union: "unions", line: "lines", place: "places" };
