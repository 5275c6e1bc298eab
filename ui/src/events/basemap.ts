/**
 * A picture of the base map, drawn first on the GPU layer's canvas while
 * many events are drawn, with the SVG map beneath made transparent.
 *
 * Why: where the page is not composited (the desktop app's WebKitGTK),
 * every pixel a canvas changes makes WebKit paint again whatever lies under
 * it, and the SVG map of hundreds of regions costs about 9 ms a frame. With
 * the map's picture in the canvas itself and the SVG at opacity 0 (still
 * there for the keyboard, the screen reader and the pointer), a step of the
 * slider repaints one bitmap.
 *
 * The picture is the SVG serialized with each element's computed style
 * written on it (the image document has neither the page's style sheets nor
 * its ancestors), as a data: URL (the CSP allows data: images), at device
 * pixels. Any change in the SVG (a colour, a border, a zoom) makes it stale
 * at once: the SVG shows again in the same frame and a new picture is taken
 * once the map has been still for a moment. The SVG also shows while the
 * pointer is over the map or a region has focus, for hover and focus styles,
 * and while its own animations run.
 */
import type { AtlasMap } from "../map/map";
import { FULL_VS, IMAGE_FS } from "./shaders";
import { program } from "./gl";

/** The styles that decide how the map's SVG looks. */
const PROPS = ["fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linejoin", "stroke-linecap", "opacity", "visibility", "display", "vector-effect", "paint-order"];
/** How long the map must be still before its picture is taken. */
const QUIET_MS = 300;

export class BaseMapCache {
  private image: HTMLImageElement | null = null;
  private uploaded: HTMLImageElement | null = null;
  private fresh = false;
  private busy = false;
  private version = 0;
  private timer = 0;
  private want = false;
  private readonly img;
  private readonly tex: WebGLTexture | null;
  private readonly vao: WebGLVertexArrayObject | null;
  private readonly observer: MutationObserver;
  private readonly host: HTMLElement;

  constructor(private readonly map: AtlasMap, private readonly gl: WebGL2RenderingContext, private readonly redraw: () => void) {
    this.img = program(gl, FULL_VS, IMAGE_FS, ["u_image"]);
    this.tex = gl.createTexture();
    this.vao = gl.createVertexArray();
    this.host = map.svg.parentElement ?? document.body;
    this.observer = new MutationObserver(() => this.stale());
    this.observer.observe(map.svg, { subtree: true, attributes: true, childList: true, characterData: true });
    const live = () => this.stale();
    this.host.addEventListener("pointerenter", live);
    this.host.addEventListener("pointerleave", () => this.schedule());
    map.svg.addEventListener("focusin", live);
    map.svg.addEventListener("focusout", () => this.schedule());
    new ResizeObserver(live).observe(this.host);
  }

  /** Whether to keep a picture at all (a story with many events). */
  set wanted(w: boolean) {
    this.want = w;
    if (w) this.schedule();
    else this.stale();
  }

  dispose(): void {
    this.observer.disconnect();
    this.want = false;
    this.host.classList.remove("base-cached");
  }

  /** The map changed: show the SVG again now, take a new picture later. */
  private stale(): void {
    this.version++;
    if (this.fresh) {
      this.fresh = false;
      this.host.classList.remove("base-cached");
      this.redraw();
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.want) this.timer = window.setTimeout(() => void this.take(), QUIET_MS);
  }

  private get interacting(): boolean {
    return this.host.matches(":hover") || this.map.svg.contains(document.activeElement);
  }

  private async take(): Promise<void> {
    const svg = this.map.svg;
    if (!this.want || this.fresh || this.busy || this.interacting) return;
    if (svg.getAnimations?.({ subtree: true }).some((a) => a.playState === "running")) return this.schedule();
    const { width: w, height: h } = svg.getBoundingClientRect();
    if (!w || !h) return;
    const version = this.version;
    this.busy = true;
    try {
      const dpr = window.devicePixelRatio || 1;
      const clone = svg.cloneNode(true) as SVGSVGElement;
      const from = [svg, ...svg.querySelectorAll("*")];
      const to = [clone, ...clone.querySelectorAll("*")];
      from.forEach((e, i) => {
        const cs = getComputedStyle(e);
        const style = (to[i] as SVGElement).style;
        for (const p of PROPS) style.setProperty(p, cs.getPropertyValue(p));
      });
      clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      clone.setAttribute("width", String(Math.round(w * dpr)));
      clone.setAttribute("height", String(Math.round(h * dpr)));
      clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
      clone.style.setProperty("background", getComputedStyle(this.host).backgroundColor);
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
      await image.decode();
      if (version !== this.version || !this.want || this.interacting) return this.schedule();
      this.image = image;
      this.fresh = true;
      this.redraw();
    } catch {
      // A picture that cannot be made leaves the SVG shown: correct, only slower.
    } finally {
      this.busy = false;
    }
  }

  /** Draw the picture on the canvas of cw × ch device px, if it is current; true if drawn. */
  drawInto(cw: number, ch: number): boolean {
    const gl = this.gl;
    const image = this.image;
    if (!this.fresh || !image || !this.tex) return false;
    if (image.naturalWidth !== cw || image.naturalHeight !== ch) return false;
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.tex);
    if (this.uploaded !== image) {
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      this.uploaded = image;
    }
    gl.useProgram(this.img.p);
    gl.uniform1i(this.img.u.u_image!, 0);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    return true;
  }

  /** After a draw: the SVG is transparent exactly when the picture stands for it. */
  drawn(withPicture: boolean): void {
    this.host.classList.toggle("base-cached", withPicture);
  }
}
