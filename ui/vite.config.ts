import { defineConfig } from "vitest/config";

// The same build serves the desktop app (tauri://) and the HTTP mode, so
// asset URLs are relative and nothing is loaded from outside the bundle.
export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    target: "es2022",
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
