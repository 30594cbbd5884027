import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { localeFromAcceptLanguage, translator } from "../../src/i18n/translate.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("catalogs", () => {
  it("have the same keys in English and Spanish, none empty", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(es)) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe("translator", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("es")("home.welcome", { name: "Lupe" })).toBe("Bienvenido/a, Lupe.");
    expect(translator("en")("home.welcome")).toBe("Welcome, {name}.");
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["en-US,en;q=0.9,es;q=0.8", "en"],
    ["fr-FR, es;q=0.5", "es"],
    ["en;q=0.2, es;q=0.9", "es"],
    ["es;q=0, en", "en"],
    ["de, fr", undefined],
    ["", undefined],
  ])("%s -> %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("never throws and only ever answers en, es or nothing", () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect([undefined, "en", "es"]).toContain(localeFromAcceptLanguage(header));
      }),
    );
  });
});
