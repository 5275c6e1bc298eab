/**
 * Runs a function once calls to `poke` have stopped for `ms`: a debounce for
 * input that arrives at every frame (the slider), which keeps one timer
 * instead of clearing and setting one per call. When the timer fires early
 * (the last poke was recent) it is set again for the time that is left.
 */
export class Quiet {
  private last = 0;
  private timer = 0;

  constructor(private readonly ms: number, private readonly run: () => void) {}

  /** Something happened: run `ms` after the last such call. */
  poke(): void {
    this.last = performance.now();
    if (!this.timer) this.timer = window.setTimeout(this.fire, this.ms);
  }

  /** Forget a pending run. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = 0;
  }

  get pending(): boolean {
    return this.timer !== 0;
  }

  private readonly fire = (): void => {
    const left = this.last + this.ms - performance.now();
    if (left > 0.5) {
      this.timer = window.setTimeout(this.fire, left);
      return;
    }
    this.timer = 0;
    this.run();
  };
}
