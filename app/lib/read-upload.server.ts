import path from "node:path";
import type { RouterContextProvider } from "react-router";
import { type UploadedForm, withUploadedForm } from "../../src/server/uploaded-form.ts";
import { services } from "./route-context.server.ts";

/** An upload route's form, its file kept in DATA_DIR/uploads only while `handle` runs. */
export function withUpload<T>(
  request: Request,
  context: Readonly<RouterContextProvider>,
  maxFileBytes: number,
  handle: (form: UploadedForm) => Promise<T>,
): Promise<T> {
  return withUploadedForm(request, { directory: path.join(services(context).config.dataDir, "uploads"), maxFileBytes }, handle);
}
