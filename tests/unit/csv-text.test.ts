import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine } from "../../src/files/csv-text.ts";

describe("csvLine", () => {
  it.each([
    [["plain", 3, null], "plain,3,\r\n"],
    [["a,b"], '"a,b"\r\n'],
    [['say "hi"'], '"say ""hi"""\r\n'],
    [["two\nlines"], '"two\nlines"\r\n'],
    [["=1+1"], "'=1+1\r\n"],
    [["+33 6", "-x", "@SUM(A1)"], "'+33 6,'-x,'@SUM(A1)\r\n"],
    [['=HYPERLINK("x")'], '"\'=HYPERLINK(""x"")"\r\n'],
    [["a=b"], "a=b\r\n"],
  ])("writes %j as %j", (cells, line) => {
    expect(csvLine(cells)).toBe(line);
  });

  it("reads back as the same cells, apart from the apostrophe before a formula", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
        const rows: string[][] = parse(csvLine(cells));
        const [row] = rows;
        expect(row).toEqual(cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
      }),
    );
  });
});
