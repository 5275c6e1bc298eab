/**
 * Greedy label placement: labels are tried in priority order and kept only
 * where their box does not overlap one already placed (or the screen edge).
 */

export interface LabelCandidate {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Lower is more important. */
  priority: number;
  /** Font size in px, to estimate the box. */
  size: number;
  /** Offset the label to the right of a point symbol. */
  beside?: boolean;
  /** Measured width in px, when the caller could measure it. */
  width?: number;
}

export interface PlacedLabel extends LabelCandidate {
  box: { x0: number; y0: number; x1: number; y1: number };
}

/** Box of a label: its measured width, or an estimate (~0.62 em a glyph). */
export function labelBox(c: LabelCandidate) {
  const w = c.width ?? c.text.length * c.size * 0.62;
  const h = c.size * 1.2;
  const x0 = c.beside ? c.x + 5 : c.x - w / 2;
  const y0 = c.beside ? c.y - h / 2 : c.y - h / 2;
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

export type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * Place labels greedily by priority. `obstacles` (e.g. the place symbols) are
 * avoided too but not returned.
 */
export function placeLabels(cands: LabelCandidate[], width: number, height: number, pad = 3, obstacles: Box[] = []): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const blocked: Box[] = [...obstacles];
  const sorted = [...cands].sort((a, b) => a.priority - b.priority || a.text.localeCompare(b.text));
  for (const c of sorted) {
    for (const box of positions(c)) {
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      const hit = blocked.some((b) => box.x0 < b.x1 + pad && b.x0 < box.x1 + pad && box.y0 < b.y1 + pad && b.y0 < box.y1 + pad);
      if (!hit) {
        placed.push({ ...c, box });
        blocked.push(box);
        break;
      }
    }
  }
  return placed;
}

/**
 * Where a label may go. An area's name: centred on its anchor, else a line
 * above or below (a capital's dot often sits where the name would). A point
 * symbol's: right, left, above, below.
 */
function positions(c: LabelCandidate) {
  const b = labelBox(c);
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  if (!c.beside) {
    const shift = (dy: number) => ({ x0: b.x0, y0: b.y0 + dy, x1: b.x1, y1: b.y1 + dy });
    return [b, shift(-1.3 * h), shift(1.3 * h), shift(-2.6 * h), shift(2.6 * h)];
  }
  return [
    b,
    { x0: c.x - 5 - w, y0: b.y0, x1: c.x - 5, y1: b.y1 },
    { x0: c.x - w / 2, y0: c.y - 6 - h, x1: c.x + w / 2, y1: c.y - 6 },
    { x0: c.x - w / 2, y0: c.y + 6, x1: c.x + w / 2, y1: c.y + 6 + h },
  ];
}

/** Whether any two placed labels overlap (used by tests and checks). */
export function anyOverlap(labels: PlacedLabel[]): boolean {
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!.box;
      const b = labels[j]!.box;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) return true;
    }
  return false;
}
