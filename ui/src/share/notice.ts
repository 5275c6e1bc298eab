/**
 * What a link left out, said once over the view it opened: a notice naming
 * each part and why ("region = “XYZ”: no such region in this story"), read
 * out as an alert and kept until the reader dismisses it (the button, or
 * Escape while it has focus) or opens another link.
 */
import type { Ignored } from "../api/bindings";
import { h } from "../panel/dom";

export class LinkNotice {
  readonly el: HTMLDivElement;
  private readonly list: HTMLUListElement;
  private readonly heading: HTMLParagraphElement;
  private readonly dismiss: HTMLButtonElement;

  constructor(private readonly t: (id: string, args?: Record<string, string>) => string) {
    this.heading = h("p", { className: "link-notice-heading" });
    this.list = h("ul", { className: "link-notice-list" });
    this.dismiss = h("button", { type: "button", className: "link-notice-dismiss" });
    this.dismiss.addEventListener("click", () => this.hide());
    this.el = h("div", { id: "link-notice", className: "link-notice", hidden: true, attrs: { role: "alert" } }, this.heading, this.list, this.dismiss);
    this.el.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        this.hide();
      }
    });
    document.body.append(this.el);
  }

  /** Name every part left out. */
  show(ignored: readonly Ignored[]): void {
    const t = this.t;
    this.heading.textContent = t("link-ignored-heading");
    this.dismiss.textContent = t("link-dismiss");
    this.list.replaceChildren(
      ...ignored.map((i) => {
        const why = t(`link-why-${i.why.replace(/_/g, "-")}`);
        const text = i.key ? t("link-ignored-item", { key: i.key, value: i.value, why }) : t("link-ignored-junk", { value: i.value, why });
        return h("li", { textContent: text });
      }),
    );
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
