import { defineConfig } from "vitest/config";

// Three Vitest projects. unit needs nothing running; rules and integration expect the
// emulators that `npm test` starts through `firebase emulators:exec` (see scripts/test.mjs).
// Their timeouts are upper bounds for a busy machine (another emulator set running beside this
// one), not waits: tests wait on states (eventually() in test/support/emulators.ts).
export default defineConfig({
  test: {
    projects: [
      // Property tests run hundreds of cases; on a machine busy with a second emulator set the
      // default 5 s is not enough, and a timeout here says nothing about behaviour.
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 30_000 } },
      {
        test: {
          name: "rules",
          include: ["test/rules/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
