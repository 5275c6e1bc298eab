/**
 * The core's overview states (`Api::overviews`): every distinct state of the
 * memberships and disputes, each from the first day it holds. While the
 * slider is dragged the page looks the current one up here instead of asking
 * the core at every step; the core computed every state, the page only finds
 * which one holds.
 */
import type { State } from "../api/bindings";
import { countAtOrBefore } from "../sorted";

export class Overviews {
  private readonly days: Int32Array;

  constructor(private readonly states: State[]) {
    if (states.length === 0) throw new Error("overviews: no states");
    this.days = Int32Array.from(states, (s) => s.day);
    for (let i = 1; i < this.days.length; i++) {
      if (this.days[i]! <= this.days[i - 1]!) throw new Error(`overviews: days out of order at ${i}`);
    }
  }

  get length(): number {
    return this.states.length;
  }

  /** The state holding on `day` (the first one also holds before its own day). */
  at(day: number): State {
    return this.states[countAtOrBefore(this.days.length, (i) => this.days[i]!, day, 1) - 1]!;
  }
}
