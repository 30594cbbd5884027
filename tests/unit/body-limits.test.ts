import { describe, expect, it } from "vitest";
import { maxImportBytes } from "../../src/commands/import-portfolio-file.ts";
import { maxUploadBytes } from "../../src/forms/document-upload.ts";
import { bodyLimitOf, formBodyLimitBytes } from "../../src/server/body-limits.ts";

const megabyte = 1024 * 1024;
const multipart = "multipart/form-data; boundary=x";

describe("bodyLimitOf", () => {
  it.each([
    ["/portfolio/documents", multipart, maxUploadBytes + megabyte],
    ["/portfolio/documents.data", multipart, maxUploadBytes + megabyte],
    ["/portfolio/documents/", "Multipart/Form-Data; boundary=x", maxUploadBytes + megabyte],
    ["/portfolio/import", multipart, maxImportBytes + megabyte],
    ["/portfolio/documents", "application/x-www-form-urlencoded", formBodyLimitBytes],
    ["/portfolio/statement", multipart, formBodyLimitBytes],
    ["/portfolio/documents/extra", multipart, formBodyLimitBytes],
    ["/", "", formBodyLimitBytes],
  ])("allows %s (%s) %d bytes", (pathname, contentType, limit) => {
    expect(bodyLimitOf(pathname, contentType)).toBe(limit);
  });
});
