import { afterAll, describe, expect, it } from "vitest";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

describe("malformed addresses", () => {
  it.each(["/%zz.css", "/assets/%E0%A4%A.js", "/%E0%A4%A", "/portfolio/%E0%A4%A", "/a/%zz/people"])("answers %s with 400, not 500", async (path) => {
    const response = await fetch(new URL(path, app.url), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/malformed/i);
  });

  it("still decodes a well-formed escape", async () => {
    const response = await fetch(new URL("/a/%6Eo-such-association", app.url), { redirect: "manual" });
    expect(response.status).toBe(404);
  });
});
