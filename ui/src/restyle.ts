/**
 * Calls `f` when the page's styles may have changed under what was painted
 * from them: the theme (`data-theme`), a class or style on the root, or the
 * system's forced colours. The pictures drawn from computed styles (the
 * base map's, the SVGs' above the events, the slider's thumb) are drawn
 * again then; `also` names more root attributes to follow (the language,
 * for pictures with words).
 */
export function onRestyle(f: () => void, also: readonly string[] = []): void {
  new MutationObserver(() => f()).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style", ...also] });
  window.matchMedia?.("(forced-colors: active)").addEventListener?.("change", () => f());
}
