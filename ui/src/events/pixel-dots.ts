/**
 * The canvas dots written as pixels (`dot-raster.ts`) in the order the
 * canvas draws them as arcs (`timeline/dots.ts`): the dots in view are found
 * once, then each colour's dots of a certain date are gathered as one union
 * and blended, then the uncertain ones one by one, fainter; the pixels that
 * changed are put on the canvas in one copy.
 */
import { DotRaster, type PixelBox, type Rgb } from "./dot-raster";
import { dotAlpha } from "./marks";

/** The dots in view: `m` of them, at screen places (CSS px) `sx`, `sy`, each the layer's dot `index`, with its kind and certainty. */
export interface DotsInView {
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  readonly index: Int32Array;
  readonly m: number;
  readonly kind: Uint8Array;
  readonly certainty: Float32Array;
}

/** The colours: the palette's slot of each kind, and the bytes of each slot and kind. */
export interface DotPalette {
  readonly slotOf: readonly number[];
  readonly slots: readonly Rgb[];
  readonly kinds: readonly Rgb[];
}


export class PixelDots {
  private raster: DotRaster | null = null;

  /** The buffer for a canvas of `w × h` device px and dots of radius `r` device px (a new one when either changed size). */
  buffer(w: number, h: number, r: number): DotRaster {
    if (!this.raster || this.raster.r !== r || this.raster.width !== w || this.raster.height !== h) {
      this.raster = new DotRaster(r);
      this.raster.resize(w, h);
    }
    return this.raster;
  }

  /** Forget the buffer (the canvas was cleared). */
  drop(): void {
    this.raster = null;
  }

  /**
   * Draw `dots` into `raster` (`dpr` device px a CSS px, radius `r` CSS px)
   * and put on the canvas the pixels that changed: `stale` (already cleared
   * in the buffer) and the new dots' box. Returns the new dots' box in CSS px
   * (centres), or null when none is in view.
   */
  draw(ctx: CanvasRenderingContext2D, raster: DotRaster, dots: DotsInView, palette: DotPalette, dpr: number, r: number, stale: PixelBox | null): [number, number, number, number] | null {
    const { sx, sy, index, m, kind, certainty } = dots;
    let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
    for (let i = 0; i < m; i++) {
      const px = sx[i]!, py = sy[i]!;
      if (px < bx0) bx0 = px;
      if (px > bx1) bx1 = px;
      if (py < by0) by0 = py;
      if (py > by1) by1 = py;
    }
    const slots = palette.slots.length;
    for (let slot = 0; slot <= slots; slot++) {
      for (let i = 0; i < m; i++) {
        const j = index[i]!;
        const sure = certainty[j]! >= 1;
        if (slot < slots ? !sure || palette.slotOf[kind[j]!] !== slot : sure) continue;
        if (slot < slots) raster.cover(sx[i]! * dpr, sy[i]! * dpr);
        else raster.dot(sx[i]! * dpr, sy[i]! * dpr, palette.kinds[kind[j]!] ?? palette.slots[slots - 1]!, dotAlpha(certainty[j]!));
      }
      if (slot < slots) raster.fill(palette.slots[slot]!, dotAlpha(1));
    }
    const fresh = m ? raster.clamp((bx0 - r - 1) * dpr, (by0 - r - 1) * dpr, (bx1 + r + 1) * dpr, (by1 + r + 1) * dpr) : null;
    const box: PixelBox | null = stale && fresh ? [Math.min(stale[0], fresh[0]), Math.min(stale[1], fresh[1]), Math.max(stale[2], fresh[2]), Math.max(stale[3], fresh[3])] : stale ?? fresh;
    if (box) raster.put(ctx, box);
    return m ? [bx0, by0, bx1, by1] : null;
  }
}
