/// <reference types="vitest/config" />
// Vite builds ui/dist (Tauri's frontendDist) and serves the dev UI on a fixed port for `tauri dev`.
import { defineConfig } from "vite";

export default defineConfig({
  clearScreen: false,
  server: { port: 1420, strictPort: true, host: "127.0.0.1" },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    target: "es2021",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // CodeMirror with its Markdown/HTML languages is most of the bundle; it loads from disk.
    chunkSizeWarningLimit: 900,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
    // End-to-end UI tests over the mocked shell run several seconds on a busy 2-core machine.
    testTimeout: 20000,
  },
});
