import { describe, expect, it } from "vitest";
import { trainingRowsFromCsv } from "../../src/forms/training-csv.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => Uint8Array.from(Buffer.from(`\uFEFF${text}`, "utf16le"));
const utf16be = (text: string) => Uint8Array.from(Buffer.from(`\uFEFF${text}`, "utf16le").swap16());

type Row = { line: number; title: unknown; date: unknown; clockHours: unknown; provider?: unknown };
const shown = (file: string | Uint8Array): Row[] =>
  trainingRowsFromCsv(file).map(({ line, entry }) => ({
    line,
    title: entry.title,
    date: entry.date,
    clockHours: entry.clockHours,
    ...(entry.provider === undefined ? {} : { provider: entry.provider }),
  }));

const semicolons = "Curso;Fecha;Horas;Proveedor\nApego y cultura;2024-05-02;6,5;Centro\n";
const apego: Row = { line: 2, title: "Apego y cultura", date: "2024-05-02", clockHours: 6.5, provider: "Centro" };

describe("reading a training CSV", () => {
  it.each<[string, string | Uint8Array, Row[]]>([
    ["commas", "Title,Date,Hours\nObservation,2024-01-10,3\n", [{ line: 2, title: "Observation", date: "2024-01-10", clockHours: 3 }]],
    ["semicolons with a decimal comma", semicolons, [apego]],
    ["tabs (Excel's Unicode text)", "Title\tDate\tHours\nObservation\t2024-01-10\t3\n", [{ line: 2, title: "Observation", date: "2024-01-10", clockHours: 3 }]],
    ["Excel's sep= first line", `sep=;\r\n${semicolons.replaceAll("\n", "\r\n")}`, [{ ...apego, line: 3 }]],
    [
      "sep= naming a comma although the header has more semicolons",
      "sep=,\nTitle,Date,Hours\nA;B,2024-01-10,3\n",
      [{ line: 3, title: "A;B", date: "2024-01-10", clockHours: 3 }],
    ],
    ["UTF-8 bytes with a byte order mark", utf8(`\uFEFF${semicolons}`), [apego]],
    ["UTF-8 bytes without one", utf8(semicolons), [apego]],
    ["UTF-16 little-endian bytes with a byte order mark", utf16le(semicolons), [apego]],
    ["UTF-16 big-endian bytes with a byte order mark", utf16be(semicolons), [apego]],
    [
      "a quoted field with a newline, and the line of the row after it",
      'Title,Date,Hours\n"Reflective practice,\npart 1",2024-02-01,2\nNext,2024-03-01,1\n',
      [
        { line: 2, title: "Reflective practice,\npart 1", date: "2024-02-01", clockHours: 2 },
        { line: 4, title: "Next", date: "2024-03-01", clockHours: 1 },
      ],
    ],
    [
      "quoted quotes and delimiters",
      'Title;Date;Hours\n"Say ""hello""; then listen";2024-04-01;1\n',
      [{ line: 2, title: 'Say "hello"; then listen', date: "2024-04-01", clockHours: 1 }],
    ],
    [
      "blank lines skipped, lines counted",
      "Title,Date,Hours\n\nA,2024-01-01,1\n,,\nB,2024-01-02,2",
      [
        { line: 3, title: "A", date: "2024-01-01", clockHours: 1 },
        { line: 5, title: "B", date: "2024-01-02", clockHours: 2 },
      ],
    ],
  ])("%s", (_name, file, expected) => {
    expect(shown(file)).toEqual(expected);
  });

  it("names the missing columns when the header has none of them", () => {
    expect(() => trainingRowsFromCsv("a,b\n1,2\n")).toThrow("The CSV has no title, date, clockHours column");
  });

  it("reads an empty file as no rows", () => {
    expect(trainingRowsFromCsv(utf8(""))).toEqual([]);
  });
});
