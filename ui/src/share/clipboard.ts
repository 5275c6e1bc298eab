/**
 * Copying text: the clipboard API where the page may use it (Chromium on
 * localhost), else a hidden selection and `copy`, which WebKitGTK (the
 * desktop app's webview) allows from a click when it refuses the API.
 */
import { h } from "../panel/dom";

/** Copy `text`; whether it reached the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { value: text, className: "offscreen", attrs: { "aria-hidden": "true" } });
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
