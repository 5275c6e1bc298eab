/**
 * The vertex shader's rule (`shaders.ts`), written once more in TypeScript:
 * whether the event in a GPU slot is drawn at day t, and how certain it is.
 * It exists so that the tests can hold the shader's rule to the local
 * index's own (`activeAt`, `certaintyAt` in `timeline/columns.ts`), which the
 * core's golden file holds in turn; keep the two texts in step.
 */
import { COLUMNS } from "../api/bindings";

const F = COLUMNS.flags;

/** −1 if slot `j` is not drawn at day `t` under `mask`, else its certainty (0–1). */
export function shaderRule(days: Int32Array, meta: Uint8Array, j: number, t: number, mask: number): number {
  const lo = days[4 * j]!;
  const hi = days[4 * j + 1]!;
  const sure = days[4 * j + 2]!;
  const endFrom = days[4 * j + 3]!;
  const kind = meta[4 * j]!;
  const flags = meta[4 * j + 1]!;
  if (!(lo <= t && t <= hi && ((mask >>> kind) & 1) === 1 && meta[4 * j + 2] === 0)) return -1;
  const fadeIn = flags & F.fuzzyStart && sure > lo ? (t - lo + 1) / (sure - lo + 1) : 1;
  const fadeOut = flags & F.fuzzyEnd && t >= endFrom ? 1 - (t - endFrom) / (hi - endFrom + 1) : 1;
  return Math.max(0, Math.min(1, Math.min(fadeIn, fadeOut)));
}
