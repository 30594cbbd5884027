import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillLetter, letterKinds, letterPlaceholders, letterTextProblems } from "../../src/domain/letters.ts";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";

const values = { name: "Ana", category: "IFS", association: "MI-AIMH", date: "2026-12-07", feedback: "More hours.", until: "2027-12-07", retake: "2027-03-07" };

describe("an association's letter texts", () => {
  it.each([
    ["plain text", "Dear applicant, welcome.", { unknown: [], unbalanced: false }],
    ["every placeholder Cradle fills", letterPlaceholders.map((name) => `{${name}}`).join(" "), { unknown: [], unbalanced: false }],
    ["spaces inside the braces", "Dear { name },", { unknown: [], unbalanced: false }],
    ["a misspelt placeholder", "Dear {nmae},", { unknown: ["{nmae}"], unbalanced: false }],
    ["an empty one, named once however often", "{} and {}", { unknown: ["{}"], unbalanced: false }],
    ["a message format Cradle does not fill", "{count, plural, one {# hour} other {# hours}}", { unknown: ["{# hour}", "{# hours}"], unbalanced: true }],
    ["a brace left open", "Dear {name", { unknown: [], unbalanced: true }],
    ["a brace closed alone", "Dear name}", { unknown: [], unbalanced: true }],
  ] as const)("%s", (_name, text, expected) => {
    expect(letterTextProblems(text)).toEqual(expected);
  });

  it("Cradle's own texts, in both languages, name only placeholders it fills", () => {
    for (const kind of letterKinds)
      for (const catalogue of [en, es])
        for (const part of ["subject", "body"] as const)
          expect(letterTextProblems(catalogue[`letter.${kind}.${part}`]), `${kind} ${part}`).toEqual({ unknown: [], unbalanced: false });
  });

  it("fills each placeholder with its value and leaves everything else as written", () => {
    expect(fillLetter("Dear {name}, {category} at {association} until {until}.", values)).toBe("Dear Ana, IFS at MI-AIMH until 2027-12-07.");
    expect(fillLetter("{nmae} {name}", values)).toBe("{nmae} Ana");
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes("{") && !text.includes("}")),
        (text) => {
          expect(fillLetter(text, values)).toBe(text);
          expect(letterTextProblems(text)).toEqual({ unknown: [], unbalanced: false });
        },
      ),
    );
  });

  it("a value that looks like a placeholder is not filled again", () => {
    expect(fillLetter("{feedback}", { ...values, feedback: "{name}" })).toBe("{name}");
  });
});
