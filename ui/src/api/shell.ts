/**
 * What only the desktop shell can do: the reader's own stories (import,
 * list, switch, remove), the file dialog, and what the shell tells the UI
 * (files dropped or passed at launch, the File menu). The HTTP mode serves
 * one story read-only, so it has no `Shell`; the UI hides what needs one.
 *
 * Like `client.ts`, every call fails with a {@link BackendError}, and the
 * types are generated from Rust (`bindings.ts`, `shell-bindings.ts`).
 */
import type { Field, ImportReport, Progress } from "./bindings";
import { invokeCoded, type Invoke } from "./client";
import type { ShellEvent, StoriesView } from "./shell-bindings";
import { t } from "../i18n/i18n";

export interface Shell {
  stories(): Promise<StoriesView>;
  /** Show story `id` (`null`: the built-in one) from now on. */
  openStory(id: string | null): Promise<void>;
  removeStory(id: string): Promise<void>;
  /** Import files or folders into a new story, which becomes the current one. */
  importFiles(paths: string[], columns: Partial<Record<Field, string>> | null, onProgress: (p: Progress) => void): Promise<ImportReport>;
  /** Stop the import under way; it writes nothing. */
  cancelImport(): Promise<void>;
  /** Hear the shell's events; what came before (launch arguments) arrives first. */
  listen(on: (e: ShellEvent) => void): Promise<void>;
  /** The system's open dialog; `null` when the reader closes it. */
  choose(folder: boolean): Promise<string[] | null>;
}

interface ChannelLike<T> { onmessage: (m: T) => void }
type OpenDialog = (o: { multiple: boolean; directory: boolean; title: string; filters?: { name: string; extensions: string[] }[] }) => Promise<string | string[] | null>;

/** The file kinds the import reads, for the dialog's filter (the content decides, not the name). */
export const IMPORT_EXTENSIONS = ["csv", "tsv", "txt", "geojson", "json", "md"];

export class TauriShell implements Shell {
  constructor(
    private readonly invoke: Invoke,
    private readonly channel: <T>() => ChannelLike<T>,
    private readonly openDialog: OpenDialog,
  ) {}

  private call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    return invokeCoded<T>(this.invoke, cmd, args);
  }

  stories() { return this.call<StoriesView>("stories"); }
  openStory(id: string | null) { return this.call<void>("open_story", { id }); }
  removeStory(id: string) { return this.call<void>("remove_story", { id }); }
  importFiles(paths: string[], columns: Partial<Record<Field, string>> | null, onProgress: (p: Progress) => void) {
    const ch = this.channel<Progress>();
    ch.onmessage = onProgress;
    return this.call<ImportReport>("import_files", { paths, columns, onProgress: ch });
  }
  cancelImport() { return this.call<void>("cancel_import"); }
  listen(on: (e: ShellEvent) => void) {
    const ch = this.channel<ShellEvent>();
    ch.onmessage = on;
    return this.call<void>("listen_shell", { onEvent: ch });
  }
  async choose(folder: boolean): Promise<string[] | null> {
    const picked = await this.openDialog({
      multiple: !folder,
      directory: folder,
      title: t(folder ? "dialog-open-folder" : "dialog-open-files"),
      filters: folder ? undefined : [{ name: t("dialog-filter-events"), extensions: IMPORT_EXTENSIONS }, { name: t("dialog-filter-all"), extensions: ["*"] }],
    });
    if (picked === null) return null;
    return Array.isArray(picked) ? picked : [picked];
  }
}

/** The shell, in the desktop app; `null` in the browser. */
export async function connectShell(transport: "tauri" | "http"): Promise<Shell | null> {
  if (transport !== "tauri") return null;
  const [{ invoke, Channel }, { open }] = await Promise.all([import("@tauri-apps/api/core"), import("@tauri-apps/plugin-dialog")]);
  return new TauriShell(invoke, () => new Channel(), open as OpenDialog);
}

/**
 * The languages the system asks for (the desktop app's `LANG` and its kin,
 * read by the shell), most wanted first; none in the browser, or if the
 * shell cannot say.
 */
export async function shellLanguages(transport: "tauri" | "http"): Promise<string[]> {
  if (transport !== "tauri") return [];
  try {
    const { invoke } = await import("@tauri-apps/api/core");
    return await invoke<string[]>("system_languages");
  } catch {
    return [];
  }
}
