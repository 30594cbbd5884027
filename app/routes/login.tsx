import { Link, redirect } from "react-router";
import type { Route } from "./+types/login";
import { logIn } from "../../src/commands/log-in.ts";
import { logInForm } from "../../src/forms/account-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { cookieNames, serializeCookie } from "../../src/server/cookies.ts";
import { knownDeviceCookie, knownDeviceUser } from "../lib/known-device.server.ts";
import { AppForm, ErrorSummary, TextField } from "../components/form.tsx";
import { currentUser, invalid, invalidForm, run, safeRedirectPath, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

export function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/account");
  if (currentUser(context)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  if (currentUser(context)) throw redirect("/account");
  const formData = await request.formData();
  const parsed = parseForm(logInForm, formData);
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, logIn, { ...parsed.data, knownDeviceUserId: knownDeviceUser(context, request) });
  if (!result.ok) return invalid(result.errors, parsed.values, { retryAfterMinutes: null });
  const attempt = result.value;
  if (!attempt.signedIn) {
    const status = attempt.retryAfterMinutes ? 429 : 400;
    return invalid(attempt.errors, parsed.values, { retryAfterMinutes: attempt.retryAfterMinutes ?? null }, status);
  }
  const headers = new Headers();
  const secure = services(context).config.baseUrl.startsWith("https:");
  headers.append(
    "Set-Cookie",
    serializeCookie(cookieNames.session, attempt.sessionToken, { secure, maxAgeSeconds: Math.floor((attempt.expiresAt.getTime() - Date.now()) / 1000) }),
  );
  headers.append("Set-Cookie", knownDeviceCookie(context, attempt.userId));
  throw redirect(safeRedirectPath(formData.get("redirectTo"), "/account"), { headers });
}

export default function LogIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const labels = { email: t("field.email"), password: t("field.password") };
  const formError = actionData?.errors.form;
  return (
    <section className="narrow">
      <PageTitle title={t("logIn.title")} />
      <h1>{t("logIn.title")}</h1>
      {formError ? (
        <div className="error-summary" role="alert">
          <p>{t(formError, { minutes: actionData?.retryAfterMinutes ?? 15 })}</p>
          {formError === "logIn.notVerified" ? <Link to="/verify-email">{t("verify.resendTitle")}</Link> : null}
        </div>
      ) : (
        <ErrorSummary state={actionData} fieldLabels={labels} />
      )}
      <AppForm>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField name="email" label={labels.email} state={actionData} type="email" autoComplete="email" required />
        <TextField name="password" label={labels.password} state={actionData} type="password" autoComplete="current-password" required />
        <button type="submit">{t("logIn.submit")}</button>
      </AppForm>
      <p>
        <Link to="/forgot-password">{t("logIn.forgot")}</Link>
      </p>
      <p>
        {t("logIn.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
      </p>
    </section>
  );
}
