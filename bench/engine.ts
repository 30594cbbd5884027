import { evaluate } from "../src/domain/evaluate.ts";
import type { Framework } from "../src/domain/framework-schema.ts";
import type { Portfolio } from "../src/domain/portfolio-schema.ts";
import { preparePortfolio } from "../src/domain/prepare-portfolio.ts";
import { type CompiledPortfolio, compilePortfolio } from "../src/domain/summary/compile-portfolio.ts";
import { summarizeFramework } from "../src/domain/summary/summarize.ts";
import { generatePortfolio } from "./generate-portfolios.ts";

export type EngineBenchResult = {
  portfolios: number;
  categories: number;
  entries: number;
  engineSeconds: number;
  summarySeconds: number;
  compileSeconds: number;
  floorSeconds: number;
};

/**
 * The floor: for each portfolio and category, a loop that only adds up the hours of its training
 * and RS/C entries, what any eligibility check must at least read.
 */
function floorPass(portfolios: Portfolio[], count: number, categories: number): number {
  let total = 0;
  for (let index = 0; index < count; index++) {
    const portfolio = portfolios[index % portfolios.length]!;
    for (let category = 0; category < categories; category++) {
      for (const entry of portfolio.training) total += entry.clockHours ?? entry.academicCourseHours ?? 0;
      for (const entry of portfolio.reflectiveSupervision) total += entry.hours;
    }
  }
  return total;
}

function enginePass(frameworks: Framework[], portfolios: Portfolio[], count: number): number {
  let met = 0;
  for (let index = 0; index < count; index++) {
    const prepared = preparePortfolio(portfolios[index % portfolios.length]!);
    for (const framework of frameworks) {
      for (const category of framework.categories) {
        if (evaluate(framework, category, prepared, "2025-06-30").status === "met") met++;
      }
    }
  }
  return met;
}

/** The summary path on compiled portfolios: every category of every framework summarised (status, progress, what is left). */
function summaryPass(frameworks: Framework[], compiled: CompiledPortfolio[], count: number): number {
  let met = 0;
  for (let index = 0; index < count; index++) {
    const portfolio = compiled[index % compiled.length]!;
    for (const framework of frameworks) {
      for (const summary of summarizeFramework(framework, portfolio, "2025-06-30")) if (summary.status === "met") met++;
    }
  }
  return met;
}

/** Compiling portfolios for the summary path, once per portfolio version (what a cache keeps). */
function compilePass(portfolios: Portfolio[], count: number): number {
  let sessions = 0;
  for (let index = 0; index < count; index++) sessions += compilePortfolio(portfolios[index % portfolios.length]!).received.count;
  return sessions;
}

/** Measures the engine and the floor alternately in one run, so both see the same machine state. */
export function benchEngine(frameworks: Framework[], count: number, rounds = 3): EngineBenchResult {
  const distinct = Math.min(count, 2000);
  const portfolios = Array.from({ length: distinct }, (_, index) => generatePortfolio(index + 1));
  const categories = frameworks.reduce((sum, framework) => sum + framework.categories.length, 0);
  const entries =
    portfolios.reduce(
      (sum, p) =>
        sum +
        p.training.length +
        p.reflectiveSupervision.length +
        p.work.length +
        p.references.length +
        p.education.length +
        p.documents.length +
        p.reading.length +
        p.video.length +
        p.observations.length,
      0,
    ) / distinct;
  enginePass(frameworks, portfolios, Math.min(count, 500));
  const compiled = portfolios.map(compilePortfolio);
  summaryPass(frameworks, compiled, Math.min(count, 2000));
  compilePass(portfolios, Math.min(count, 2000));
  floorPass(portfolios, Math.min(count, 2000), categories);
  let engineSeconds = Number.POSITIVE_INFINITY;
  let summarySeconds = Number.POSITIVE_INFINITY;
  let compileSeconds = Number.POSITIVE_INFINITY;
  let floorSeconds = Number.POSITIVE_INFINITY;
  const perRound = Math.ceil(count / rounds);
  for (let round = 0; round < rounds; round++) {
    let start = process.hrtime.bigint();
    enginePass(frameworks, portfolios, perRound);
    engineSeconds = Math.min(engineSeconds, Number(process.hrtime.bigint() - start) / 1e9);
    start = process.hrtime.bigint();
    summaryPass(frameworks, compiled, perRound);
    summarySeconds = Math.min(summarySeconds, Number(process.hrtime.bigint() - start) / 1e9);
    start = process.hrtime.bigint();
    compilePass(portfolios, perRound);
    compileSeconds = Math.min(compileSeconds, Number(process.hrtime.bigint() - start) / 1e9);
    start = process.hrtime.bigint();
    floorPass(portfolios, perRound, categories);
    floorSeconds = Math.min(floorSeconds, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { portfolios: perRound, categories, entries, engineSeconds, summarySeconds, compileSeconds, floorSeconds };
}
