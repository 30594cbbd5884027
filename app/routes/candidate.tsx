import type { Route } from "./+types/candidate";
import { findCandidacy } from "../../src/data/candidacies.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { findUserById } from "../../src/data/users.ts";
import { evaluate } from "../../src/domain/evaluate.ts";
import { candidacyPolicy } from "../../src/policies/candidacy.ts";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, notFound, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** A candidate's progress for their category: for the candidate, their advisor and the association's staff. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, frameworks, now } = services(context);
  const candidacy = (await findCandidacy(db, params.id)) ?? notFound();
  authorize(context, (actor) => candidacyPolicy.viewProgress(actor, candidacy));
  const framework = frameworks.find((candidate) => candidate.id === candidacy.framework_id) ?? notFound();
  const category = framework.categories.find((candidate) => candidate.id === candidacy.category_id) ?? notFound();
  const [{ portfolio }, person, advisor] = await Promise.all([
    findPortfolio(db, candidacy.user_id),
    findUserById(db, candidacy.user_id),
    candidacy.advisor_user_id ? findUserById(db, candidacy.advisor_user_id) : undefined,
  ]);
  const report = evaluate(framework, category, portfolio, now().toISOString().slice(0, 10));
  return {
    name: person?.name ?? "",
    category: category.name,
    until: candidacy.expires_at.toISOString().slice(0, 10),
    advisor: advisor?.name ?? null,
    fee: candidacy.fee_cents,
    requirements: report.requirements.map((r) => ({ id: `${r.id}-${r.stage}`, label: r.label, status: r.status, missing: r.missing })),
  };
}

export default function Candidate({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = `${loaderData.name}: ${t("candidacy.until", { category: loaderData.category[locale], date: loaderData.until })}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{loaderData.advisor ? t("candidacy.advisor", { name: loaderData.advisor }) : t("candidacy.noAdvisor")}</p>
      {loaderData.fee !== null ? <p>{t("candidacy.fee", { amount: `$${(loaderData.fee / 100).toFixed(2)}` })}</p> : null}
      <ul className="requirements">
        {loaderData.requirements.map((requirement) => (
          <li key={requirement.id}>
            <p>
              <span className={`status status-${requirement.status}`}>{t(`progress.status.${requirement.status}`)}</span> {requirement.label[locale]}
            </p>
            {requirement.missing ? <p className="missing">{requirement.missing[locale]}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
