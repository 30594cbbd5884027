import { Link, redirect } from "react-router";
import type { Route } from "./+types/signup";
import { signUp } from "../../src/commands/sign-up.ts";
import { signUpForm } from "../../src/forms/account-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { AppForm, ErrorSummary, TextField } from "../components/form.tsx";
import { currentUser, invalid, invalidForm, requestState, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

export function loader({ context }: Route.LoaderArgs) {
  if (currentUser(context)) throw redirect("/account");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  if (currentUser(context)) throw redirect("/account");
  const parsed = parseForm(signUpForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, signUp, { ...parsed.data, locale: requestState(context).locale });
  // Refused only for too many sign-ups from this client address; an address with an account gets the same answer as a new one.
  if (!result.ok) return invalid(result.errors, parsed.values, { retryAfterMinutes: result.retryAfterMinutes ?? null }, result.retryAfterMinutes ? 429 : 400);
  return { ok: true as const, email: parsed.data.email };
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (actionData?.ok) {
    return (
      <section>
        <PageTitle title={t("signUp.checkEmailTitle")} />
        <h1>{t("signUp.checkEmailTitle")}</h1>
        <p role="status">{t("signUp.checkEmail", { email: actionData.email })}</p>
        <p>
          {t("signUp.checkInbox")} <Link to="/verify-email">{t("verify.resendTitle")}</Link>
        </p>
      </section>
    );
  }
  const state = actionData;
  const labels = { name: t("field.name"), email: t("field.email"), password: t("field.password") };
  const rateLimited = state && "retryAfterMinutes" in state ? state.retryAfterMinutes : null;
  return (
    <section className="narrow">
      <PageTitle title={t("signUp.title")} />
      <h1>{t("signUp.title")}</h1>
      {rateLimited ? (
        <p className="error-summary" role="alert">
          {t("logIn.rateLimited", { minutes: rateLimited })}
        </p>
      ) : (
        <ErrorSummary state={state} fieldLabels={labels} />
      )}
      <AppForm>
        <TextField name="name" label={labels.name} state={state} autoComplete="name" required />
        <TextField name="email" label={labels.email} state={state} type="email" autoComplete="email" hint={t("field.emailHint")} required />
        <TextField name="password" label={labels.password} state={state} type="password" autoComplete="new-password" hint={t("field.passwordHint")} required />
        <button type="submit">{t("signUp.submit")}</button>
      </AppForm>
      <p>
        {t("signUp.haveAccount")} <Link to="/login">{t("nav.logIn")}</Link>
      </p>
    </section>
  );
}
