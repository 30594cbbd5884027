import type { Figures } from "./figures.ts";
import type { HttpBenchOptions, HttpBenchResult } from "./run-http.ts";

/** The results as Markdown tables, ready for docs/benchmarks.md. */
export function reportTables(result: HttpBenchResult, options: HttpBenchOptions): string {
  const lines = [
    `${options.volume.applicants} applicants, ${options.volume.applications} applications; ${options.connections} connections, ` +
      `${options.rounds} rounds of ${options.roundMs / 1000} s per page and server, Cradle and floor alternating.`,
    "",
    "| database | page | captured | Cradle req/s | floor req/s | Cradle / floor | Cradle p50 / p95 / p99 ms | floor p50 / p95 / p99 ms | Cradle not 200 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const { driver, pages } of result.drivers)
    for (const { page, captured, cradle, floor } of pages)
      lines.push(
        `| ${driver} | ${page.name} \`${page.path.replace(/[0-9a-f-]{36}/, ":id")}\` | ${captured.status}${captured.showsExpected ? "" : " (not the page)"}, ${kilobytes(captured.bytes)} ` +
          `| ${rate(cradle.requestsPerSecond)} | ${rate(floor.requestsPerSecond)} | ${percent(cradle.requestsPerSecond / floor.requestsPerSecond)} ` +
          `| ${latencies(cradle)} | ${latencies(floor)} | ${failures(cradle)} |`,
      );
  lines.push("", "| page | JavaScript files | raw | gzip -9 |", "| --- | --- | --- | --- |");
  for (const { page, javascript } of result.drivers[0]?.pages ?? [])
    lines.push(`| ${page.name} | ${javascript.files} | ${kilobytes(javascript.raw)} | ${kilobytes(javascript.gzip)} |`);
  lines.push("", "| start-up, spawn to first 200 of /healthz | wall | CPU |", "| --- | --- | --- |");
  if (result.freshStartUp)
    lines.push(
      `| fresh PGlite data folder (created and migrated) | ${milliseconds(result.freshStartUp.wallMs)} | ${milliseconds(result.freshStartUp.cpuMs)} |`,
    );
  for (const { driver, startOnVolume } of result.drivers)
    lines.push(`| ${driver}, database of the volume above | ${milliseconds(startOnVolume.wallMs)} | ${milliseconds(startOnVolume.cpuMs)} |`);
  return lines.join("\n");
}

const rate = (value: number) => (value >= 100 ? Math.round(value).toLocaleString("en") : value.toFixed(1));
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(value < 0.1 ? 2 : 1)}%` : "n/a");
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const milliseconds = (value: number | undefined) => (value === undefined ? "n/a" : `${(value / 1000).toFixed(2)} s`);
const round = (value: number) => (Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString("en"));
const latencies = (figures: Figures) => `${round(figures.p50)} / ${round(figures.p95)} / ${round(figures.p99)}`;

function failures(figures: Figures): string {
  const parts = Object.entries(figures.otherStatuses).map(([status, count]) => `${count} x ${status}`);
  if (figures.errors > 0) parts.push(`${figures.errors} errors`);
  if (figures.timeouts > 0) parts.push(`${figures.timeouts} timeouts`);
  return parts.length > 0 ? parts.join(", ") : "0";
}
