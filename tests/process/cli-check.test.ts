import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** `npm run cradle -- check` as a person runs it: exit codes, text, JSON and errors naming the field. */
function cradle(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["src/cli/cradle.ts", ...args], { env: { PATH: process.env.PATH ?? "" } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const folder = mkdtempSync(path.join(tmpdir(), "cradle-cli-"));
function file(name: string, content: unknown): string {
  const target = path.join(folder, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

const ifsArgs = ["--framework", "alliance-iecmh-e", "--category", "ifs", "--as-of", "2025-10-01"];

describe("cradle check", () => {
  it("exits 0 and prints the report when every requirement is met", async () => {
    const result = await cradle("check", "examples/ifs-portfolio.json", ...ifsArgs);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Infant Family Specialist (IFS), alliance-iecmh-e 2024-01-01, as of 2025-10-01");
    expect(result.stdout).toContain("Overall: met (100%)");
  });

  it("exits 1 and says what is missing, in Spanish when asked", async () => {
    const result = await cradle("check", "examples/ifs-portfolio.json", ...ifsArgs.slice(0, 4), "--as-of", "2024-01-01", "--lang", "es");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Supervisión/consulta reflexiva recibida: faltan 24 horas (0 de 24).");
  });

  it("prints the report as JSON with --json", async () => {
    const result = await cradle("check", "examples/ifs-portfolio.json", ...ifsArgs, "--json");
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ category: { id: "ifs" }, asOf: "2025-10-01", status: "met" });
    expect(report.requirements.find((r: { id: string }) => r.id === "rsc-received").measures[0]).toMatchObject({ have: 24, need: 24, unit: "hours" });
  });

  it("writes every text of the JSON as a string in the language asked for, beside the codes", async () => {
    const result = await cradle("check", "examples/ifs-portfolio.json", ...ifsArgs.slice(0, 4), "--as-of", "2024-01-01", "--json", "--lang", "es");
    const report = JSON.parse(result.stdout);
    expect(report.category).toMatchObject({ id: "ifs", name: "Especialista Familiar de la Infancia" });
    const rsc = report.requirements.find((r: { id: string }) => r.id === "rsc-received");
    expect(rsc).toMatchObject({ label: "Supervisión/consulta reflexiva recibida", status: "unmet" });
    expect(rsc.measures[0]).toMatchObject({ label: "Supervisión/consulta reflexiva recibida", have: 0, need: 24, unit: "hours" });
    expect(rsc.missing).toBe("Supervisión/consulta reflexiva recibida: faltan 24 horas (0 de 24). Las horas deben repartirse en al menos 12 meses.");
    expect(rsc.excluded[0]).toEqual({ entryId: "r1", reason: "after-date", reasonText: "tiene fecha posterior a la fecha evaluada" });
  });

  it.each([
    [["check", "examples/ifs-portfolio.json", ...ifsArgs.slice(0, 2), "--category", "nope"], '--category: "nope" is not a category of alliance-iecmh-e'],
    [["check", "examples/ifs-portfolio.json", "--framework", "nope", "--category", "ifs"], '--framework: "nope" is not a framework'],
    [["check", "examples/ifs-portfolio.json", ...ifsArgs.slice(0, 4), "--as-of", "2025-02-30"], '--as-of: "2025-02-30" is not a date'],
    [["check", "missing.json", ...ifsArgs], "missing.json: no such file"],
    [["check", ...ifsArgs], "Give the portfolio file"],
    [["check", "examples/ifs-portfolio.json", ...ifsArgs, "--colour"], "Unknown option '--colour'"],
  ])("exits 2 on bad input: %j", async (args, message) => {
    const result = await cradle(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("names the field at fault in a bad portfolio", async () => {
    const bad = file("bad.json", { training: [{ id: "t1", title: "Course", date: "2024-13-01", clockHours: 3 }], work: [{ id: "t1", start: "2020-01-01" }] });
    const result = await cradle("check", bad, ...ifsArgs);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("training.0.date: must be a date written YYYY-MM-DD");
  });

  it("says which file is not valid JSON", async () => {
    const broken = file("broken.json", "{ not json");
    const result = await cradle("check", broken, ...ifsArgs);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${broken}: not valid JSON (`);
    expect(result.stdout).toBe("");
  });

  it("refuses an id used twice", async () => {
    const twice = file("twice.json", { training: [{ id: "x", title: "A", date: "2024-01-01", clockHours: 3 }], work: [{ id: "x", start: "2020-01-01" }] });
    const result = await cradle("check", twice, ...ifsArgs);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('training.0.id: the id "x" is used twice');
  });
});

describe("cradle frameworks", () => {
  it("lists the frameworks and their categories with ids", async () => {
    const result = await cradle("frameworks");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^alliance-iecmh-e /m);
    expect(result.stdout).toMatch(/^ {2}imhm-c +IMHM-C +Infant Mental Health Mentor - Clinical$/m);
    expect(result.stdout).toMatch(/^california-ifecmh /m);
    expect(result.stdout).toMatch(/^ {2}rpf-1 +RPF I +Reflective Practice Facilitator I$/m);
  });
});
