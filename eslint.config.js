// Flat config: typescript-eslint's recommended rules everywhere, plus the layer fence the project
// lives by (docs/architecture.md): adapters (api/, triggers/, jobs/) → usecases/ → store/, files/,
// domain/; store/ → domain/ only; domain/ is pure (no Firebase, no Node built-ins) because the
// web app imports it too; the web reaches functions only over the wire.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";


const layer = (files, forbidden, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message }] }] },
});

const webFence = [
  {
    group: ["**/functions/**", "@domain/..", "@domain/../**", "firebase-admin", "firebase-admin/*", "firebase-functions", "firebase-functions/*"],
    message: "网页只能经 @domain 引入 functions/src/domain（纯决策代码与词库），函数只经网络调用。",
  },
  { group: ["**/data/db", "**/data/functions"], message: "Firestore 与 Functions 客户端只在数据层（web/src/data/）中使用：读取用 collections.ts，调用用 callables.ts。" },
];
const webDataOnly = [
  {
    name: "firebase/firestore",
    importNames: ["collection", "collectionGroup", "getFirestore", "setDoc", "updateDoc", "addDoc", "deleteDoc", "writeBatch", "runTransaction"],
    message: "路径与写入只在数据层：读取从 web/src/data/collections.ts 的类型化集合开始，写入用 web/src/data/writes.ts。",
  },
  { name: "firebase/functions", message: "可调用函数经 web/src/data/callables.ts 的类型化 call() 调用。" },
];

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
  layer(["functions/src/store/**/*.ts"], ["**/api/*", "**/usecases/*", "**/triggers/*", "**/jobs/*", "**/files/*"], "store/ 只能依赖 domain/：它不知道谁在调用它（分层见 docs/architecture.md）。"),
  layer(["functions/src/files/**/*.ts"], ["**/api/*", "**/usecases/*", "**/triggers/*", "**/jobs/*", "**/store/*"], "files/ 只能依赖 domain/：文件存储不知道谁在调用它。"),
  layer(["functions/src/api/**/*.ts", "functions/src/triggers/**/*.ts", "functions/src/jobs/**/*.ts"], ["**/store/*"], "适配层（api/、triggers/、jobs/）只经用例（usecases/）访问 store/。"),
  layer(["functions/src/usecases/**/*.ts"], ["**/api/*", "**/triggers/*", "**/jobs/*"], "usecases/ 不能依赖适配层（api/、triggers/、jobs/）。"),
  // The web: the domain only through @domain, the functions only over the wire, and Firestore
  // paths, writes and callables only in its own data layer (web/src/data/).
  {
    files: ["web/src/**/*.{ts,tsx}"],
    ignores: ["web/src/data/**"],
    rules: { "no-restricted-imports": ["error", { paths: webDataOnly, patterns: webFence }] },
  },
  {
    files: ["web/src/data/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: webFence }] },
  },
  // One home per decision (issue 17): a function that no longer fits on a screen is doing more
  // than one thing, so the shipped code (not tests, not the demo generation under scripts/)
  // splits it into named hooks and parts instead.
  {
    files: ["functions/src/**/*.ts", "web/src/**/*.{ts,tsx}"],
    ignores: ["**/*.test.*", "**/*.spec.*"],
    rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }] },
  },
);
