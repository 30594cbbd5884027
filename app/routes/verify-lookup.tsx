import { redirect } from "react-router";
import type { Route } from "./+types/verify-lookup";
import { credentialLookupQuery } from "../../src/forms/credential-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { CredentialLookup } from "../components/credential-lookup.tsx";
import { ErrorSummary } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";
import { invalidForm } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export const handle = noScript;

/** "Check a credential": the number typed goes to its verification page; one that cannot be a number is said so next to the field. */
export function loader({ request }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  if (!query.has("number")) return null;
  const typed = new FormData();
  typed.set("number", query.get("number") ?? "");
  const parsed = parseForm(credentialLookupQuery, typed);
  if (!parsed.ok) return invalidForm(parsed);
  throw redirect(`/verify/${encodeURIComponent(parsed.data.number)}`);
}

export default function VerifyLookup({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const failed = loaderData ?? undefined;
  return (
    <section>
      <PageTitle title={t("verification.lookupTitle")} />
      <h1>{t("verification.lookupTitle")}</h1>
      <p>{t("verification.lookupIntro")}</p>
      <ErrorSummary state={failed} fieldLabels={{ number: t("verification.lookupField") }} />
      <CredentialLookup state={failed} />
    </section>
  );
}
