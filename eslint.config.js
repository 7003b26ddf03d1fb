// Flat config: typescript-eslint's recommended rules everywhere, plus the one architectural
// rule the project lives by: functions/src/domain is pure (no Firebase, no Node built-ins),
// because the web app imports it too and its decisions must be testable without emulators.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "functions/lib/**", "web/dist/**", ".cache/**", ".data/**", "test-results/**", "artifacts/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["functions/src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["firebase", "firebase/*", "firebase-admin", "firebase-admin/*", "firebase-functions", "firebase-functions/*", "@google-cloud/*", "@firebase/*"],
              message: "functions/src/domain 必须保持纯净：不得引入 Firebase（决策代码由前端和函数共用）。",
            },
            {
              group: ["node:*", "fs", "path", "crypto", "os", "child_process"],
              message: "functions/src/domain 也在浏览器中运行：不得引入 Node 内置模块。",
            },
          ],
        },
      ],
    },
  },
);
