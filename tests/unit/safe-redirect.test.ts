import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../src/server/redirect-target.ts";

/** How a browser reads a Location header on our site: the host it would go to. */
const hostABrowserWouldVisit = (location: string) => new URL(location, "https://cradle.example.org/").host;

describe("safeRedirectPath", () => {
  it.each([
    ["/\t/evil.example", "a tab between the slashes (browsers drop it)"],
    ["/\n/evil.example", "a newline"],
    ["/\r/evil.example", "a carriage return"],
    ["/\r\n/evil.example", "CR LF"],
    ["\t//evil.example", "a leading tab"],
    ["/\\evil.example", "slash backslash"],
    ["\\\\evil.example", "two backslashes"],
    ["\\/evil.example", "backslash slash"],
    ["//evil.example", "protocol-relative"],
    ["///evil.example", "three slashes"],
    ["/.//evil.example", "a dot segment that leaves two slashes"],
    ["https://evil.example/account", "another site"],
    ["HTTPS://evil.example", "another site in capitals"],
    ["http:evil.example", "another scheme without slashes"],
    ["http://cradle.invalid/account", "the placeholder origin itself, over http"],
    ["javascript:alert(1)", "javascript:"],
    [" javascript:alert(1)", "javascript: after a space"],
    ["java\tscript:alert(1)", "javascript: with a tab inside"],
    ["data:text/html,<script>alert(1)</script>", "data:"],
    ["//evil.example@cradle.example.org", "credentials trick"],
    ["", "empty"],
    ["   ", "blank"],
  ])("refuses %j (%s)", (target) => {
    const location = safeRedirectPath(target, "/account");
    expect(location).toBe("/account");
  });

  it.each([
    ["%2F%09%2Fevil.example", "a percent-encoded tab stays encoded: a path on our site"],
    ["/%09/evil.example", "an encoded tab inside the path"],
    ["/%0A/evil.example", "an encoded newline inside the path"],
    ["/%5Cevil.example", "an encoded backslash"],
    ["/%2F%2Fevil.example", "encoded slashes"],
    ["https:evil.example", "our own scheme without slashes is a relative path"],
  ])("keeps %j on this site (%s)", (target) => {
    const location = safeRedirectPath(target, "/account");
    expect(hostABrowserWouldVisit(location)).toBe("cradle.example.org");
    expect(location).toMatch(/^\/[^/\\]/);
  });

  it("never returns a character a header cannot carry, nor one a browser drops", () => {
    for (const target of ["/a\u0000b", "/a\u007fb", "/é?q=ü#ñ", "/a b", "/a\u2028b"]) {
      expect(safeRedirectPath(target)).toMatch(/^\/[\x21-\x7e]*$/);
    }
  });

  it.each([
    ["/portfolio", "/portfolio"],
    ["/portfolio?saved=1#training", "/portfolio?saved=1#training"],
    ["/a/alliance/people?x=%2F%2F", "/a/alliance/people?x=%2F%2F"],
    ["/é", "/%C3%A9"],
  ])("keeps the path, query and hash of %j", (target, expected) => {
    expect(safeRedirectPath(target, "/account")).toBe(expected);
  });

  it("gives the fallback for what is not a string", () => {
    expect(safeRedirectPath(null, "/account")).toBe("/account");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/x"])).toBe("/");
  });
});
