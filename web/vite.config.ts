import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

// Three separate entries so the unit portal stays light: a unit member never downloads the
// admin page's code. Hosting rewrites /portal/** and /admin/** to their HTML files.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@domain": resolve(__dirname, "../functions/src/domain") },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The manifest lets the benchmark sum what each entry loads before any click.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(__dirname, "index.html"),
        portal: resolve(__dirname, "portal.html"),
        admin: resolve(__dirname, "admin.html"),
      },
      output: {
        // What the sign-in page needs (React, Firebase Auth) in chunks of its own, so libraries
        // only the signed-in pages use (Firestore, zod, tables, tabs) are not pulled into the
        // first load through a shared chunk (first-load figure in docs/benchmarks.md).
        advancedChunks: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: "firebase-auth", test: /node_modules[\\/](@firebase[\\/](app|auth|util|logger|component)|firebase[\\/](app|auth)|idb)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
