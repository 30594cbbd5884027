import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshDatabaseTemplate } from "../src/data/pglite-template.ts";

/**
 * `node bench/start-up.ts [--runs 5]`: how long the built server (`node server.ts`, production mode)
 * takes from its start to the first answer of `/`, on the embedded database: a new data folder with
 * and without this machine's template of a fresh database (src/data/pglite-template.ts), and an
 * existing folder. Wall time, and the CPU time of the server process (every thread: PGlite's
 * WebAssembly is compiled in the background), median of the runs. Needs `npm run build` first.
 */
const flag = process.argv.indexOf("--runs");
const runs = flag > 0 ? Number(process.argv[flag + 1]) : 5;
const ticksPerSecond = 100;

type Measure = { wallMs: number; cpuMs: number };

async function startOnce(dataDir: string): Promise<Measure> {
  const began = performance.now();
  const child = spawn(process.execPath, ["server.ts"], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = once(child, "exit");
  try {
    let output = "";
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"port":(\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`the server exited before listening:\n${output}`)));
    });
    const answer = await fetch(`http://localhost:${port}/`);
    await answer.text();
    if (answer.status !== 200) throw new Error(`/ answered ${answer.status}`);
    const wallMs = performance.now() - began;
    // /proc/PID/stat fields 14 and 15: user and system time of every thread, in clock ticks.
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return { wallMs, cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond };
  } finally {
    // Stopped as an operator would: the folder is closed cleanly and its lock released, ready to copy.
    child.kill("SIGTERM");
    const stuck = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(stuck);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function scenario(name: string, prepare: () => string, cleanUp: () => void = () => undefined) {
  const measures: Measure[] = [];
  for (let run = 0; run < runs; run++) {
    const dataDir = prepare();
    try {
      measures.push(await startOnce(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      cleanUp();
    }
  }
  const wall = measures.map((measure) => measure.wallMs);
  const cpu = measures.map((measure) => measure.cpuMs);
  console.log(
    `${name.padEnd(52)} wall ${(median(wall) / 1000).toFixed(2)} s (${(Math.min(...wall) / 1000).toFixed(2)}-${(Math.max(...wall) / 1000).toFixed(2)}), ` +
      `CPU ${(median(cpu) / 1000).toFixed(2)} s (${(Math.min(...cpu) / 1000).toFixed(2)}-${(Math.max(...cpu) / 1000).toFixed(2)})`,
  );
}

const newFolder = () => mkdtempSync(path.join(tmpdir(), "cradle-start-up-"));
// Each "first" run makes the template anew; the one this machine had is put back afterwards.
const keptTemplate = `${freshDatabaseTemplate}.kept`;
if (existsSync(freshDatabaseTemplate)) renameSync(freshDatabaseTemplate, keptTemplate);
try {
  console.log(`Start-up to the first answer of /, median of ${runs} runs (min-max), ${new Date().toISOString().slice(0, 10)}`);
  await scenario("new data folder, the first on this machine (initdb)", newFolder, () => rmSync(freshDatabaseTemplate, { force: true }));
  const first = newFolder();
  await startOnce(first);
  rmSync(first, { recursive: true, force: true });
  await scenario("new data folder, from this machine's template", newFolder);
  const migrated = newFolder();
  await startOnce(migrated);
  await scenario("existing data folder", () => {
    const copy = newFolder();
    cpSync(migrated, copy, { recursive: true });
    return copy;
  });
  rmSync(migrated, { recursive: true, force: true });
} finally {
  if (existsSync(keptTemplate)) renameSync(keptTemplate, freshDatabaseTemplate);
}
