/** The page's shortcuts: "/" focuses search, "t" the timeline's slider (not while typing). */
export function bindShortcuts(search: HTMLInputElement, slider: HTMLElement): void {
  document.addEventListener("keydown", (e) => {
    const typing = (e.target as HTMLElement).closest("input, select, textarea, [role=slider]");
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "/") {
      e.preventDefault();
      search.focus();
    } else if (e.key === "t") {
      slider.focus();
    }
  });
}
