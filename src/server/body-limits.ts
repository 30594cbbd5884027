import { maxImportBytes } from "../commands/import-portfolio-file.ts";
import { maxUploadBytes } from "../forms/document-upload.ts";

/** What a form without files may send: its fields are a few kilobytes, a long statement a few dozen. */
export const formBodyLimitBytes = 1024 * 1024;

// Room for the form's other fields and the multipart framing around the file.
const multipartFramingBytes = 1024 * 1024;

/** The routes that take a file, and the largest file each takes (the page says so when one is bigger). */
const fileLimitOfRoute: Record<string, number> = {
  "/portfolio/documents": maxUploadBytes,
  "/portfolio/import": maxImportBytes,
};

/**
 * The most a request to `pathname` may send. Only a multipart post to an upload route may carry a
 * file; React Router's own fetches go to the same path with `.data` appended.
 */
export function bodyLimitOf(pathname: string, contentType: string): number {
  const route = pathname.replace(/\.data$/, "").replace(/(.)\/+$/, "$1");
  const fileLimit = fileLimitOfRoute[route];
  const isMultipart = contentType.toLowerCase().startsWith("multipart/form-data");
  return fileLimit !== undefined && isMultipart ? fileLimit + multipartFramingBytes : formBodyLimitBytes;
}
