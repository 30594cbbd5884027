import { z } from "zod";

const trimmed = (max: number) => z.string().trim().min(1, "error.required").max(max, "error.tooLong");
const email = z
  .string()
  .trim()
  .min(1, "error.required")
  .max(254, "error.tooLong")
  .pipe(z.email("error.email"))
  .transform((value) => value.toLowerCase());
const newPassword = z.string().min(1, "error.required").min(10, "error.passwordTooShort").max(200, "error.passwordTooLong");
const locale = z.enum(["en", "es"], "error.locale");

export const signUpForm = z.object({ name: trimmed(120), email, password: newPassword });
export const logInForm = z.object({ email, password: z.string().min(1, "error.required").max(200, "error.passwordTooLong") });
export const emailOnlyForm = z.object({ email });
export const resetPasswordForm = z.object({ token: z.string().min(1, "error.required"), password: newPassword });
export const languageForm = z.object({ locale, redirectTo: z.string().optional() });
