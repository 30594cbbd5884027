import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Probes for the layer rules of eslint.config.js: each case lints a small file placed inside the
 * tree and asserts that the rule fires (or, for the controls, that it does not).
 */
const root = path.resolve(import.meta.dirname, "../..");
// The layer rules need no type information; without it a probe lints in a second instead of building the whole program.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe("import-x/no-cycle", () => {
  const folder = path.join(root, "src", `lint-probe-cycle-${process.pid}`);
  beforeAll(() => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "first.ts"), 'import { second } from "./second.ts";\nexport const first = () => second();\n');
    writeFileSync(path.join(folder, "second.ts"), 'import { first } from "./first.ts";\nexport const second = () => first();\n');
    writeFileSync(path.join(folder, "leaf.ts"), "export const leaf = 1;\n");
    writeFileSync(path.join(folder, "uses-leaf.ts"), 'import { leaf } from "./leaf.ts";\nexport const usesLeaf = leaf;\n');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("reports both files of a two-file cycle", async () => {
    const results = await eslint.lintFiles([path.join(folder, "first.ts"), path.join(folder, "second.ts")]);
    for (const result of results) {
      expect(result.messages.map((message) => message.ruleId)).toContain("import-x/no-cycle");
    }
    expect(results).toHaveLength(2);
  });

  it("stays quiet on a one-way import", async () => {
    const [result] = await eslint.lintFiles([path.join(folder, "uses-leaf.ts")]);
    expect(result?.messages).toEqual([]);
  });
});

describe("the web layer never reads src/data or builds SQL", () => {
  // Not in the temporary exception list of eslint.config.js, so the full rule applies.
  const probe = "app/routes/lint-probe-route.tsx";

  it("the probe file gets the whole app-to-data zone, not the temporary exception", async () => {
    const config = (await eslint.calculateConfigForFile(path.join(root, probe))) as { rules: Record<string, unknown> };
    expect(JSON.stringify(config.rules["import-x/no-restricted-paths"])).toContain('"from":"./src/data"');
  });

  it.each([
    ["a value import of a table module", 'import { findUserByEmail } from "../../src/data/users.ts";\nexport const x = findUserByEmail;\n'],
    ["a type-only import", 'import type { Locale } from "../../src/data/schema.ts";\nexport const x: Locale = "en";\n'],
    ["opening the database", 'import { openDatabase } from "../../src/data/database.ts";\nexport const x = openDatabase;\n'],
  ])("reports %s", async (_name, code) => {
    expect(await ruleIdsFor(probe, code)).toEqual(["import-x/no-restricted-paths"]);
  });

  it.each([
    ["kysely", 'import { sql } from "kysely";\nexport const x = sql;\n'],
    ["a kysely subpath", 'import { Migrator } from "kysely/migration";\nexport const x = Migrator;\n'],
  ])("reports an import of %s", async (_name, code) => {
    expect(await ruleIdsFor(probe, code)).toEqual(["no-restricted-imports"]);
  });

  it("allows the core's other floors (here a policy)", async () => {
    const code = 'import { accountPolicy } from "../../src/policies/account.ts";\nexport const x = accountPolicy;\n';
    expect(await ruleIdsFor(probe, code)).toEqual([]);
  });
});

describe("the domain is pure", () => {
  it("reports src/domain importing src/data", async () => {
    const code = 'import type { Locale } from "../data/schema.ts";\nexport const x: Locale = "en";\n';
    expect(await ruleIdsFor("src/domain/lint-probe-rule.ts", code)).toEqual(["import-x/no-restricted-paths"]);
  });

  it("allows the domain to import itself and zod", async () => {
    const code = 'import { z } from "zod";\nimport { type Day } from "./day.ts";\nexport const x = z.string();\nexport type D = Day;\n';
    expect(await ruleIdsFor("src/domain/lint-probe-rule.ts", code)).toEqual([]);
  });
});

describe("no raw HTML in pages", () => {
  it("refuses dangerouslySetInnerHTML in the web layer, and allows ordinary props", async () => {
    const raw = "export const Page = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n";
    expect(await ruleIdsFor("app/routes/lint-probe-raw-html.tsx", raw)).toContain("no-restricted-syntax");
    const plain = "export const Page = ({ text }: { text: string }) => <div title={text}>{text}</div>;\n";
    expect(await ruleIdsFor("app/routes/lint-probe-plain.tsx", plain)).not.toContain("no-restricted-syntax");
  });
});
