import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withUploadedForm } from "../../src/server/uploaded-form.ts";

const directory = path.join(mkdtempSync(path.join(tmpdir(), "cradle-uploaded-form-")), "uploads");
afterAll(() => rmSync(path.dirname(directory), { recursive: true, force: true }));
const leftInFolder = () => (existsSync(directory) ? readdirSync(directory) : []);

function formRequest(fields: Record<string, string>, file?: { name: string; content: Uint8Array }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([file.content as Uint8Array<ArrayBuffer>], file.name));
  return new Request("http://cradle.test/portfolio/documents", { method: "POST", body: form });
}

describe("withUploadedForm", () => {
  it("gives the fields and the file as written to the folder, and removes it afterwards", async () => {
    const content = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
    const seen = await withUploadedForm(
      formRequest({ type: "transcript" }, { name: "Fall/2015.pdf", content }),
      { directory, maxFileBytes: 1_000_000 },
      async ({ fields, files }) => {
        const file = files.get("file")!;
        expect(new Uint8Array(readFileSync(file.path))).toEqual(content);
        return { type: fields.get("type"), filename: file.filename, sizeBytes: file.sizeBytes, isOverLimit: file.isOverLimit };
      },
    );
    expect(seen).toEqual({ type: "transcript", filename: "Fall/2015.pdf", sizeBytes: 300_000, isOverLimit: false });
    expect(leftInFolder()).toEqual([]);
  });

  it("writes a file over the limit no further than the limit, and says so", async () => {
    const request = formRequest({}, { name: "big.pdf", content: new Uint8Array(5000) });
    const file = await withUploadedForm(request, { directory, maxFileBytes: 1000 }, async ({ files }) => ({
      ...files.get("file")!,
      onDisk: readFileSync(files.get("file")!.path).length,
    }));
    expect(file).toMatchObject({ isOverLimit: true, sizeBytes: 1000, onDisk: 1000 });
    expect(leftInFolder()).toEqual([]);
  });

  it("removes the file when the route's handler fails", async () => {
    const request = formRequest({}, { name: "a.pdf", content: new Uint8Array(10) });
    await expect(
      withUploadedForm(request, { directory, maxFileBytes: 1000 }, async ({ files }) => {
        expect(existsSync(files.get("file")!.path)).toBe(true);
        throw new Error("the command failed");
      }),
    ).rejects.toThrow("the command failed");
    expect(leftInFolder()).toEqual([]);
  });

  it("reads a body that is not a form as an empty form", async () => {
    const request = new Request("http://cradle.test/portfolio/documents", {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "no boundary",
    });
    const form = await withUploadedForm(request, { directory, maxFileBytes: 1000 }, async (form) => form);
    expect([...form.fields]).toEqual([]);
    expect(form.files.size).toBe(0);
  });
});
