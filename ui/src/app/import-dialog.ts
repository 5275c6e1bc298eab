/**
 * The import's modal dialog, one element whose content is one step at a
 * time: the progress bar with Cancel, the column-mapping step when a CSV's
 * headers are its own, the refusal with its problems, and the report once
 * the new story shows. Problems are a read-only text area so a reader can
 * select them, and a button copies them. Everything is built as text.
 */
import type { Field, ImportReport, Progress, RowProblem } from "../api/bindings";
import { h } from "../panel/dom";
import { label, t } from "../i18n/i18n";
import { warningText } from "../i18n/errors";
import { FIELDS, guessColumns, missingColumns, problemList, progressText, reportSummary, stillNeeded } from "./import-words";

export type Columns = Partial<Record<Field, string>>;

export class ImportDialog {
  readonly el: HTMLDialogElement;
  private readonly body: HTMLDivElement;
  private readonly heading: HTMLHeadingElement;
  private bar: HTMLProgressElement | null = null;
  private barText: HTMLParagraphElement | null = null;

  constructor(private readonly copy: (text: string) => Promise<boolean>) {
    this.heading = h("h2", { id: "import-title" });
    this.body = h("div", { className: "import-body" });
    this.el = h("dialog", { className: "import-dialog", attrs: { "aria-labelledby": "import-title" } }, this.heading, this.body);
    // Escape is Cancel while importing, and Close otherwise (the dialog's own behaviour).
    this.el.addEventListener("cancel", (e) => {
      const cancel = this.el.querySelector<HTMLButtonElement>("[data-role=cancel]");
      if (cancel) {
        e.preventDefault();
        cancel.click();
      }
    });
    document.body.append(this.el);
  }

  private show(title: string, ...kids: (Node | null)[]): void {
    this.heading.textContent = title;
    this.body.replaceChildren(...kids.filter((k): k is Node => k !== null));
    this.bar = null;
    if (!this.el.open) this.el.showModal();
    (this.body.querySelector<HTMLElement>("[data-autofocus]") ?? this.body.querySelector<HTMLElement>("button"))?.focus();
  }

  close(): void {
    if (this.el.open) this.el.close();
  }

  /** The progress bar; `onCancel` asks the import to stop. */
  progress(names: string[], onCancel: () => void): void {
    this.bar = null;
    const bar = label(h("progress", { max: 1, value: 0 }), "import-progress");
    const text = h("p", { className: "import-progress", textContent: t("import-reading"), attrs: { "aria-live": "polite" } });
    const cancel = h("button", { type: "button", textContent: t("import-cancel"), attrs: { "data-role": "cancel" } });
    cancel.addEventListener("click", () => {
      cancel.disabled = true;
      text.textContent = t("import-cancelling");
      onCancel();
    });
    this.show(t("import-importing", { files: names.join(", ") }), bar, text, h("div", { className: "import-actions" }, cancel));
    this.bar = bar;
    this.barText = text;
  }

  tell(p: Progress): void {
    if (!this.bar || !this.barText) return;
    this.bar.max = Math.max(1, p.total);
    this.bar.value = p.done;
    this.barText.textContent = progressText(p);
  }

  /** The problems as a list to read, select and copy. */
  private problems(problems: RowProblem[], counted: number): Node | null {
    if (problems.length === 0) return null;
    const text = problemList(problems, counted);
    const area = label(h("textarea", { readOnly: true, value: text, rows: Math.min(12, 2 * problems.length + 1), className: "import-problems" }), "import-rejected-rows");
    const copy = h("button", { type: "button", textContent: t("import-copy") });
    copy.addEventListener("click", () => {
      void this.copy(text).then((ok) => (copy.textContent = t(ok ? "import-copied" : "import-copy-failed")));
    });
    return h("div", { className: "import-problem-box" }, area, copy);
  }

  private closeButton(text = t("import-close")): HTMLButtonElement {
    const b = h("button", { type: "button", textContent: text, attrs: { "data-autofocus": "" } });
    b.addEventListener("click", () => this.close());
    return b;
  }

  /** The new story shows; what was imported and what was left out. */
  report(r: ImportReport): void {
    const warnings = r.warnings.length > 0 ? h("ul", { className: "import-warnings" }, ...r.warnings.map((w) => h("li", { textContent: warningText(w) }))) : null;
    this.show(
      t("import-done", { title: r.title.replace(/^Imported: /, "") }),
      h("p", { className: "import-summary", textContent: reportSummary(r) }),
      warnings,
      r.rejected > 0 ? h("p", { textContent: t("import-left-out") }) : null,
      this.problems(r.problems, r.rejected),
      h("div", { className: "import-actions" }, this.closeButton(t("import-show-story"))),
    );
  }

  /** Nothing was imported; the story shown is unchanged. */
  refused(message: string, problems: RowProblem[]): void {
    const first = message.split("\n")[0] ?? message;
    this.show(
      t("import-nothing"),
      h("p", { className: "import-error", textContent: first }),
      this.problems(problems, problems.length),
      h("p", { className: "import-note", textContent: t("import-unchanged") }),
      h("div", { className: "import-actions" }, this.closeButton()),
    );
  }

  /** Ask which columns hold the date and the place; resolves to the choice, or `null` if cancelled. */
  mapColumns(file: string, headers: string[]): Promise<Columns | null> {
    return new Promise((resolve) => {
      const guess = guessColumns(headers);
      const selects = new Map<Field, HTMLSelectElement>();
      const rows = FIELDS.map((field) => {
        const sel = h("select", { id: `col-${field}` }, h("option", { value: "", textContent: "—" }), ...headers.map((x) => h("option", { value: x, textContent: x })));
        sel.value = guess[field] ?? "";
        selects.set(field, sel);
        return h("div", { className: "col-row" }, h("label", { htmlFor: sel.id, textContent: t(`field-${field}`) }), sel);
      });
      const status = h("p", { className: "import-note", attrs: { role: "status" } });
      const chosen = (): Columns => Object.fromEntries([...selects].filter(([, s]) => s.value !== "").map(([f, s]) => [f, s.value])) as Columns;
      const go = h("button", { type: "submit", textContent: t("import-go") });
      const cancel = h("button", { type: "button", textContent: t("import-cancel"), attrs: { "data-role": "cancel" } });
      const form = h("form", { className: "col-form" }, ...rows, status, h("div", { className: "import-actions" }, cancel, go));
      const check = () => {
        const missing = missingColumns(chosen());
        status.textContent = stillNeeded(missing);
        return missing.length === 0;
      };
      form.addEventListener("change", check);
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        if (check()) resolve(chosen());
      });
      cancel.addEventListener("click", () => {
        this.close();
        resolve(null);
      });
      this.show(
        t("import-columns-title"),
        h("p", { textContent: t("import-columns-intro", { file }) }),
        form,
      );
      check();
      selects.get("date")?.focus();
    });
  }
}
