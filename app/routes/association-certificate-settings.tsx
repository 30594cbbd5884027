import { readFile } from "node:fs/promises";
import { redirect } from "react-router";
import type { Route } from "./+types/association-certificate-settings";
import { removeLogo } from "../../src/commands/remove-association-logo.ts";
import { setAssociationLogo } from "../../src/commands/set-association-logo.ts";
import { setLinkedInOrganization } from "../../src/commands/set-linkedin-organization.ts";
import { linkedInOrganizationForm } from "../../src/forms/certificate-settings-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { maxLogoBytes } from "../../src/limits.ts";
import { certificateSettingsPage } from "../../src/queries/certificate-settings.ts";
import { AppForm, describedBy, ErrorSummary, Field, type FormState, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { withUpload } from "../lib/read-upload.server.ts";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

const savedNotices = {
  logo: "certificateSettings.logoSaved",
  "logo-removed": "certificateSettings.logoRemoved",
  linkedin: "certificateSettings.linkedInSaved",
} as const;
const isSavedNotice = (value: string | null): value is keyof typeof savedNotices => value !== null && value in savedNotices;

/** Staff set what their association's certificates show (its logo) and its LinkedIn organisation id. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const saved = new URL(request.url).searchParams.get("saved");
  return { ...(await read(context, certificateSettingsPage, params.slug)), saved: isSavedNotice(saved) ? saved : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association } = await read(context, certificateSettingsPage, params.slug);
  const here = `/a/${association.slug}/certificate-settings`;
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return withUpload(request, context, maxLogoBytes, async ({ files }) => {
      const file = files.get("logo");
      if (!file || file.sizeBytes === 0) return invalid({ logo: "import.noFile" }, {});
      if (file.isOverLimit) return invalid({ logo: "certificateSettings.error.logoTooBig" }, {});
      const result = await run(context, setAssociationLogo, { associationId: association.id, logo: new Uint8Array(await readFile(file.path)) });
      if (!result.ok) return invalid(result.errors, {});
      throw redirect(`${here}?saved=logo`);
    });
  }
  const form = await request.formData();
  if (form.get("intent") === "remove-logo") {
    const result = await run(context, removeLogo, { associationId: association.id });
    if (!result.ok) return invalid(result.errors, {});
    throw redirect(`${here}?saved=logo-removed`);
  }
  const parsed = parseForm(linkedInOrganizationForm, form);
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, setLinkedInOrganization, { associationId: association.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`${here}?saved=linkedin`);
}

export default function AssociationCertificateSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association, logo, linkedinOrganizationId, saved } = loaderData;
  const state: FormState = actionData && !actionData.ok ? actionData : undefined;
  const logoError = state?.errors?.logo;
  const title = `${association.name}: ${t("certificateSettings.title")}`;
  const labels = { logo: t("certificateSettings.logo"), linkedinOrganizationId: t("certificateSettings.linkedInId") };
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {saved && !actionData ? (
        <p role="status" className="notice">
          {t(savedNotices[saved])}
        </p>
      ) : null}
      <p>{t("certificateSettings.intro")}</p>
      <ErrorSummary state={state} fieldLabels={labels} />
      <p>{logo ? t("certificateSettings.logoSet", { type: logo.type, size: logo.sizeKb }) : t("certificateSettings.noLogo")}</p>
      <AppForm encType="multipart/form-data">
        <Field name="logo" label={labels.logo} hint={t("certificateSettings.logoHint")} error={logoError ? t(logoError) : undefined}>
          <input
            id="field-logo"
            type="file"
            name="logo"
            accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            aria-invalid={logoError ? true : undefined}
            aria-describedby={describedBy("logo", t("certificateSettings.logoHint"), logoError)}
          />
        </Field>
        <button type="submit">{t("certificateSettings.saveLogo")}</button>
      </AppForm>
      {logo ? (
        <AppForm>
          <input type="hidden" name="intent" value="remove-logo" />
          <button type="submit" className="secondary-button">
            {t("certificateSettings.removeLogo")}
          </button>
        </AppForm>
      ) : null}
      <AppForm>
        <TextField
          name="linkedinOrganizationId"
          label={labels.linkedinOrganizationId}
          hint={t("certificateSettings.linkedInHint")}
          state={state}
          defaultValue={linkedinOrganizationId ?? ""}
          inputMode="numeric"
        />
        <button type="submit">{t("certificateSettings.saveLinkedIn")}</button>
      </AppForm>
    </section>
  );
}
