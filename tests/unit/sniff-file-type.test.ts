import { describe, expect, it } from "vitest";
import { sniffFileType } from "../../src/domain/sniff-file-type.ts";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));

describe("sniffFileType", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n%...\n"), "application/pdf"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"), "image/jpeg"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"), "image/png"],
    ["a Word 97 file", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "application/msword"],
    [
      "a .docx",
      bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....word/document.xml...."),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
  ])("recognises %s by its content", (_name, content, mediaType) => {
    expect(sniffFileType(content)?.mediaType).toBe(mediaType);
  });

  it.each([
    ["text", bytes("hello, I am not a PDF")],
    ["a spreadsheet zip", bytes([0x50, 0x4b, 0x03, 0x04], "xl/workbook.xml")],
    ["an HTML page", bytes("<!doctype html><script>alert(1)</script>")],
    ["nothing", bytes()],
  ])("refuses %s", (_name, content) => {
    expect(sniffFileType(content)).toBeUndefined();
  });
});
