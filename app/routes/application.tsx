import type { Route } from "./+types/application";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { withdrawApplication } from "../../src/commands/withdraw-application.ts";
import { findApplicationOfUser, findSnapshot, listApplicationHistory } from "../../src/data/applications.ts";
import { findAssociationById } from "../../src/data/associations.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { evaluate } from "../../src/domain/evaluate.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { today as todayIn } from "../../src/domain/dates.ts";
import { authorize, invalid, notFound, run, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

async function load(context: Route.LoaderArgs["context"], userId: string, id: string) {
  const { db, frameworks } = services(context);
  const application = (await findApplicationOfUser(db, userId, id)) ?? notFound();
  const framework = frameworks.find((candidate) => candidate.id === application.framework_id) ?? notFound();
  const category = framework.categories.find((candidate) => candidate.id === application.category_id) ?? notFound();
  return { application, framework, category };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const { application, framework, category } = await load(context, user.userId, params.id);
  const { db, now } = services(context);
  const [association, events, snapshot, { portfolio }] = await Promise.all([
    findAssociationById(db, application.association_id),
    listApplicationHistory(db, application.id),
    findSnapshot(db, application.id),
    findPortfolio(db, user.userId),
  ]);
  // The check assumes the code of ethics signed below: submitting signs it.
  const today = todayIn(association?.time_zone ?? "UTC", now());
  const asSubmitted = { ...portfolio, attestations: { ...portfolio.attestations, codeOfEthicsSigned: today } };
  const report = application.status === "draft" ? evaluate(framework, category, asSubmitted, today) : null;
  return {
    id: application.id,
    status: application.status,
    category: category.name,
    association: association?.name ?? "",
    feeCents: application.fee_cents,
    unmet: report ? report.requirements.filter((r) => r.stage === "application" && r.status !== "met" && r.status !== "needs-review").map((r) => ({ id: r.id, label: r.label, missing: r.missing })) : [],
    events: events.map((event) => ({ status: event.status, at: event.created_at.toISOString().slice(0, 16).replace("T", " ") })),
    snapshotHash: snapshot?.sha256 ?? null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  await load(context, user.userId, params.id);
  const form = await request.formData();
  if (form.get("intent") === "withdraw") {
    const result = await run(context, withdrawApplication, { applicationId: params.id });
    return result.ok ? { done: "withdrawn" as const } : invalid(result.errors, {});
  }
  const result = await run(context, submitApplication, { applicationId: params.id, attests: form.get("attest") === "on", signsEthics: form.get("ethics") === "on" });
  if (!result.ok) return invalid(result.errors, {});
  return { done: "submitted" as const };
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  const title = t("application.title", { category: loaderData.category[locale] });
  const fee = loaderData.feeCents === null ? t("application.noFee") : t("application.fee", { amount: `$${(loaderData.feeCents / 100).toFixed(2)}` });
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>
        {t("application.association", { association: loaderData.association })} · <span className="status">{t(`application.status.${loaderData.status}`)}</span>
      </p>
      {actionData && "done" in actionData ? (
        <p role="status" className="notice">
          {t(actionData.done === "submitted" ? "application.submitted" : "application.withdrawn")}
        </p>
      ) : null}
      {errors.form ? (
        <p role="alert" className="error-summary">
          {t(errors.form)}
        </p>
      ) : null}
      {loaderData.status === "draft" ? (
        <>
          <h2>{t("application.check")}</h2>
          {loaderData.unmet.length === 0 ? (
            <p>{t("application.allMet")}</p>
          ) : (
            <>
              <p className="notice">{t("application.someUnmet")}</p>
              <ul>
                {loaderData.unmet.map((requirement) => (
                  <li key={requirement.id}>
                    <strong>{requirement.label[locale]}</strong>
                    {requirement.missing ? `: ${requirement.missing[locale]}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{fee}</p>
          <AppForm>
            {(["attest", "ethics"] as const).map((name) => (
              <div key={name} className={errors[name] ? "field field-check field-invalid" : "field field-check"}>
                <input id={`field-${name}`} type="checkbox" name={name} aria-describedby={errors[name] ? `error-${name}` : undefined} />
                <label htmlFor={`field-${name}`}>{t(name === "attest" ? "application.attest" : "application.ethics")}</label>
                {errors[name] ? (
                  <p className="field-error" id={`error-${name}`}>
                    {t("error.required")}
                  </p>
                ) : null}
              </div>
            ))}
            <button type="submit" name="intent" value="submit">
              {t("application.submit")}
            </button>
          </AppForm>
        </>
      ) : null}
      {loaderData.snapshotHash ? <p className="muted hash">{t("application.snapshot", { hash: loaderData.snapshotHash })}</p> : null}
      {loaderData.status === "submitted" ? (
        <AppForm>
          <button type="submit" name="intent" value="withdraw" className="secondary-button">
            {t("application.withdraw")}
          </button>
        </AppForm>
      ) : null}
      <h2>{t("application.history")}</h2>
      <ol>
        {loaderData.events.map((event, index) => (
          <li key={index}>{`${event.at} UTC: ${t(`application.status.${event.status as "draft"}`)}`}</li>
        ))}
      </ol>
    </section>
  );
}
