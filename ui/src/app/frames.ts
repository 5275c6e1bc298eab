/**
 * Timings for the scripted scrubbing benchmark (`window.faultlines.frames`
 * and `nextDraw`): how long from an input to its painted frame, and a
 * promise for the next finished draw. Apart from the app's work so that
 * measuring it stays out of its way.
 */

/** Frame timings for the scripted scrubbing benchmark: input → painted frame, in ms. */
export const frames: number[] = [];
/** Resolvers waiting for the next finished draw (for the benchmark). */
let drawWaiters: (() => void)[] = [];
export const nextDraw = () => new Promise<void>((r) => drawWaiters.push(r));

/** A draw has finished: release what waits for it. */
export function drawn(): void {
  const waiters = drawWaiters;
  drawWaiters = [];
  waiters.forEach((f) => f());
}

/** Note the time from the input at `inputAt` to the frame that paints it. */
export function timeFrame(inputAt: number): void {
  requestAnimationFrame(() => {
    frames.push(performance.now() - inputAt);
    if (frames.length > 5000) frames.shift();
  });
}
