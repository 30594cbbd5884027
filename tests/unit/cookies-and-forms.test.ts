import { describe, expect, it } from "vitest";
import { signUpForm } from "../../src/forms/account-forms.ts";
import { associationForm } from "../../src/forms/association-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { parseCookies, serializeCookie } from "../../src/server/cookies.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("cookies", () => {
  it("round-trips values and marks every cookie HttpOnly and SameSite=Lax", () => {
    const header = serializeCookie("cradle_lang", "es; x=y", { secure: true, maxAgeSeconds: 60 });
    expect(header).toBe("cradle_lang=es%3B%20x%3Dy; Path=/; SameSite=Lax; Max-Age=60; HttpOnly; Secure");
    expect(parseCookies("a=1; cradle_lang=es%3B%20x%3Dy; bad=%E0%A4%A")).toEqual({ a: "1", cradle_lang: "es; x=y" });
  });
});

describe("parseForm", () => {
  it("returns translation keys per field and what was typed, without the password", () => {
    const result = parseForm(signUpForm, form({ name: "", email: "x", password: "short", csrf: "token" }));
    expect(result).toEqual({
      ok: false,
      errors: { name: "error.required", email: "error.email", password: "error.passwordTooShort" },
      values: { name: "", email: "x" },
    });
  });

  it("normalises email and trims names on success", () => {
    const result = parseForm(signUpForm, form({ name: "  Rosa ", email: " Rosa@Example.ORG ", password: "long enough password" }));
    expect(result.ok && result.data).toEqual({ name: "Rosa", email: "rosa@example.org", password: "long enough password" });
  });

  it("turns empty optional association fields into nulls", () => {
    const result = parseForm(
      associationForm,
      form({ name: "A", slug: "a-b", locale: "es", timeZone: "America/Chicago", contactEmail: "a@b.org", contactPhone: " ", website: "" }),
    );
    expect(result.ok && result.data).toMatchObject({ contactPhone: null, website: null, locale: "es" });
  });
});
