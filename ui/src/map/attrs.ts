/**
 * An attribute written only when its value changes (null: removed). Why: a
 * write of the same value still counts as a change for the style engine,
 * the accessibility tree and every MutationObserver, and a change of
 * borders dresses dozens of regions at once while the slider moves.
 */
export function setAttr(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
