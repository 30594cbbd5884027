import { Link } from "react-router";
import type { Route } from "./+types/association-reviewer";
import { setReviewerProfile } from "../../src/commands/set-reviewer-profile.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { reviewerProfileForm } from "../../src/forms/reviewer-profile-form.ts";
import { staffReviewerPage } from "../../src/queries/reviewers.ts";
import { AppForm, describedBy, ErrorSummary, Field, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** Staff record what a reviewer holds, how many open applications they take and when they are away (decision 026). */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { association, endorsements, reviewer } = await read(context, staffReviewerPage, params.slug, params.userId);
  return { association: association.name, slug: association.slug, endorsements, reviewer };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association, reviewer } = await read(context, staffReviewerPage, params.slug, params.userId);
  const parsed = parseForm(reviewerProfileForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const { endorsement, ...profile } = parsed.data;
  const [frameworkId = "", categoryId = ""] = endorsement.split("/");
  const result = await run(context, setReviewerProfile, { associationId: association.id, userId: reviewer.id, frameworkId, categoryId, ...profile });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { ok: true as const };
}

export default function AssociationReviewer({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { reviewer } = loaderData;
  const state = actionData && !actionData.ok ? actionData : undefined;
  const title = `${reviewer.name}: ${t("reviewers.title")}`;
  const kept = (name: string, fallback: string) => {
    const value = state?.values?.[name];
    return typeof value === "string" ? value : fallback;
  };
  const endorsementError = state?.errors?.endorsement;
  return (
    <section>
      <PageTitle title={title} />
      <p>
        <Link to={`/a/${loaderData.slug}/applications`}>{`${loaderData.association}: ${t("staffApplications.title")}`}</Link>
      </p>
      <h1>{title}</h1>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("reviewers.saved")}
        </p>
      ) : null}
      <p>{t("reviewers.intro")}</p>
      <p>
        {t("reviewers.openNow", { open: reviewer.openLoad })}
        {reviewer.recorded ? null : ` ${t("reviewers.notRecorded")}`}
      </p>
      <ErrorSummary
        state={state}
        fieldLabels={{
          endorsement: t("reviewers.endorsement"),
          heldSince: t("reviewers.heldSince"),
          maxOpen: t("reviewers.maxOpen"),
          unavailable: t("reviewers.unavailable"),
        }}
      />
      <AppForm>
        <Field name="endorsement" label={t("reviewers.endorsement")} error={endorsementError ? t(endorsementError) : undefined}>
          <select
            id="field-endorsement"
            name="endorsement"
            defaultValue={kept("endorsement", reviewer.endorsement)}
            aria-invalid={endorsementError ? true : undefined}
            aria-describedby={describedBy("endorsement", undefined, endorsementError)}
          >
            <option value="">{t("error.choose")}</option>
            {loaderData.endorsements.map((group) => (
              <optgroup key={group.framework} label={group.framework}>
                {group.categories.map((category) => (
                  <option key={category.value} value={category.value}>
                    {category.name[locale]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <TextField name="heldSince" label={t("reviewers.heldSince")} state={state} type="date" defaultValue={reviewer.heldSince} />
        <TextField
          name="maxOpen"
          label={t("reviewers.maxOpen")}
          state={state}
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          defaultValue={reviewer.maxOpen}
        />
        <TextAreaField
          name="unavailable"
          label={t("reviewers.unavailable")}
          hint={t("reviewers.unavailableHint")}
          state={state}
          defaultValue={reviewer.unavailable}
          rows={4}
        />
        <button type="submit">{t("reviewers.save", { name: reviewer.name })}</button>
      </AppForm>
    </section>
  );
}
