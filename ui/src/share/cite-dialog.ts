/**
 * The Cite dialog of an excerpt: its citation as plain text, BibTeX and
 * CSL-JSON (made by the core, `backend.cite`), each shown as it will be
 * copied, with Copy and Save (a download in the browser, the save dialog in
 * the desktop app). A modal dialog: focus starts on its first Copy, Escape
 * or Close returns it to the button that opened it.
 */
import type { Citation } from "../api/bindings";
import { BackendError, type Backend } from "../api/client";
import { errorText } from "../i18n/errors";
import { h } from "../panel/dom";
import { copyText } from "./clipboard";

type Format = { id: "plain" | "bibtex" | "csl"; label: string; text: (c: Citation) => string; ext: string; mime: string };

const FORMATS: Omit<Format, "label">[] = [
  { id: "plain", text: (c) => c.plain, ext: "txt", mime: "text/plain" },
  { id: "bibtex", text: (c) => c.bibtex, ext: "bib", mime: "application/x-bibtex" },
  { id: "csl", text: (c) => c.csl_json, ext: "json", mime: "application/vnd.citationstyles.csl+json" },
];

export class CiteDialog {
  readonly el: HTMLDialogElement;
  private readonly heading: HTMLHeadingElement;
  private readonly body: HTMLDivElement;
  private opener: HTMLElement | null = null;

  constructor(
    private readonly backend: Backend,
    private readonly t: (id: string, args?: Record<string, string>) => string,
    private readonly announce: (msg: string) => void,
  ) {
    this.heading = h("h2", { id: "cite-title" });
    this.body = h("div", { className: "cite-body" });
    this.el = h("dialog", { className: "import-dialog cite-dialog", attrs: { "aria-labelledby": "cite-title" } }, this.heading, this.body);
    this.el.addEventListener("close", () => this.opener?.focus());
    document.body.append(this.el);
  }

  /** Show the citation of excerpt `id`; `opener` gets the focus back. */
  async open(id: string, opener: HTMLElement | null): Promise<void> {
    const c = await this.backend.cite(id);
    const t = this.t;
    this.opener = opener;
    this.heading.textContent = t("cite-title");
    const blocks = FORMATS.map((f) => this.block({ ...f, label: t(`cite-${f.id}`) }, c));
    const close = h("button", { type: "button", className: "cite-close", textContent: t("cite-close") });
    close.addEventListener("click", () => this.el.close());
    this.body.replaceChildren(...blocks, h("div", { className: "import-actions" }, close));
    if (!this.el.open) this.el.showModal();
    this.body.querySelector<HTMLButtonElement>("button")?.focus();
  }

  private block(f: Format, c: Citation): HTMLElement {
    const t = this.t;
    const text = f.text(c);
    const titleId = `cite-${f.id}-label`;
    const pre = h("pre", { className: `cite-text cite-${f.id}`, textContent: text, tabIndex: 0, attrs: { "aria-labelledby": titleId } });
    const copy = h("button", { type: "button", textContent: t("cite-copy"), attrs: { "aria-label": t("cite-copy-format", { format: f.label }) } });
    copy.addEventListener("click", () => {
      void copyText(text).then((ok) => this.announce(ok ? t("cite-copied", { format: f.label }) : t("cite-copy-failed")));
    });
    const save = h("button", { type: "button", textContent: t("cite-save"), attrs: { "aria-label": t("cite-save-format", { format: f.label }) } });
    save.addEventListener("click", () => {
      const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
      this.backend.saveFile(`${c.key}.${f.ext}`, f.mime, bytes).then(
        (where) => where && this.announce(t("cite-saved", { name: where })),
        (e: unknown) => this.announce(t("cite-failed", { message: e instanceof BackendError ? errorText(e) : e instanceof Error ? e.message : String(e) })),
      );
    });
    return h(
      "section",
      { className: "cite-format", attrs: { "aria-labelledby": titleId } },
      h("h3", { id: titleId, textContent: f.label }),
      pre,
      h("div", { className: "cite-actions" }, copy, save),
    );
  }
}
