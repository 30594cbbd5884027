import { z } from "zod";
import type { Locale } from "../../data/schema.ts";

/** The typed values the account commands take (the forms in src/forms/account-forms.ts check what people type). */
export const emailInput = z.email("error.email");
export const passwordInput = z.string().min(1, "error.required").max(200, "error.passwordTooLong");
export const newPasswordInput = passwordInput.min(10, "error.passwordTooShort");
export const localeInput = z.enum(["en", "es"] satisfies Locale[], "error.locale");
