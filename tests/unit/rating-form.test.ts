import { describe, expect, it } from "vitest";
import { findFrameworkProblems } from "../../src/domain/check-framework.ts";
import type { Framework } from "../../src/domain/framework-schema.ts";
import { isVoidRating, ratingFormFor } from "../../src/domain/rating-form.ts";
import { alliance, california } from "./engine/fixtures.ts";

const idsOf = (framework: Framework, categoryId: string | null) => ratingFormFor(framework, categoryId).items.map((item) => item.id);
const mentors = ["imhm-c", "imhm-p", "imhm-rf", "ecmhm-c", "ecmhm-p", "ecmhm-rf"];

/** The framework with every rating requirement's limit set to `max`, as an association might. */
function withRatingLimit(framework: Framework, max: number): Framework {
  return {
    ...framework,
    categories: framework.categories.map((category) => ({
      ...category,
      requirements: category.requirements.map((requirement) =>
        requirement.kind === "references" && requirement.referenceKind === "rating" ? { ...requirement, maxNotEnoughInformation: max } : requirement,
      ),
    })),
  };
}

describe("the rating form of a category", () => {
  it.each(alliance.categories.map((category) => [category.id] as const))("%s: asks Administration only of a mentor, Reflection of everyone", (id) => {
    expect(idsOf(alliance, id)).toContain("reflection");
    expect(idsOf(alliance, id).includes("administration")).toBe(mentors.includes(id));
  });

  it("asks a request that named no category only what every category shares", () => {
    expect(idsOf(alliance, null)).toEqual(alliance.domains.filter((domain) => domain.id !== "administration").map((domain) => domain.id));
  });

  it("says what each area means, in both languages", () => {
    for (const framework of [alliance, california]) {
      for (const item of ratingFormFor(framework, null).items.concat(ratingFormFor(alliance, "imhm-c").items)) {
        const meanings = [item.description, ...item.keyConcepts].filter((text) => text !== null);
        expect(meanings.length, `${framework.id}/${item.id}`).toBeGreaterThan(0);
        for (const text of meanings) expect(text.en && text.es, `${framework.id}/${item.id}`).toBeTruthy();
      }
    }
  });

  it("takes its limit of 'not enough information' answers from the category's rating requirement", () => {
    expect(ratingFormFor(alliance, "ifs").maxNotEnoughInformation).toBe(5);
    expect(ratingFormFor(withRatingLimit(alliance, 2), "ifs").maxNotEnoughInformation).toBe(2);
    // California asks letters, not ratings: no limit to tell the rater.
    expect(ratingFormFor(california, "tmhp").maxNotEnoughInformation).toBeNull();
  });

  it("calls a rating void with more such answers than the limit, not with as many", () => {
    const form = ratingFormFor(alliance, "ifs");
    const answers = (nei: number) => Object.fromEntries(form.items.map((item, index) => [item.id, index < nei ? "nei" : "3"]));
    expect(isVoidRating(form, answers(5))).toBe(false);
    expect(isVoidRating(form, answers(6))).toBe(true);
    expect(isVoidRating(ratingFormFor(california, "tmhp"), Object.fromEntries(ratingFormFor(california, "tmhp").items.map((item) => [item.id, "nei"])))).toBe(
      false,
    );
  });
});

describe("a framework's domains", () => {
  it("name only categories the framework has", () => {
    expect(findFrameworkProblems(alliance, new Map())).toEqual([]);
    const wrong = { ...alliance, domains: [{ ...alliance.domains[0]!, categories: ["imhm-x"] }] };
    expect(findFrameworkProblems(wrong, new Map())).toContain("domain theoretical-foundations: unknown category imhm-x");
  });
});
