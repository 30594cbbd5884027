import type { Route } from "./+types/association-applications";
import { markFeePaid, markTranscriptsReceived } from "../../src/commands/record-for-applicant.ts";
import { listSubmittedApplicationsOfAssociation } from "../../src/data/applications.ts";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { commands, invalid, services } from "../lib/route-context.server.ts";
import { associationForStaff, categoryName } from "../lib/staff-pages.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** Staff record what arrives outside Cradle: the fee and the official transcripts. Review itself is a later issue. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { association } = await associationForStaff(context, params.slug);
  const applications = await listSubmittedApplicationsOfAssociation(services(context).db, association.id);
  return {
    association: association.name,
    applications: applications.map((application) => ({
      id: application.id,
      name: application.name,
      status: application.status,
      category: categoryName(context, application.framework_id, application.category_id),
      submitted: application.submitted_at?.toISOString().slice(0, 10) ?? "",
      feeCents: application.fee_cents,
      feePaid: application.fee_paid_at?.toISOString().slice(0, 10) ?? null,
    })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { actor } = await associationForStaff(context, params.slug);
  const form = await request.formData();
  const applicationId = String(form.get("applicationId") ?? "");
  const record = form.get("intent") === "transcripts" ? markTranscriptsReceived : markFeePaid;
  const result = await record(commands(context), actor, applicationId);
  if (!result.ok) return invalid(result.errors, {});
  return { ok: true as const, applicationId };
}

export default function AssociationApplications({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = `${loaderData.association}: ${t("staffApplications.title")}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {actionData && "ok" in actionData ? (
        <p role="status" className="notice">
          {t("staffApplications.recorded")}
        </p>
      ) : null}
      {loaderData.applications.length === 0 ? <p className="muted">{t("staffApplications.none")}</p> : null}
      {loaderData.applications.map((application) => (
        <article key={application.id} className="category">
          <h2>{`${application.name}: ${application.category[locale]}`}</h2>
          <p>
            {`${t(`application.status.${application.status}`)} · ${application.submitted} · `}
            {application.feePaid
              ? t("staffApplications.feePaid", { date: application.feePaid })
              : application.feeCents !== null
                ? t("staffApplications.feeDue", { amount: `$${(application.feeCents / 100).toFixed(2)}` })
                : t("application.noFee")}
          </p>
          <AppForm className="inline-form">
            <input type="hidden" name="applicationId" value={application.id} />
            {application.feePaid ? null : (
              <button type="submit" name="intent" value="fee" className="secondary-button">
                {t("staffApplications.markFee")}
              </button>
            )}{" "}
            <button type="submit" name="intent" value="transcripts" className="secondary-button">
              {t("staffApplications.markTranscripts")}
            </button>
          </AppForm>
        </article>
      ))}
    </section>
  );
}
