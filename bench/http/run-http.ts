import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodedText, captureAnswer } from "./capture.ts";
import { stopAllChildren, stopChild } from "./child-processes.ts";
import { type CradleServer, type StartUp, startCradleServer, untilIdle } from "./cradle-server.ts";
import { type Figures, figuresOf } from "./figures.ts";
import type { CapturedAnswer } from "./floor-server.ts";
import { type JavascriptBytes, javascriptOfPage } from "./javascript-bytes.ts";
import { type LoadGenerator, startFloorServer, startLoadGenerator } from "./load.ts";
import type { LoadResult } from "./load-generator.ts";
import { type BenchPage, benchPages, browserHeaders, type Visitor } from "./pages.ts";
import { firstApplicationId, firstCredentialNumber, logIn } from "./sessions.ts";
import { benchCast, type Volume } from "./cast.ts";
import { type Driver, prepareVolume } from "./volume.ts";

export type HttpBenchOptions = {
  drivers: Driver[];
  volume: Volume;
  connections: number;
  roundMs: number;
  rounds: number;
  warmUpMs: number;
  requestTimeoutMs: number;
  startTimeoutMs: number;
  cacheDir: string;
  postgresUrl: string;
  /** Off only where a test needs the start-up figure of no fresh folder. */
  measuresFreshStartUp: boolean;
};

export type PageResult = {
  page: BenchPage;
  captured: { status: number; bytes: number; showsExpected: boolean };
  javascript: JavascriptBytes;
  cradle: Figures;
  floor: Figures;
};
export type DriverResult = { driver: Driver; startOnVolume: StartUp; pages: PageResult[] };
export type HttpBenchResult = { freshStartUp: StartUp | undefined; drivers: DriverResult[] };

/**
 * `npm run bench -- http`: start-up on a fresh data folder, then for each database the pages of
 * bench/http/pages.ts measured against the floor (their captured bytes from memory), Cradle and
 * floor alternating round by round. Every process it starts is stopped on every way out.
 */
export async function runHttpBench(options: HttpBenchOptions, log: (line: string) => void = console.log): Promise<HttpBenchResult> {
  try {
    const freshStartUp = options.measuresFreshStartUp ? await measureFreshStartUp(options.startTimeoutMs) : undefined;
    if (freshStartUp) log(`start-up on a fresh PGlite data folder: ${Math.round(freshStartUp.wallMs)} ms wall, ${freshStartUp.cpuMs ?? "?"} ms CPU`);
    const load = startLoadGenerator();
    const drivers: DriverResult[] = [];
    for (const driver of options.drivers) drivers.push(await benchDriver(driver, load, options, log));
    return { freshStartUp, drivers };
  } finally {
    await stopAllChildren();
  }
}

async function measureFreshStartUp(startTimeoutMs: number): Promise<StartUp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cradle-bench-fresh-"));
  try {
    const server = await startCradleServer({ DATA_DIR: dataDir }, startTimeoutMs);
    await stopChild(server.child);
    return server.startUp;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchDriver(driver: Driver, load: LoadGenerator, options: HttpBenchOptions, log: (line: string) => void): Promise<DriverResult> {
  const generating = performance.now();
  const env = await prepareVolume(driver, options.volume, options, log);
  log(`${driver}: database with ${options.volume.applicants} applicants and ${options.volume.applications} applications ready in ${seconds(generating)} s`);
  const server = await startCradleServer(env, options.startTimeoutMs);
  try {
    log(`${driver}: server answered in ${Math.round(server.startUp.wallMs)} ms`);
    const cookies = await sessionCookies(server);
    const pages = benchPages(await firstApplicationId(server.url, cookies.applicant), await firstCredentialNumber(server.url, cookies.applicant));
    const headersOf = (page: BenchPage) => (cookies[page.as] ? { ...browserHeaders, cookie: cookies[page.as] } : browserHeaders);
    const answers: CapturedAnswer[] = [];
    for (const page of pages) answers.push(await captureAnswer(server.port, page.path, headersOf(page), options.requestTimeoutMs));
    const floor = await startFloorServer(answers);
    const measure = async (port: number, page: BenchPage, durationMs: number) => {
      const result = await load.run({
        port,
        path: page.path,
        headers: headersOf(page),
        connections: options.connections,
        durationMs,
        timeoutMs: options.requestTimeoutMs,
      });
      // Every request ended inside the round unless some timed out or broke: only those may still be rendering.
      if (port === server.port && result.timeouts + result.errors > 0) await untilIdle(server.url, options.requestTimeoutMs);
      return result;
    };
    const rounds = await alternateRounds(pages, { cradle: server.port, floor: floor.port }, measure, options, (line) => log(`${driver}: ${line}`));
    await stopChild(floor.child);
    return {
      driver,
      startOnVolume: server.startUp,
      pages: pages.map((page, index) => {
        const answer = answers[index]!;
        const html = decodedText(answer);
        return {
          page,
          captured: { status: answer.status, bytes: answer.body.length, showsExpected: html.includes(page.shows) },
          javascript: javascriptOfPage(html),
          cradle: figuresOf(rounds[index]!.cradle),
          floor: figuresOf(rounds[index]!.floor),
        };
      }),
    };
  } finally {
    await stopChild(server.child);
  }
}

type Measure = (port: number, page: BenchPage, durationMs: number) => Promise<LoadResult>;

/** A warm-up of each page on both servers, then the rounds: each page on both, who goes first alternating. */
async function alternateRounds(
  pages: BenchPage[],
  ports: { cradle: number; floor: number },
  measure: Measure,
  options: HttpBenchOptions,
  log: (line: string) => void,
): Promise<Array<{ cradle: LoadResult[]; floor: LoadResult[] }>> {
  for (const page of pages) {
    await measure(ports.cradle, page, options.warmUpMs);
    await measure(ports.floor, page, options.warmUpMs);
  }
  const results = pages.map(() => ({ cradle: [] as LoadResult[], floor: [] as LoadResult[] }));
  for (let round = 0; round < options.rounds; round++) {
    // Neither side always runs on a machine the other just warmed or tired.
    const order = round % 2 === 0 ? (["cradle", "floor"] as const) : (["floor", "cradle"] as const);
    for (const [index, page] of pages.entries()) for (const who of order) results[index]![who].push(await measure(ports[who], page, options.roundMs));
    log(`round ${round + 1} of ${options.rounds} done`);
  }
  return results;
}

async function sessionCookies(server: CradleServer): Promise<Record<Visitor, string>> {
  const applicant = await logIn(server.url, benchCast.applicantEmail(0), benchCast.applicantPassword);
  const staff = await logIn(server.url, benchCast.staff.email, benchCast.staff.password);
  return { anonymous: "", applicant, staff };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
