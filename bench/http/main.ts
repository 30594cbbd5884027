import { stopChildrenOnInterrupt } from "./child-processes.ts";
import { parseHttpOptions } from "./options.ts";
import { reportTables } from "./report-table.ts";
import { runHttpBench } from "./run-http.ts";

/** `npm run bench -- http [options]`: needs `npm run build` first (it measures the built server). */
export async function runHttpCommand(args: string[]): Promise<void> {
  const options = parseHttpOptions(args);
  stopChildrenOnInterrupt();
  const started = performance.now();
  const result = await runHttpBench(options, (line) => console.log(`  ${line}`));
  console.log(`\nHTTP benchmark (${new Date().toISOString().slice(0, 10)}, ${Math.round((performance.now() - started) / 1000)} s)\n`);
  console.log(reportTables(result, options));
}
