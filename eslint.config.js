import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import checkFile from "eslint-plugin-check-file";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const coreZones = [
  {
    target: "./src/domain",
    from: "./",
    except: ["./src/domain", "./node_modules"],
    message: "The domain is pure: it imports nothing of ours but the domain (no database, HTTP or environment).",
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
];

const appNeverReadsData = {
  target: "./app",
  from: "./src/data",
  message: "Routes reach the database through commands and query modules (src/queries), never through src/data.",
};

const appNeverUsesKysely = {
  name: "kysely",
  message: "The web layer builds no SQL: put the query in src/queries or a command.",
};

// The CSP allows every inline script of a rendered page by its hash (decision 021): markup written
// raw into a page could carry a script the policy would then allow. React escapes everything else.
const pageWritesNoRawHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: "No raw HTML in pages: the CSP trusts every inline script a page renders (decision 021).",
};

export default tseslint.config(
  { ignores: ["build/", ".react-router/", "node_modules/", "data/", "coverage/"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // This config file is the only JavaScript, and tsconfig.json does not include it.
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX, "check-file": checkFile, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react-hooks/rules-of-hooks": "error",
      // React Router's way to end a loader or action early is to throw its redirect() Response or data().
      "@typescript-eslint/only-throw-error": [
        "error",
        {
          allow: [
            { from: "lib", name: "Response" },
            { from: "package", package: "react-router", name: "DataWithResponseInit" },
          ],
        },
      ],
      // A file posted in a text field stringifies to "[object File]", which the form's checks treat like any
      // other text a client can send; the other names are the rule's defaults.
      "@typescript-eslint/no-base-to-string": ["error", { ignoredTypeNames: ["Error", "RegExp", "URL", "URLSearchParams", "File"] }],
      // Off: `async` is how we meet interfaces that want a Promise (Kysely's migration provider, stream
      // sources' read); an async function without await is not a bug here, and rewriting them adds nothing.
      "@typescript-eslint/require-await": "off",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: [...coreZones, appNeverReadsData] }],
      "check-file/filename-naming-convention": ["error", { "**/*.{ts,tsx}": "KEBAB_CASE" }, { ignoreMiddleExtensions: true }],
      "check-file/folder-naming-convention": ["error", { "{app,src,tests,bench}/**/": "KEBAB_CASE" }],
    },
    settings: {
      // import-x parses only files with these extensions; without .ts it skipped every module and no-cycle saw no edges.
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      "import-x/ignore": ["node_modules"],
    },
  },
  {
    // Tests read JSON bodies as `any` and pin their shape with expect(); typing each parse adds nothing the assertion does not check.
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [appNeverUsesKysely], patterns: [{ group: ["kysely/*"], message: appNeverUsesKysely.message }] }],
      "no-restricted-syntax": ["error", pageWritesNoRawHtml],
    },
  },
  {
    files: ["src/data/migrations/*.ts"],
    rules: { "check-file/filename-naming-convention": "off" },
  },
);
