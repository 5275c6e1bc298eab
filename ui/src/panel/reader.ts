/**
 * The reading view: the whole article with every linked place name marked.
 * Clicking a marked name selects its region on the map; selecting a region
 * marks and scrolls to its passages. The source's metadata and a note on how
 * excerpts were linked come first.
 */
import type { Article } from "../api/bindings";
import { formatDate } from "../format";
import { label, onLocaleChange } from "../i18n/i18n";
import { h, sicMark } from "./dom";

export class Reader {
  readonly root: HTMLElement;
  private readonly body: HTMLDivElement;
  private sentences = new Map<string, HTMLSpanElement>();
  private article: Article | null = null;
  private currentId: string | null = null;

  /** `linkingNote`: the note on how excerpts were linked, in the interface's language (given the English one). */
  constructor(
    private readonly load: () => Promise<Article>,
    private readonly select: (region: string) => void,
    private readonly linkingNote: (english: string) => string = (english) => english,
  ) {
    this.body = h("div", { className: "reader-body" });
    this.root = label(h("section", { className: "reader", id: "reader", hidden: true }, this.body), "reader");
  }

  get open(): boolean {
    return !this.root.hidden;
  }

  async toggle(show = !this.open): Promise<void> {
    this.root.hidden = !show;
    if (show && !this.article) await this.build();
  }

  private async build(): Promise<void> {
    const a = await this.load();
    this.article = a;
    const m = a.meta;
    const note = h("p", { className: "linking-note", textContent: this.linkingNote(m.linking_note) });
    onLocaleChange(() => (note.textContent = this.linkingNote(m.linking_note)));
    const head = h(
      "header",
      { className: "reader-meta" },
      h("h2", { textContent: m.title }),
      h("p", { className: "byline", textContent: `${m.author} · ${formatDate(m.date)}${m.publisher ? ` · ${m.publisher}` : ""}` }),
      note,
    );
    // Offsets: mentions count Unicode characters; the DOM counts UTF-16 units.
    const chars = Array.from(a.text);
    const u16 = new Array<number>(chars.length + 1);
    let acc = 0;
    chars.forEach((c, i) => {
      u16[i] = acc;
      acc += c.length;
    });
    u16[chars.length] = acc;
    const mentions = a.mentions.map((mn) => ({ from: u16[mn.start]!, to: u16[mn.end]!, regions: mn.regions, name: mn.name }));
    const excerpts = a.excerpts.map((x) => ({ from: x.start_utf16, to: x.end_utf16, id: x.id }));
    // Typos stay verbatim and are followed by "[sic]", as in the panel.
    const sics = a.excerpts.flatMap((x) => x.notes.filter((n) => n.kind === "sic").map((n) => x.start_utf16 + n.end_utf16));
    const putText = (span: HTMLElement, from: number, to: number) => {
      let c = from;
      for (const at of sics.filter((q) => q > from && q <= to).sort((x, y) => x - y)) {
        span.append(text.slice(c, at), sicMark());
        c = at;
      }
      if (c < to) span.append(text.slice(c, to));
    };
    const text = a.text;
    const paras: HTMLParagraphElement[] = [];
    let pos = 0;
    for (const line of text.split("\n")) {
      const from = pos;
      const to = pos + line.length;
      pos = to + 1;
      if (!line.trim()) continue;
      const p = h("p", {});
      let cursor = from;
      const inPara = excerpts.filter((x) => x.from >= from && x.to <= to);
      const pieces: { from: number; to: number; id: string | null }[] = [];
      for (const x of inPara) {
        if (x.from > cursor) pieces.push({ from: cursor, to: x.from, id: null });
        pieces.push({ from: x.from, to: x.to, id: x.id });
        cursor = x.to;
      }
      if (cursor < to) pieces.push({ from: cursor, to, id: null });
      for (const piece of pieces) {
        const span = h("span", { className: piece.id ? "sentence" : "plain" });
        if (piece.id) {
          span.dataset.excerpt = piece.id;
          this.sentences.set(piece.id, span);
        }
        let c = piece.from;
        for (const mn of mentions.filter((mm) => mm.from >= piece.from && mm.to <= piece.to)) {
          if (mn.from > c) putText(span, c, mn.from);
          const b = h("button", { type: "button", className: "mention", textContent: text.slice(mn.from, mn.to) });
          label(b, "reader-show-on-map");
          b.addEventListener("click", () => this.select(mn.regions[0]!));
          span.append(b);
          if (sics.some((q) => q > mn.from && q <= mn.to)) span.append(sicMark());
          c = mn.to;
        }
        if (c < piece.to) putText(span, c, piece.to);
        p.append(span);
      }
      paras.push(p);
    }
    this.body.replaceChildren(head, ...paras);
  }

  /** Mark the passages linked to a region and bring the first into view. */
  showRegion(excerptIds: string[]): void {
    for (const s of this.sentences.values()) s.classList.remove("linked");
    // The current sentence (one a link opened at) stays in view when it is the region's.
    const current = this.currentId && excerptIds.includes(this.currentId) ? this.sentences.get(this.currentId) : undefined;
    const first = current ?? excerptIds.map((id) => this.sentences.get(id)).find((s) => s);
    for (const id of excerptIds) this.sentences.get(id)?.classList.add("linked");
    if (first && this.open) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  /** Keep the current excerpt's paragraph in view. */
  showCurrent(id: string | null): void {
    this.currentId = id;
    for (const s of this.sentences.values()) s.classList.remove("current");
    if (!id) return;
    const s = this.sentences.get(id);
    s?.classList.add("current");
    if (s && this.open) s.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  /** The excerpt last made current (a link to the view names it). */
  get current(): string | null {
    return this.currentId;
  }

  /** Open at a sentence (a link to an excerpt): marked, in the middle of the view, and focused. */
  async openAt(id: string): Promise<void> {
    await this.toggle(true);
    this.showCurrent(id);
    const s = this.sentences.get(id);
    if (!s) return;
    s.tabIndex = -1;
    s.scrollIntoView({ block: "center" });
    s.focus({ preventScroll: true });
  }
}
