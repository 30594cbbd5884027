import { Link } from "react-router";
import type { Route } from "./+types/verify-email";
import { resendVerification } from "../../src/commands/resend-verification.ts";
import { verifyEmail } from "../../src/commands/verify-email.ts";
import { emailOnlyForm } from "../../src/forms/account-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { AppForm, ErrorSummary, TextField } from "../components/form.tsx";
import { liveEmailLink } from "../../src/queries/account.ts";
import { invalid, invalidForm, requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

/** Opening the emailed link confirms the address; without a token the page offers a new link. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return { outcome: null };
  const { db, now } = services(context);
  const link = await liveEmailLink(db, "verify-email", token, now());
  const result = link && (await run(context, verifyEmail, { token }, { kind: "link", purpose: "verify-email", linkId: link.linkId }));
  return { outcome: result?.ok ? ("verified" as const) : ("invalid" as const) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(emailOnlyForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, resendVerification, { email: parsed.data.email, locale: requestState(context).locale });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { ok: true as const, email: parsed.data.email };
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (loaderData.outcome === "verified") {
    return (
      <section className="narrow">
        <PageTitle title={t("verify.title")} />
        <h1>{t("verify.title")}</h1>
        <p role="status">{t("verify.done")}</p>
        <p>
          <Link to="/login" className="button">
            {t("nav.logIn")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <PageTitle title={t("verify.resendTitle")} />
      <h1>{t("verify.resendTitle")}</h1>
      {loaderData.outcome === "invalid" ? <p role="alert">{t("verify.invalid")}</p> : null}
      {actionData?.ok ? (
        <p role="status">{t("verify.resent", { email: actionData.email })}</p>
      ) : (
        <>
          <ErrorSummary state={actionData} fieldLabels={{ email: t("field.email") }} />
          <AppForm>
            <TextField name="email" label={t("field.email")} state={actionData} type="email" autoComplete="email" required />
            <button type="submit">{t("verify.resendSubmit")}</button>
          </AppForm>
        </>
      )}
    </section>
  );
}
