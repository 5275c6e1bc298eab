// Start `faultlines serve` on a free loopback port and wait for its URL.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");

export function faultlinesBinary() {
  return process.env.FAULTLINES_BIN ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "debug", "faultlines");
}

/** Returns { url, stop }. Extra args go before `serve` (e.g. ["--data", dir]); `ui` is the folder served. */
export async function startServer(extra = [], ui = path.join(root, "ui", "dist")) {
  const child = spawn(faultlinesBinary(), [...extra, "serve", "--port", "0", "--ui", ui], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return { url, stop: () => child.kill() };
}
