/**
 * Reads a training history exported by a provider as CSV (comma or semicolon separated, quoted
 * fields, a header row). Columns are found by name, in English or Spanish.
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

export function parseCsv(text: string): string[][] {
  const delimiter = (text.split("\n")[0] ?? "").split(";").length > (text.split("\n")[0] ?? "").split(",").length ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

/** Rows as training entry candidates (validation happens on import); throws when no title/date/hours columns are found. */
export function trainingRowsFromCsv(text: string): CsvTrainingRow[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) return [];
  const normalized = header.map((cell) => cell.trim().toLowerCase());
  const indexOf = (key: string) => normalized.findIndex((cell) => columnNames[key]!.includes(cell));
  const columns = Object.fromEntries(Object.keys(columnNames).map((key) => [key, indexOf(key)]));
  const missing = ["title", "date", "clockHours"].filter((key) => columns[key] === -1);
  if (missing.length > 0) throw new RangeError(`The CSV has no ${missing.join(", ")} column (the first row must name the columns).`);
  const list = (value: string | undefined) => (value ?? "").split(/[|;,]/).map((item) => item.trim()).filter(Boolean);
  return rows.map((cells, index) => {
    const cell = (key: string) => (columns[key]! >= 0 ? cells[columns[key]!]?.trim() : undefined);
    const hours = cell("clockHours");
    return {
      line: index + 2,
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
