/** The light or dark theme: the saved choice, else the system's, toggled by its button. */
import { byId } from "./page";

export function setupTheme(saved: string | null, changed: () => void): void {
  const button = byId<HTMLButtonElement>("theme");
  const dark = saved ? saved === "dark" : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
  const apply = (d: boolean) => {
    document.documentElement.dataset.theme = d ? "dark" : "light";
    button.setAttribute("aria-pressed", String(d));
  };
  apply(dark);
  button.addEventListener("click", () => {
    apply(document.documentElement.dataset.theme !== "dark");
    changed();
  });
}
