/**
 * The Export dialog: a picture of the view (PNG at 1×, 2× or a chosen
 * size, or SVG) or an animation of a time range (from, to, frames a second,
 * duration, size, and the formats this machine can write: GIF always, WebM
 * and MP4 where the core found ffmpeg). A native modal `<dialog>`: it keeps
 * the focus inside, Escape closes it (or cancels an export under way), and
 * the focus returns to what opened it. Progress is a labelled `<progress>`,
 * its words said at each quarter, not at each frame.
 */
import type { ExportFormat, ExportFormats } from "../api/bindings";
import { BackendError } from "../api/client";
import { dayToIso, isoToDay } from "../format";
import { errorText } from "../i18n/errors";
import { label } from "../i18n/i18n";
import { h } from "../panel/dom";
import { mapSize } from "./compose";
import { composeNow, exportAnimation, exportImage, type ExportApp, type ExportFile, type ImageChoice } from "./run";

let uid = 0;
function field(labelId: string, input: HTMLInputElement | HTMLSelectElement): HTMLLabelElement {
  input.id ||= `export-${++uid}`;
  return h("label", { className: "export-field", htmlFor: input.id }, label(h("span"), labelId), input);
}

const numberInput = (value: number, min: number, max: number) => h("input", { type: "number", value: String(value), min: String(min), max: String(max), step: "1", required: true });
function radio(name: string, value: string, labelId: string, args?: Record<string, number>): { box: HTMLLabelElement; input: HTMLInputElement } {
  const input = h("input", { type: "radio", name, value });
  return { input, box: h("label", { className: "export-choice" }, input, label(h("span"), labelId, args)) };
}

export class ExportDialog {
  readonly el: HTMLDialogElement;
  private readonly form: HTMLFormElement;
  private readonly bar = h("progress", { max: 1, value: 0, hidden: true });
  private readonly status = h("p", { className: "export-status", attrs: { role: "status" } });
  private readonly go = label(h("button", { type: "submit", className: "primary" }), "export-go");
  private readonly close = label(h("button", { type: "button", attrs: { "data-role": "cancel" } }), "export-close");
  private formats: ExportFormats | null = null;
  private running: AbortController | null = null;
  private opener: HTMLElement | null = null;
  private readonly image = h("fieldset", { className: "export-part" });
  private readonly anim = h("fieldset", { className: "export-part" });
  private readonly what = { image: radio("export-what", "image", "export-image"), animation: radio("export-what", "animation", "export-animation") };
  private readonly width = numberInput(1920, 1, 8192);
  private readonly height = numberInput(1080, 1, 8192);
  private readonly from = h("input", { type: "date", required: true });
  private readonly to = h("input", { type: "date", required: true });
  private readonly fps = numberInput(12, 1, 60);
  private readonly seconds = numberInput(10, 1, 300);
  private readonly aw = numberInput(1280, 16, 3840);
  private readonly ah = numberInput(720, 16, 3840);
  private readonly format = h("select");

  constructor(private readonly app: ExportApp) {
    label(this.bar, "export-progress");
    const title = label(h("h2", { id: "export-title" }), "export-title");
    this.what.image.input.checked = true;
    const what = h("fieldset", { className: "export-what" }, label(h("legend"), "export-what"), this.what.image.box, this.what.animation.box);
    this.form = h("form", { method: "dialog" }, what, this.image, this.anim, this.bar, this.status, h("div", { className: "import-actions" }, this.close, this.go));
    this.el = h("dialog", { className: "import-dialog export-dialog", attrs: { "aria-labelledby": "export-title" } }, title, this.form);
    for (const r of Object.values(this.what)) r.input.addEventListener("change", () => this.showPart());
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    this.close.addEventListener("click", () => (this.running ? this.running.abort() : this.el.close()));
    this.el.addEventListener("cancel", (e) => {
      if (!this.running) return;
      e.preventDefault();
      this.running.abort();
    });
    this.el.addEventListener("close", () => this.opener?.focus());
    document.body.append(this.el);
  }

  private imageChoices(): void {
    const [width, height] = mapSize(this.app.map.svg.parentElement!);
    const size = { width, height };
    const [png1, png2, custom, svg] = [radio("export-image-kind", "png1", "export-png-1", size), radio("export-image-kind", "png2", "export-png-2", { width: 2 * size.width, height: 2 * size.height }), radio("export-image-kind", "custom", "export-png-custom"), radio("export-image-kind", "svg", "export-svg")];
    png1.input.checked = true;
    const sizes = h("div", { className: "export-size" }, field("export-width", this.width), field("export-height", this.height));
    this.image.replaceChildren(label(h("legend"), "export-image"), png1.box, png2.box, custom.box, sizes, svg.box);
  }

  private animationChoices(): void {
    const [w0, w1] = this.app.timeline.window;
    const span = this.app.info.span;
    for (const [input, day] of [[this.from, w0], [this.to, w1]] as const) {
      input.value = dayToIso(Math.round(day));
      input.min = dayToIso(span.start_day);
      input.max = dayToIso(span.end_day);
    }
    const formats: ExportFormat[] = this.formats?.animation ?? ["gif"];
    this.format.replaceChildren(...formats.map((f) => label(h("option", { value: f }), `export-format-${f}`)));
    const note = formats.length === 1 ? label(h("p", { className: "import-note" }), "export-formats-note") : null;
    this.anim.replaceChildren(label(h("legend"), "export-animation"), h("div", { className: "export-size" }, field("export-from", this.from), field("export-to", this.to)), h("div", { className: "export-size" }, field("export-fps", this.fps), field("export-duration", this.seconds)), h("div", { className: "export-size" }, field("export-width", this.aw), field("export-height", this.ah)), field("export-format", this.format), ...(note ? [note] : []));
  }

  private showPart(): void {
    const anim = this.what.animation.input.checked;
    this.image.hidden = anim;
    this.anim.hidden = !anim;
    for (const i of this.image.querySelectorAll("input")) i.disabled = anim;
    for (const i of this.anim.querySelectorAll("input, select")) (i as HTMLInputElement).disabled = !anim;
    const custom = this.image.querySelector<HTMLInputElement>("input[value=custom]")?.checked;
    if (!anim) this.width.disabled = this.height.disabled = !custom;
  }

  /** Open the dialog over the view as it is now. */
  async open(): Promise<void> {
    if (this.el.open) return;
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.formats ??= await this.app.backend.exportFormats().catch(() => null);
    this.imageChoices();
    this.animationChoices();
    for (const i of this.image.querySelectorAll("input[name=export-image-kind]")) i.addEventListener("change", () => this.showPart());
    this.showPart();
    this.status.textContent = "";
    this.bar.hidden = true;
    this.el.showModal();
    (this.what.animation.input.checked ? this.what.animation.input : this.what.image.input).focus();
  }

  private choice(): ImageChoice {
    const kind = this.image.querySelector<HTMLInputElement>("input[name=export-image-kind]:checked")?.value;
    if (kind === "svg") return { kind: "svg" };
    if (kind === "custom") return { kind: "png", width: this.width.valueAsNumber, height: this.height.valueAsNumber };
    return { kind: "png", scale: kind === "png2" ? 2 : 1 };
  }

  private async run(): Promise<void> {
    if (this.running) return;
    const anim = this.what.animation.input.checked;
    const from = isoToDay(this.from.value);
    const to = isoToDay(this.to.value);
    if (anim && !(to > from)) {
      label(this.status, "export-range-bad");
      return;
    }
    const abort = (this.running = new AbortController());
    this.go.disabled = true;
    label(this.close, "export-cancel");
    this.bar.hidden = !anim;
    this.bar.value = 0;
    label(this.status, "export-working");
    let told = -1;
    try {
      const file: ExportFile = anim
        ? await exportAnimation(this.app, { from, to, fps: this.fps.valueAsNumber, seconds: this.seconds.valueAsNumber, width: this.aw.valueAsNumber, height: this.ah.valueAsNumber, format: this.format.value as ExportFormat }, (done, total) => {
            this.bar.max = total;
            this.bar.value = done;
            const quarter = Math.floor((4 * done) / total);
            if (quarter !== told) {
              told = quarter;
              label(this.status, done === total ? "export-encoding" : "export-frames", { done, total, percent: Math.round((100 * done) / total) });
            }
          }, abort.signal)
        : await exportImage(this.app, this.choice());
      const where = await this.app.backend.saveFile(file.name, file.mime, file.bytes);
      if (where === null) this.status.textContent = "";
      else label(this.status, this.app.backend.transport === "http" ? "export-downloaded" : "export-saved", { name: where });
    } catch (e) {
      const err = e instanceof BackendError ? e : null;
      if (err?.code === "cancelled" || abort.signal.aborted) label(this.status, "export-cancelled");
      else label(this.status, "export-failed", { message: err ? errorText(err) : String(e) });
    } finally {
      this.running = null;
      this.go.disabled = false;
      this.bar.hidden = true;
      label(this.close, "export-close");
    }
  }
}

/** For the tests and the benchmark: the view composed now, as the export would draw it. */
export { composeNow };
