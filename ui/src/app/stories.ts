/**
 * The reader's own stories, in the desktop app: the Stories button (the
 * built-in story, every imported one, Open files… and Open folder…),
 * Ctrl+O, and the import of whatever the shell hands over (a drop, files
 * on the command line, the File menu).
 *
 * Every command answers about the shell's current story, so once a story is
 * imported or chosen the page reloads and starts on it, as at a launch: one
 * way to show a story, not a second one that could forget a piece. The
 * import's report waits in session storage across that reload and shows
 * over the new story. A failed or cancelled import changes nothing.
 */
import type { ImportReport } from "../api/bindings";
import type { BackendError } from "../api/client";
import type { Shell } from "../api/shell";
import type { StoriesView } from "../api/shell-bindings";
import { h } from "../panel/dom";
import { label, t } from "../i18n/i18n";
import { errorText } from "../i18n/errors";
import { ImportDialog, type Columns } from "./import-dialog";
import { byId, showError, showNotice } from "./page";
import { copyText } from "../share/clipboard";

const REPORT_KEY = "faultlines.import-report";


export class Stories {
  private readonly dialog = new ImportDialog(copyText);
  private readonly button: HTMLButtonElement;
  private readonly pop: HTMLDivElement;
  private busy = false;

  constructor(private readonly shell: Shell, private readonly reload: () => void = () => location.reload()) {
    this.pop = label(h("div", { id: "stories-pop", className: "stories-pop", hidden: true, attrs: { role: "group" } }), "stories-pop");
    this.button = label(h("button", { type: "button", id: "stories", attrs: { "aria-expanded": "false", "aria-controls": "stories-pop" } }), "stories");
    this.button.addEventListener("click", () => void this.toggle());
    this.pop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        this.toggle(false).then(() => this.button.focus(), showError);
      }
    });
    const wrap = h("div", { className: "stories-wrap" }, this.button, this.pop);
    byId("read").before(wrap);
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "o") {
        e.preventDefault();
        void this.choose(e.shiftKey);
      }
    });
    document.addEventListener("click", (e) => {
      if (!this.pop.hidden && !wrap.contains(e.target as Node)) void this.toggle(false);
    });
  }

  /** What a `faultlines://` link the shell hands over opens (the view it names). */
  private onLink: (url: string) => void = () => {};

  /** Start hearing the shell, and show the report of an import that just finished; `onLink` opens links. */
  async start(onLink?: (url: string) => void): Promise<void> {
    if (onLink) this.onLink = onLink;
    const pending = sessionStorage.getItem(REPORT_KEY);
    sessionStorage.removeItem(REPORT_KEY);
    if (pending) this.dialog.report(JSON.parse(pending) as ImportReport);
    const view = await this.shell.stories();
    if (view.notice) showNotice(errorText(view.notice));
    await this.shell.listen((e) => {
      if (e.kind === "open") void this.importPaths(e.paths);
      else if (e.kind === "link") this.onLink(e.url);
      else void this.choose(e.kind === "chooseFolder");
    });
  }

  private async toggle(open = this.pop.hidden): Promise<void> {
    if (open) this.fill(await this.shell.stories());
    this.pop.hidden = !open;
    this.button.setAttribute("aria-expanded", String(open));
    if (open) this.pop.querySelector<HTMLButtonElement>("[aria-current=true]")?.focus();
  }

  private fill(view: StoriesView): void {
    const item = (id: string | null, title: string, detail: string) => {
      const current = view.current === id;
      const b = h("button", { type: "button", className: "story-choice", textContent: title, title: detail, attrs: { "aria-current": String(current) } });
      b.addEventListener("click", () => void (current ? this.toggle(false) : this.switchTo(id)));
      const li = h("li", {}, b);
      if (id !== null) li.append(this.removeButton(id, title, current));
      return li;
    };
    const list = h("ul", { className: "story-list" }, item(null, view.builtin, t("stories-builtin")), ...view.stories.map((s) => item(s.id, s.title, s.files.join(", "))));
    const open = label(h("button", { type: "button", attrs: { "aria-keyshortcuts": "Control+O" } }), "stories-open-files");
    open.addEventListener("click", () => void this.choose(false));
    const folder = label(h("button", { type: "button", attrs: { "aria-keyshortcuts": "Control+Shift+O" } }), "stories-open-folder");
    folder.addEventListener("click", () => void this.choose(true));
    const hint = label(h("p", { className: "import-note" }), "stories-drop-hint");
    this.pop.replaceChildren(list, h("div", { className: "import-actions" }, open, folder), hint);
  }

  /**
   * Remove asks once more on the same button, so one slip removes nothing.
   * Removing the story shown brings the built-in one back (a reload);
   * another is only taken off the list.
   */
  private removeButton(id: string, title: string, current: boolean): HTMLButtonElement {
    const b = label(h("button", { type: "button", className: "story-remove" }), "stories-remove", { title });
    b.addEventListener("click", () => {
      if (b.dataset.armed !== "true") {
        b.dataset.armed = "true";
        label(b, "stories-remove-confirm", { title });
        return;
      }
      void this.shell.removeStory(id).then(async () => {
        if (current) this.reload();
        else {
          this.fill(await this.shell.stories());
          this.pop.querySelector<HTMLButtonElement>("[aria-current=true]")?.focus();
        }
      }, showError);
    });
    return b;
  }

  private async switchTo(id: string | null): Promise<void> {
    try {
      await this.shell.openStory(id);
      this.reload();
    } catch (e) {
      showError(e);
    }
  }

  private async choose(folder: boolean): Promise<void> {
    if (this.busy) return;
    void this.toggle(false);
    const paths = await this.shell.choose(folder).catch((e: unknown) => (showError(e), null));
    if (paths && paths.length > 0) await this.importPaths(paths);
  }

  /** Import `paths`; on success the page starts again on the new story. */
  async importPaths(paths: string[], columns: Columns | null = null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const names = paths.map((p) => p.split(/[\\/]/).pop() ?? p);
    this.dialog.progress(names, () => void this.shell.cancelImport());
    let next: Columns | null = null;
    try {
      const report = await this.shell.importFiles(paths, columns, (p) => this.dialog.tell(p));
      sessionStorage.setItem(REPORT_KEY, JSON.stringify(report));
      this.reload();
    } catch (e) {
      next = await this.failed(e as BackendError);
    } finally {
      this.busy = false;
    }
    if (next) await this.importPaths(paths, { ...columns, ...next });
  }

  /** Say why nothing was imported; for unknown columns, ask for them (the answer is the next try's). */
  private async failed(e: BackendError): Promise<Columns | null> {
    const d = e.details ?? {};
    if (e.code === "cancelled") {
      this.dialog.refused(t("import-cancelled"), []);
    } else if (d.kind === "columns" && Array.isArray(d.headers)) {
      return this.dialog.mapColumns(String(d.file ?? t("import-the-file")), d.headers as string[]);
    } else {
      // Row problems name their file and line; the sentence names the first, in the reader's language.
      const rows = Array.isArray(d.problems) ? (d.problems as unknown[]).filter((p) => typeof p === "object" && p !== null && "file" in p) : [];
      this.dialog.refused(errorText(e), rows as ImportReport["problems"]);
    }
    return null;
  }
}
