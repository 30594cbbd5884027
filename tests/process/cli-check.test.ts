import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toDay } from "../../src/domain/dates.ts";
import { isInForce } from "../../src/domain/evaluate.ts";
import { alliance, categoryOf } from "../unit/engine/fixtures.ts";
import { synthesize } from "../unit/engine/synthesize-portfolio.ts";

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

/** An IMHS portfolio meeting every requirement to apply on 2025-10-01, with the exam attempts given. */
const imhsAsOf = "2025-10-01";
function imhs(name: string, exams: unknown[]): string {
  const portfolio = synthesize(categoryOf(alliance, "imhs"), imhsAsOf, (requirement) => isInForce(requirement, toDay(imhsAsOf)));
  return file(name, { ...portfolio, exams });
}
const imhsArgs = ["--framework", "alliance-iecmh-e", "--category", "imhs", "--as-of", imhsAsOf];
const part1 = (score: number) => ({ id: "part-1-attempt", part: "part-1", date: "2025-05-01", score, outOf: 100 });
const part2 = (result: "pass" | "fail") => ({
  id: "part-2-attempt",
  part: "part-2",
  date: "2025-05-01",
  result,
  recordedBy: "Alliance exam reviewers",
  recordedOn: "2025-06-15",
});

describe("cradle check: the exam counts unless --stage application", () => {
  it.each([
    ["no exam", [], 1, "unmet"],
    ["Part 1 at 79%", [part1(79), part2("pass")], 1, "partly-met"],
    ["Part 1 at 80%, Part 2 failed", [part1(80), part2("fail")], 1, "partly-met"],
    ["Part 1 at 80%, Part 2 passed", [part1(80), part2("pass")], 0, "met"],
  ] as const)("%s: exit 0 only when the exam is passed; --stage application exits 0 either way", async (name, exams, code, exam) => {
    const portfolio = imhs(`imhs-${name.replaceAll(/\W+/g, "-")}.json`, [...exams]);
    const every = await cradle("check", portfolio, ...imhsArgs, "--json");
    expect(every.stderr).toBe("");
    expect(every.code).toBe(code);
    const report = JSON.parse(every.stdout);
    expect(report.stage).toBe("all");
    expect(report.requirements.find((r: { id: string }) => r.id === "exam")).toMatchObject({ stage: "after-review", status: exam });
    expect(report.status).toBe(code === 0 ? "met" : "partly-met");

    const toApply = await cradle("check", portfolio, ...imhsArgs, "--stage", "application", "--json");
    expect(toApply.code).toBe(0);
    expect(JSON.parse(toApply.stdout)).toMatchObject({ stage: "application", status: "met", progress: 1 });
  });

  it("says in the text which requirements the overall status counts, and what of the exam is missing, in English and Spanish", async () => {
    const portfolio = imhs("imhs-79.json", [part1(79), part2("pass")]);
    const every = await cradle("check", portfolio, ...imhsArgs);
    expect(every.code).toBe(1);
    expect(every.stdout).toContain("Counts every requirement, the exam included");
    expect(every.stdout).toContain("[~] Endorsement exam (after review): partly met");
    expect(every.stdout).toContain("Missing: Pass the exam: Part 1: 60 multiple-choice items.");
    expect(every.stdout).toContain("Not counted: part-1-attempt: below the pass mark, or recorded as not passed");
    const toApply = await cradle("check", portfolio, ...imhsArgs, "--stage", "application", "--lang", "es");
    expect(toApply.code).toBe(0);
    expect(toApply.stdout).toContain("Cuenta los requisitos para solicitar; el examen, que se rinde tras la revisión, se muestra pero no se cuenta.");
  });

  it("exits 2 on a stage it does not know, and on a recorded result without who recorded it", async () => {
    const stage = await cradle("check", "examples/ifs-portfolio.json", ...ifsArgs, "--stage", "exam");
    expect(stage).toMatchObject({ code: 2, stderr: expect.stringContaining('--stage: "exam" must be application or all.') });
    const unsigned = imhs("imhs-unsigned.json", [{ id: "p2", part: "part-2", date: "2025-05-01", result: "pass" }]);
    const result = await cradle("check", unsigned, ...imhsArgs);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining("exams.0.recordedBy: a recorded result needs recordedBy and recordedOn") });
  });
});

describe("cradle renew", () => {
  // IFS: 15 hours a period (1 on DEI); ethics signed and membership current in the example.
  const renewArgs = ["--framework", "alliance-iecmh-e", "--category", "ifs", "--earned", "2020-01-01"];
  const renewal = file("ifs-renewal.json", {
    ...JSON.parse(readFileSync("examples/ifs-portfolio.json", "utf8")),
    training: [
      { id: "dei-2025", title: "Equity in home visiting", date: "2025-03-01", clockHours: 1, topics: ["dei"] },
      { id: "other-2025", title: "Attachment", date: "2025-04-01", clockHours: 14 },
    ],
  });

  it("exits 0 when every renewal requirement is met, naming the period", async () => {
    const result = await cradle("renew", renewal, ...renewArgs, "--period-end", "2025-10-01");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Infant Family Specialist (IFS), alliance-iecmh-e 2024-01-01, as of 2025-10-01");
    expect(result.stdout).toContain("Overall: met (100%)");
    expect(result.stdout).toContain("Renewal period 2024-10-02 to 2025-10-01");
    expect(result.stdout).toContain("[x] Training this period: met");
  });

  it("exits 1 and says what is missing, in Spanish when asked", async () => {
    const result = await cradle("renew", renewal, ...renewArgs, "--period-end", "2026-10-01", "--lang", "es");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Periodo de renovación del 2025-10-02 al 2026-10-01");
    expect(result.stdout).toContain("Sobre diversidad, equidad e inclusión: falta 1 hora (0 de 1).");
  });

  it("prints the report as check --json does, with the period beside it", async () => {
    const met = JSON.parse((await cradle("renew", renewal, ...renewArgs, "--period-end", "2025-10-01", "--json")).stdout);
    expect(met).toMatchObject({
      renewal: { earned: "2020-01-01", periodStart: "2024-10-02", periodEnd: "2025-10-01", isExempt: false },
      framework: { id: "alliance-iecmh-e" },
      category: { id: "ifs", name: "Infant Family Specialist", abbreviation: "IFS" },
      asOf: "2025-10-01",
      status: "met",
      progress: 1,
    });
    expect(met.requirements.map((r: { id: string }) => r.id)).toContain("renewal-training");
    const unmet = JSON.parse((await cradle("renew", renewal, ...renewArgs, "--period-end", "2026-10-01", "--json", "--lang", "es")).stdout);
    const training = unmet.requirements.find((r: { id: string }) => r.id === "renewal-training");
    expect(training).toMatchObject({ label: "Capacitación en este periodo", status: "unmet" });
    expect(training.excluded).toContainEqual({ entryId: "dei-2025", reason: "outside-window", reasonText: "demasiado antiguo: fuera del periodo que cuenta" });
  });

  it("the first period after earning needs no training hours, and says so", async () => {
    const result = await cradle("renew", renewal, ...renewArgs.slice(0, 4), "--earned", "2025-01-01", "--period-end", "2025-10-01");
    expect(result.stdout).toContain("The first period after earning the endorsement: no training hours needed.");
    expect(result.stdout).not.toContain("Training this period");
  });

  it.each([
    [["renew", renewal, ...renewArgs], "--period-end: give a date written YYYY-MM-DD."],
    [["renew", renewal, ...renewArgs, "--period-end", "2025-02-30"], '--period-end: "2025-02-30" is not a date'],
    [["renew", renewal, ...renewArgs.slice(0, 4), "--period-end", "2025-10-01"], "--earned: give a date"],
    [["renew", renewal, ...renewArgs.slice(0, 4), "--earned", "2026-01-01", "--period-end", "2025-10-01"], "--earned: 2026-01-01 is after --period-end"],
    [["renew", renewal, "--framework", "alliance-iecmh-e", "--category", "nope", "--earned", "2020-01-01", "--period-end", "2025-10-01"], '--category: "nope"'],
    [["renew", "missing.json", ...renewArgs, "--period-end", "2025-10-01"], "missing.json: no such file"],
    [["renew", renewal, ...renewArgs, "--period-end", "2025-10-01", "--as-of", "2025-10-01"], "Unknown option '--as-of'"],
  ])("exits 2 on bad input: %j", async (args, message) => {
    const result = await cradle(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
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
