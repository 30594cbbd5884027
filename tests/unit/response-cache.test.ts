import { describe, expect, it } from "vitest";
import { negotiateEncoding } from "../../src/server/compression.ts";
import { isNotModified } from "../../src/server/entity-tag.ts";
import { pagePathOfDataRequest, publicPageAt } from "../../src/server/public-pages.ts";
import { createResponseCache } from "../../src/server/response-cache.ts";
import type { WholeAnswer } from "../../src/server/write-whole-answer.ts";

const page = (text: string): WholeAnswer => ({ status: 200, headers: [["Content-Type", "text/html"]], body: new TextEncoder().encode(text) });
const textOf = (answer: WholeAnswer | undefined) => (answer ? new TextDecoder().decode(answer.body) : undefined);

describe("the response cache", () => {
  it("drops the pages showing what changed, and only those", () => {
    const cache = createResponseCache({ isTrusted: true });
    cache.store("en /", ["associations"], cache.generation(), page("home"));
    cache.store("en /other", [], cache.generation(), page("other"));
    cache.invalidate(["associations"]);
    expect(cache.get("en /")).toBeUndefined();
    expect(textOf(cache.get("en /other"))).toBe("other");
  });

  it("drops only the verification page of the credential that changed, in every language", () => {
    const cache = createResponseCache({ isTrusted: true });
    const shows = (number: string) => publicPageAt(`/verify/${number}`)!.shows;
    for (const key of ["en /verify/SC-IFS-2026-0001", "es /verify/SC-IFS-2026-0001"])
      cache.store(key, shows("SC-IFS-2026-0001"), cache.generation(), page(key));
    cache.store("en /verify/SC-IFS-2026-0002", shows("SC-IFS-2026-0002"), cache.generation(), page("other"));
    cache.store("en /", ["associations"], cache.generation(), page("home"));
    cache.invalidate(["credential SC-IFS-2026-0001"]);
    expect(cache.get("en /verify/SC-IFS-2026-0001")).toBeUndefined();
    expect(cache.get("es /verify/SC-IFS-2026-0001")).toBeUndefined();
    expect(textOf(cache.get("en /verify/SC-IFS-2026-0002"))).toBe("other");
    expect(textOf(cache.get("en /"))).toBe("home");
    // An association's change (its name is on every verification page) drops them all.
    cache.invalidate(["associations"]);
    expect(cache.get("en /verify/SC-IFS-2026-0002")).toBeUndefined();
    // A page stored again after it was dropped is dropped again by its next change.
    cache.store("en /verify/SC-IFS-2026-0002", shows("SC-IFS-2026-0002"), cache.generation(), page("again"));
    cache.invalidate(["credential SC-IFS-2026-0002"]);
    expect(cache.get("en /verify/SC-IFS-2026-0002")).toBeUndefined();
  });

  it("does not keep a page rendered while a change committed: it may show the data from before", () => {
    const cache = createResponseCache({ isTrusted: true });
    const renderedSince = cache.generation();
    cache.invalidate(["associations"]);
    cache.store("en /", ["associations"], renderedSince, page("old data"));
    expect(cache.get("en /")).toBeUndefined();
    cache.store("en /", ["associations"], cache.generation(), page("new data"));
    expect(textOf(cache.get("en /"))).toBe("new data");
  });

  it("keeps at most its number of entries, dropping the oldest", () => {
    const cache = createResponseCache({ isTrusted: true, maxEntries: 2 });
    for (const path of ["/1", "/2", "/3"]) cache.store(`en ${path}`, [], cache.generation(), page(path));
    expect(cache.get("en /1")).toBeUndefined();
    expect(textOf(cache.get("en /2"))).toBe("/2");
    expect(textOf(cache.get("en /3"))).toBe("/3");
  });

  it("is not used while other processes' changes may be missed, and starts empty when they are heard again", () => {
    const cache = createResponseCache({ isTrusted: false });
    cache.store("en /", ["associations"], cache.generation(), page("unheard"));
    expect(cache.get("en /")).toBeUndefined();
    cache.trust(true);
    cache.store("en /", ["associations"], cache.generation(), page("heard"));
    expect(textOf(cache.get("en /"))).toBe("heard");
    const renderedSince = cache.generation();
    cache.trust(false);
    expect(cache.get("en /")).toBeUndefined();
    cache.trust(true);
    expect(cache.get("en /")).toBeUndefined();
    cache.store("en /", ["associations"], renderedSince, page("rendered before the outage"));
    expect(cache.get("en /")).toBeUndefined();
  });
});

describe("what may be cached", () => {
  it.each([
    ["/", true],
    ["/a/some-slug", true],
    ["/a/some-slug/people", false],
    ["/a/", false],
    ["/login", false],
    ["/verify/SC-IFS-2026-0001", true],
    ["/verify/", false],
    ["/a/some-slug/registry", true],
    ["/a//registry", false],
  ])("%s is a listed public page: %s", (path, expected) => {
    expect(publicPageAt(path) !== undefined).toBe(expected);
  });

  it("tags a verification page with its own credential, a registry with its association's, and the other public pages with their kinds only", () => {
    expect(publicPageAt("/verify/SC-IFS-2026-0001")?.shows).toEqual(["associations", "credential SC-IFS-2026-0001"]);
    expect(publicPageAt("/a/some-slug/registry")?.shows).toEqual(["associations", "registry some-slug"]);
    expect(publicPageAt("/a/some-slug")?.shows).toEqual(["associations"]);
  });

  it("reads the page of React Router's data requests", () => {
    expect(pagePathOfDataRequest("/_.data")).toBe("/");
    expect(pagePathOfDataRequest("/a/x.data")).toBe("/a/x");
    expect(pagePathOfDataRequest("/a/x")).toBeUndefined();
  });
});

describe("negotiation and validators", () => {
  it.each([
    ["br, gzip", "br"],
    ["gzip;q=1.0, br;q=0", "gzip"],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["identity", null],
    [undefined, null],
  ] as const)("Accept-Encoding %j -> %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it("compares entity tags weakly, in a list or as *", () => {
    expect(isNotModified('W/"abc"', 'W/"abc"')).toBe(true);
    expect(isNotModified('"abc"', 'W/"abc"')).toBe(true);
    expect(isNotModified('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(isNotModified("*", 'W/"abc"')).toBe(true);
    expect(isNotModified('W/"abd"', 'W/"abc"')).toBe(false);
    expect(isNotModified(undefined, 'W/"abc"')).toBe(false);
  });
});
