/**
 * A canvas's pixels copied into another canvas, resized to match: the one
 * way pictures kept for later are copied, the base map's states
 * (`map-states.ts`) and the labels' picture as drawn (`svg-picture.ts`).
 * The copy replaces what `into` held ("copy", not drawn over it).
 */
export function copyCanvas(from: HTMLCanvasElement, into: HTMLCanvasElement): HTMLCanvasElement | null {
  if (into.width !== from.width || into.height !== from.height) {
    into.width = from.width;
    into.height = from.height;
  }
  const ctx = into.getContext("2d");
  if (!ctx) return null;
  ctx.globalCompositeOperation = "copy";
  ctx.drawImage(from, 0, 0);
  return into;
}
