import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { formatMessage } from "../../src/i18n/format.ts";
import { localeFromAcceptLanguage, render, translator } from "../../src/i18n/translate.ts";

// `{name}`, `{name, number}` and `{name, plural, ...}` all name a value; `#` inside a branch does not, nor
// does a branch of one word (`one {hour}`).
const placeholder = /(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)(?:\}|\s*,\s*number\s*\}|\s*,\s*plural\s*,)/g;
const placeholders = (text: string) => [...new Set([...text.matchAll(placeholder)].map((match) => match[1]))].sort();
const hours = "{count, plural, one {# hour} other {# hours}}";
const horas = "{count, plural, one {# hora} other {# horas}}";

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

describe("plurals (Intl.PluralRules)", () => {
  it.each([
    [0, "0 hours", "0 horas"],
    [1, "1 hour", "1 hora"],
    [2, "2 hours", "2 horas"],
    [1.5, "1.5 hours", "1.5 horas"],
    [0.5, "0.5 hours", "0.5 horas"],
    [21, "21 hours", "21 horas"],
    [1234.5, "1,234.5 hours", "1,234.5 horas"],
    // Spanish names "many" for a million; a message that gives no "many" branch uses "other".
    [1_000_000, "1,000,000 hours", "1,000,000 horas"],
  ])("%d: %s / %s", (count, english, spanish) => {
    expect(formatMessage("en", hours, { count })).toBe(english);
    expect(formatMessage("es", horas, { count })).toBe(spanish);
  });

  it("prefers an exact =N branch, accepts a count written as digits, and fills other placeholders inside a branch", () => {
    const pattern = "{count, plural, =0 {nothing for {name}} one {# entry for {name}} other {# entries for {name}}}";
    expect(formatMessage("en", pattern, { count: 0, name: "Lupe" })).toBe("nothing for Lupe");
    expect(formatMessage("en", pattern, { count: "1", name: "Lupe" })).toBe("1 entry for Lupe");
    expect(formatMessage("en", pattern, { count: 3, name: "Lupe" })).toBe("3 entries for Lupe");
  });

  it.each([
    [1234.5, "1,234.5", "1,234.5"],
    [0.125, "0.13", "0.13"],
    [24, "24", "24"],
  ])("{n, number} formats %d for the locale", (n, english, spanish) => {
    expect(formatMessage("en", "{n, number} of {total, number}", { n, total: 1_000_000 })).toBe(`${english} of 1,000,000`);
    expect(formatMessage("es", "{n, number}", { n })).toBe(spanish);
  });

  it("leaves a number visible when its value is missing or not a number", () => {
    expect(formatMessage("en", "{n, number} left", {})).toBe("{n, number} left");
    expect(formatMessage("en", "{n, number} left", { n: "lots" })).toBe("{n, number} left");
  });

  it("leaves a plural visible when its count is missing or not a number, and never lets a value's braces be read as a pattern", () => {
    expect(formatMessage("en", hours, {})).toBe(hours);
    expect(formatMessage("en", hours, { count: "many" })).toBe(hours);
    expect(formatMessage("en", "{name} said {comment}", { name: "{comment}", comment: "{name}" })).toBe("{comment} said {name}");
  });

  it.each([
    ["en", 1, "Too many attempts. Please wait 1 minute and try again.", "Added 1 entry."],
    ["en", 15, "Too many attempts. Please wait 15 minutes and try again.", "Added 15 entries."],
    ["es", 1, "Demasiados intentos. Espere 1 minuto y vuelva a intentarlo.", "Se agregó 1 entrada."],
    ["es", 15, "Demasiados intentos. Espere 15 minutos y vuelva a intentarlo.", "Se agregaron 15 entradas."],
  ] as const)("the catalogue's counted messages in %s for %d", (locale, count, wait, added) => {
    const t = translator(locale);
    expect(t("logIn.rateLimited", { minutes: count })).toBe(wait);
    expect(t("import.added", { count })).toBe(added);
  });

  it("renders {en, es} values in the reader's language", () => {
    const category = { en: "Infant Family Specialist", es: "Especialista en Familia e Infancia" };
    const message = { key: "notice.applicationSubmitted", values: { category, association: "Michigan IMH" } } as const;
    expect(render("en", message)).toBe("Your application for Infant Family Specialist was submitted to Michigan IMH.");
    expect(render("es", message)).toBe("Su solicitud para Especialista en Familia e Infancia se envió a Michigan IMH.");
  });

  it("every plural in both catalogues has an other branch and renders for 0, 1, 2 and 1.5 without braces left", () => {
    for (const [locale, catalog] of [
      ["en", en],
      ["es", es],
    ] as const) {
      for (const [key, text] of Object.entries(catalog)) {
        if (!/,\s*plural\s*,/.test(text)) continue;
        expect(text, key).toMatch(/other\s*\{/);
        for (const count of [0, 1, 2, 1.5]) {
          const values = Object.fromEntries(placeholders(text).map((name) => [name ?? "", count]));
          expect(formatMessage(locale, text, values), `${locale} ${key} ${count}`).not.toMatch(/[{}#]/);
        }
      }
    }
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
