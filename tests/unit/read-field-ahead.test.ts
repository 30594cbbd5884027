import { describe, expect, it } from "vitest";
import { readFieldAhead } from "../../src/server/read-field-ahead.ts";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://cradle.test/login", { method: "POST", body, headers });

function multipart(parts: Array<[string, string | File]>) {
  const form = new FormData();
  for (const [name, value] of parts) form.append(name, value);
  return post(form);
}

describe("readFieldAhead", () => {
  it("finds a url-encoded field, the last one too, and leaves the body to the app", async () => {
    const request = post(new URLSearchParams({ email: "a@example.org", csrf: "token" }));
    expect(await readFieldAhead(request, "csrf", 1024)).toBe("token");
    expect((await request.formData()).get("email")).toBe("a@example.org");
  });

  it("finds a multipart field before the file, and leaves the file to the app", async () => {
    const request = multipart([
      ["csrf", "token"],
      ["file", new File(["%PDF-1.4"], "a.pdf")],
    ]);
    expect(await readFieldAhead(request, "csrf", 1024)).toBe("token");
    expect(await ((await request.formData()).get("file") as File).text()).toBe("%PDF-1.4");
  });

  it.each([
    [
      "after a file",
      multipart([
        ["file", new File(["x".repeat(100)], "a.pdf")],
        ["csrf", "token"],
      ]),
    ],
    ["after more than the bytes it may read", post(new URLSearchParams({ note: "x".repeat(5000), csrf: "token" }))],
    ["in a body that is not a form", post(JSON.stringify({ csrf: "token" }), { "content-type": "application/json" })],
    ["in a multipart body without a boundary", post("csrf=token", { "content-type": "multipart/form-data" })],
  ])("finds no field %s", async (_case, request) => {
    expect(await readFieldAhead(request, "csrf", 1024)).toBeNull();
  });
});
