import { Link } from "react-router";
import type { Route } from "./+types/reset-password";
import { resetPassword } from "../../src/commands/reset-password.ts";
import { liveEmailLink } from "../../src/queries/account.ts";
import { resetPasswordForm } from "../../src/forms/account-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { AppForm, ErrorSummary, TextField } from "../components/form.tsx";
import { invalid, invalidForm, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

/** The link only shows the form; the token is used when the new password is saved, so mail scanners cannot spend it. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const { db, now } = services(context);
  const link = await liveEmailLink(db, "reset-password", token, now());
  return { token: link ? token : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(resetPasswordForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const { db, now } = services(context);
  const link = await liveEmailLink(db, "reset-password", parsed.data.token, now());
  const result = link && (await run(context, resetPassword, parsed.data, { kind: "link", purpose: "reset-password", linkId: link.linkId }));
  if (result && !result.ok && !result.errors.form) return invalid(result.errors, parsed.values);
  return result?.ok ? { ok: true as const } : { ok: false as const, expired: true };
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (actionData?.ok) {
    return (
      <section className="narrow">
        <PageTitle title={t("reset.title")} />
        <h1>{t("reset.title")}</h1>
        <p role="status">{t("reset.done")}</p>
        <Link to="/login" className="button">
          {t("nav.logIn")}
        </Link>
      </section>
    );
  }
  if (!loaderData.token || (actionData && "expired" in actionData)) {
    return (
      <section className="narrow">
        <PageTitle title={t("reset.title")} />
        <h1>{t("reset.title")}</h1>
        <p role="alert">{t("reset.invalid")}</p>
        <Link to="/forgot-password">{t("forgot.title")}</Link>
      </section>
    );
  }
  const state = actionData && "errors" in actionData ? actionData : undefined;
  return (
    <section className="narrow">
      <PageTitle title={t("reset.title")} />
      <h1>{t("reset.title")}</h1>
      <ErrorSummary state={state} fieldLabels={{ password: t("field.newPassword") }} />
      <AppForm>
        <input type="hidden" name="token" value={loaderData.token} />
        <TextField
          name="password"
          label={t("field.newPassword")}
          state={state}
          type="password"
          autoComplete="new-password"
          hint={t("field.passwordHint")}
          required
        />
        <button type="submit">{t("reset.submit")}</button>
      </AppForm>
    </section>
  );
}
