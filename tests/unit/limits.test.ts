import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { hasUnstorableCharacters, hasUnstorableCharactersDeep, maxDraftBytes, maxEntriesPerList } from "../../src/limits.ts";
import { formFieldCounter } from "../../src/server/count-form-fields.ts";

function countInChunks(contentType: string, body: string, chunkBytes: number) {
  const count = formFieldCounter(contentType)!;
  const bytes = Buffer.from(body);
  let fields = 0;
  for (let at = 0; at < bytes.length; at += chunkBytes) fields = count(bytes.subarray(at, at + chunkBytes));
  return fields;
}

describe("counting a form's fields as its body streams", () => {
  it("counts url-encoded pairs, however the body is cut into chunks", () => {
    for (const chunk of [1, 2, 7, 1000]) expect(countInChunks("application/x-www-form-urlencoded", "a=1&b=2&c=", chunk)).toBe(3);
    expect(formFieldCounter("application/x-www-form-urlencoded;charset=UTF-8")!(new Uint8Array())).toBe(0);
  });

  it("counts multipart parts, also with a boundary split between chunks, and only forms", () => {
    const boundary = "----cradleBoundary42";
    const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nvalue & more\r\n`;
    const body = `${part("a")}${part("b")}${part("c")}--${boundary}--\r\n`;
    for (const chunk of [1, 3, 5, 11, 4096]) expect(countInChunks(`multipart/form-data; boundary=${boundary}`, body, chunk)).toBe(3);
    expect(countInChunks(`multipart/form-data; boundary="${boundary}"`, body, 9)).toBe(3);
    expect(formFieldCounter("application/json")).toBeUndefined();
    expect(formFieldCounter("multipart/form-data")).toBeUndefined();
  });
});

describe("characters PostgreSQL does not keep", () => {
  it("finds a NUL or a lone surrogate, and lets a pair and everything else through", () => {
    expect(["a\u0000b", "\ud800", "x\udc00", "\udc00\ud800"].map(hasUnstorableCharacters)).toEqual([true, true, true, true]);
    expect(["", "plain", "emoji \ud83d\ude00", "ñ é ü", "\u0001\u001f"].map(hasUnstorableCharacters)).toEqual([false, false, false, false, false]);
    expect(hasUnstorableCharactersDeep({ a: [{ b: "ok" }, { c: "x\u0000" }] })).toBe(true);
    expect(hasUnstorableCharactersDeep({ "\ud800": 1 })).toBe(true);
    expect(hasUnstorableCharactersDeep({ a: [1, null, true, "ok"], bytes: new Uint8Array([0, 0]) })).toBe(false);
  });
});

describe("the messages that state a limit", () => {
  it("state the numbers of src/limits.ts, in both languages", () => {
    const entries = maxEntriesPerList.toLocaleString("en-US");
    expect(en["limit.listFull"]).toContain(entries);
    expect(es["limit.listFull"]).toContain(maxEntriesPerList.toLocaleString("es-MX"));
    expect(en["limit.draftTooLarge"]).toContain(`${maxDraftBytes / 1024} KB`);
    expect(es["limit.draftTooLarge"]).toContain(`${maxDraftBytes / 1024} KB`);
  });
});
