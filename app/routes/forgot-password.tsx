import type { Route } from "./+types/forgot-password";
import { requestPasswordReset } from "../../src/commands/request-password-reset.ts";
import { emailOnlyForm } from "../../src/forms/account-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { AppForm, ErrorSummary, TextField } from "../components/form.tsx";
import { invalid, invalidForm, requestState, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(emailOnlyForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, requestPasswordReset, { email: parsed.data.email, locale: requestState(context).locale });
  if (!result.ok) return invalid(result.errors, parsed.values, { retryAfterMinutes: result.retryAfterMinutes ?? null }, result.retryAfterMinutes ? 429 : 400);
  return { ok: true as const, email: parsed.data.email };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (actionData?.ok) {
    return (
      <section className="narrow">
        <PageTitle title={t("forgot.title")} />
        <h1>{t("forgot.title")}</h1>
        <p role="status">{t("forgot.sent", { email: actionData.email })}</p>
      </section>
    );
  }
  const rateLimited = actionData && "retryAfterMinutes" in actionData ? actionData.retryAfterMinutes : null;
  return (
    <section className="narrow">
      <PageTitle title={t("forgot.title")} />
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.intro")}</p>
      {rateLimited ? (
        <p className="error-summary" role="alert">
          {t("logIn.rateLimited", { minutes: rateLimited })}
        </p>
      ) : (
        <ErrorSummary state={actionData} fieldLabels={{ email: t("field.email") }} />
      )}
      <AppForm>
        <TextField name="email" label={t("field.email")} state={actionData} type="email" autoComplete="email" required />
        <button type="submit">{t("forgot.submit")}</button>
      </AppForm>
    </section>
  );
}
