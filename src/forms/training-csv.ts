import { type Info, parse } from "csv-parse/sync";

/**
 * Reads a training history exported by a provider as CSV (comma, semicolon or tab separated, quoted
 * fields, a header row; UTF-8 or UTF-16). Columns are found by name, in English or Spanish.
 */
export type CsvTrainingRow = { line: number; entry: Record<string, unknown> };

const columnNames: Record<string, string[]> = {
  title: ["title", "course", "training", "titulo", "título", "curso"],
  provider: ["provider", "organization", "trainer", "proveedor", "organizacion", "organización"],
  date: ["date", "completed", "completion date", "fecha"],
  clockHours: ["hours", "clock hours", "ce hours", "horas", "horas reloj"],
  topics: ["topics", "temas"],
  domains: ["domains", "dominios"],
};

/** Text of an uploaded file: UTF-16 (Excel's "Unicode text") when its byte order mark says so, else UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

type CsvRecord = { cells: string[]; line: number };

/**
 * Records with the line each starts on. Excel writes a first line `sep=;` to name the delimiter;
 * otherwise it is whichever of `;`, `,` or tab the first line has most of.
 */
function parseCsv(text: string): CsvRecord[] {
  let body = text.replace(/^\uFEFF/, "");
  let delimiter: string | undefined;
  const sepLine = /^sep=(.)\r?\n/.exec(body);
  if (sepLine) {
    delimiter = sepLine[1]!;
    body = body.slice(sepLine[0].length);
  }
  const firstLine = body.split(/\r?\n|\r/, 1)[0] ?? "";
  delimiter ??= [";", ",", "\t"].reduce((best, candidate) => (firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best));
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_empty_values: true, info: true };
  // csv-parse's types do not follow `info: true`, which wraps each record with where it was read.
  const records = parse(body, options) as unknown as { record: string[]; info: Info }[];
  const offset = sepLine ? 1 : 0;
  return records.map(({ record, info }) => ({ cells: record, line: info.lines - countLineBreaks(record) + offset }));
}

// info.lines is the line a record ends on; a quoted field's own line breaks move its start back.
function countLineBreaks(cells: string[]): number {
  return cells.reduce((sum, cell) => sum + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}

/** Rows as training entry candidates (validation happens on import); throws when no title/date/hours columns are found. */
export function trainingRowsFromCsv(file: string | Uint8Array): CsvTrainingRow[] {
  const [header, ...rows] = parseCsv(typeof file === "string" ? file : decodeCsvBytes(file));
  if (!header) return [];
  const normalized = header.cells.map((cell) => cell.trim().toLowerCase());
  const indexOf = (key: string) => normalized.findIndex((cell) => columnNames[key]!.includes(cell));
  const columns = Object.fromEntries(Object.keys(columnNames).map((key) => [key, indexOf(key)]));
  const missing = ["title", "date", "clockHours"].filter((key) => columns[key] === -1);
  if (missing.length > 0) throw new RangeError(`The CSV has no ${missing.join(", ")} column (the first row must name the columns).`);
  const list = (value: string | undefined) =>
    (value ?? "")
      .split(/[|;,]/)
      .map((item) => item.trim())
      .filter(Boolean);
  return rows.map(({ cells, line }) => {
    const cell = (key: string) => (columns[key]! >= 0 ? cells[columns[key]!]?.trim() : undefined);
    const hours = cell("clockHours");
    return {
      line,
      entry: {
        title: cell("title"),
        provider: cell("provider") || undefined,
        date: cell("date"),
        clockHours: hours === undefined || hours === "" ? undefined : Number(hours.replace(",", ".")),
        topics: list(cell("topics")),
        domains: list(cell("domains")),
      },
    };
  });
}
