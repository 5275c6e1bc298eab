/**
 * Sharing put in the page: the toolbar's "Copy link", each excerpt's Cite
 * and Copy link, and the address that follows the view in the browser. The
 * excerpts' buttons exist before the rest of the app, so `shareHooks` gives
 * them to the panel first and `mount` makes them work once it is all there.
 */
import { notify, showError } from "../app/page";
import { label, t } from "../i18n/i18n";
import type { ExcerptShare } from "../panel/excerpt-item";
import { h } from "../panel/dom";
import { CiteDialog } from "./cite-dialog";
import { Sharing, type SharingParts } from "./sharing";


export interface ShareHooks {
  /** For the excerpts panel. */
  hooks: ExcerptShare;
  /** Make everything work; returns the sharing, to open links with. */
  mount(p: SharingParts): Sharing;
}

export function shareHooks(): ShareHooks {
  let sharing: Sharing | null = null;
  let cite: CiteDialog | null = null;
  return {
    hooks: {
      cite: (id, opener) => void cite?.open(id, opener).catch(showError),
      copyLink: (id) => void sharing?.copy(id).catch(showError),
    },
    mount(p) {
      sharing = new Sharing({ ...p, announce: notify, t });
      cite = new CiteDialog(p.backend, t, notify);
      const button = label(h("button", { type: "button", id: "copy-link" }), "share-copy-link");
      const s = sharing;
      button.addEventListener("click", () => void s.copy().catch(showError));
      document.getElementById("read")?.after(button);
      return s;
    },
  };
}
