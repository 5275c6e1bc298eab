/** The page's shortcuts: "/" focuses search, "t" the timeline's slider, "e" opens the Export dialog (not while typing). */
export function bindShortcuts(search: HTMLInputElement, slider: HTMLElement, exportView?: () => void): void {
  document.addEventListener("keydown", (e) => {
    const typing = (e.target as HTMLElement).closest("input, select, textarea, [role=slider]");
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "/") {
      e.preventDefault();
      search.focus();
    } else if (e.key === "t") {
      slider.focus();
    } else if ((e.key === "e" || e.key === "E") && exportView && !document.querySelector("dialog[open]")) {
      e.preventDefault();
      exportView();
    }
  });
}
