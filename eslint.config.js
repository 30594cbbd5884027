import checkFile from "eslint-plugin-check-file";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", ".react-router/", "node_modules/", "data/", "coverage/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX, "check-file": checkFile, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react-hooks/rules-of-hooks": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/domain",
              from: "./",
              except: ["./src/domain", "./node_modules"],
              message: "The domain is pure: it imports nothing of ours but the domain (no database, HTTP or environment).",
            },
            {
              target: "./app",
              from: "./src/data/database.ts",
              message: "Routes reach the database through commands and query modules, never by opening it.",
            },
            {
              target: "./src",
              from: "./app",
              message: "The core must not depend on the web layer; the CLI, jobs and tests use it without HTTP.",
            },
            {
              target: "./src/commands",
              from: "./src/server",
              message: "Commands take an actor and a database, never the HTTP server or its request.",
            },
          ],
        },
      ],
      "check-file/filename-naming-convention": ["error", { "**/*.{ts,tsx}": "KEBAB_CASE" }, { ignoreMiddleExtensions: true }],
      "check-file/folder-naming-convention": ["error", { "{app,src,tests,bench}/**/": "KEBAB_CASE" }],
    },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } }, "import-x/ignore": ["node_modules"] },
  },
  {
    files: ["src/data/migrations/*.ts"],
    rules: { "check-file/filename-naming-convention": "off" },
  },
);
