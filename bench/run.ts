import { loadFrameworks } from "../src/frameworks/load-frameworks.ts";
import { benchEngine } from "./engine.ts";
import { runHttpCommand } from "./http/main.ts";

/**
 * `npm run bench`: ratios measured side by side in one run (see docs/benchmarks.md).
 * `npm run bench -- --portfolios 10000` for a quicker run; `npm run bench -- http` for the pages (bench/http/main.ts).
 */
if (process.argv[2] === "http") await runHttpCommand(process.argv.slice(3));
else benchEngineCommand();

function benchEngineCommand() {
  const flag = process.argv.indexOf("--portfolios");
  const count = flag > 0 ? Number(process.argv[flag + 1]) : 100_000;

  const result = benchEngine(loadFrameworks(), count);
  const enginePerSecond = result.portfolios / result.engineSeconds;
  const floorPerSecond = result.portfolios / result.floorSeconds;
  console.log(
    `Eligibility engine: ${result.portfolios} portfolios (~${Math.round(result.entries)} entries) x ${result.categories} categories, best of 3 rounds`,
  );
  console.log(
    `  engine: ${Math.round(enginePerSecond)} portfolios/s (${((result.engineSeconds / result.portfolios / result.categories) * 1e6).toFixed(1)} us per category)`,
  );
  console.log(
    `  summary path: ${Math.round(result.portfolios / result.summarySeconds)} portfolios/s (${((result.summarySeconds / result.portfolios / result.categories) * 1e6).toFixed(2)} us per category)`,
  );
  console.log(`  compiling a portfolio for it: ${Math.round(result.portfolios / result.compileSeconds)} portfolios/s`);
  console.log(`  floor (sum the hours only): ${Math.round(floorPerSecond)} portfolios/s`);
  console.log(`  ratio full report/floor time: ${(result.engineSeconds / result.floorSeconds).toFixed(1)}x`);
  console.log(`  ratio summary/floor time: ${(result.summarySeconds / result.floorSeconds).toFixed(1)}x (on compiled portfolios)`);
  console.log(`  ratio compile/floor time: ${(result.compileSeconds / result.floorSeconds).toFixed(1)}x (once per portfolio version)`);
}
