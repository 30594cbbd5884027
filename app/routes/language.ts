import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { setLanguage } from "../../src/commands/set-language.ts";
import { languageForm } from "../../src/forms/account-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { cookieNames, serializeCookie } from "../../src/server/cookies.ts";
import { currentUser, run, safeRedirectPath, services } from "../lib/route-context.server.ts";

export function loader() {
  return redirect("/");
}

/** Saves the choice in a cookie for everyone and on the account for a signed-in person (audited). */
export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(languageForm, formData);
  const back = safeRedirectPath(formData.get("redirectTo"));
  if (!parsed.ok) return redirect(back);
  if (currentUser(context)) await run(context, setLanguage, { locale: parsed.data.locale });
  const cookie = serializeCookie(cookieNames.locale, parsed.data.locale, {
    secure: services(context).config.baseUrl.startsWith("https:"),
    maxAgeSeconds: 365 * 24 * 3600,
  });
  return redirect(back, { headers: { "Set-Cookie": cookie } });
}
