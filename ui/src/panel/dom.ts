/** Small DOM helpers: elements are built from data as text, never from markup. */
import { label, t } from "../i18n/i18n";

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { attrs?: Record<string, string> } = {},
  ...kids: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const { attrs, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

/**
 * A link to a source. In the browser it opens in a new tab; in the desktop app
 * (which never navigates away from its own pages) it copies the address.
 */
export function sourceLink(url: string, label: string, inDesktop: boolean, notify: (msg: string) => void): HTMLAnchorElement {
  const a = h("a", { href: url, textContent: label, rel: "noopener noreferrer", target: "_blank", className: "source" });
  a.title = url;
  if (inDesktop) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      void navigator.clipboard?.writeText(url).then(
        () => notify(t("link-copied", { url })),
        () => notify(url),
      );
    });
  }
  return a;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** "[sic]" after a typo kept verbatim; not part of the quotation. */
export function sicMark(): HTMLSpanElement {
  return label(h("span", { className: "sic", textContent: "[sic]" }), "sic");
}
