import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, wordLimit } from "../../src/domain/count-words.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n\t ", 0],
    ["One", 1],
    ["I work with families.", 4],
    ["Don't stop — it's fine", 4],
    ["bien-estar del niño y la niña", 6],
    ["3 years, 10 families", 4],
    ["… — ¡! ¿?", 0],
    ["Línea uno\nLínea dos\r\n\r\nfin", 5],
  ])("%j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it("adds up over texts joined by white space, and never counts white space", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), fc.constantFrom(" ", "\n", "\t", "  "), (a, b, gap) => {
        expect(countWords(`${a}${gap}${b}`)).toBe(countWords(a) + countWords(b));
        expect(countWords(gap)).toBe(0);
      }),
    );
  });
});

describe("wordLimit", () => {
  it("takes the personal statement limit from the frameworks that set one", () => {
    const frameworks = loadFrameworks();
    const california = frameworks.filter((framework) => framework.id === "california-ifecmh");
    const alliance = frameworks.filter((framework) => framework.id === "alliance-iecmh-e");
    expect(wordLimit(california, "personal-statement")).toBe(500);
    expect(wordLimit(alliance, "personal-statement")).toBeNull();
    expect(wordLimit([...alliance, ...california], "personal-statement")).toBe(500);
  });
});
