import type { Route } from "./+types/candidate";
import { candidateProgress } from "../../src/queries/progress.ts";
import { PageTitle } from "../components/page-title.tsx";
import { read, requireUser } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * A candidate's progress for their category: for the candidate, their advisor and the association's
 * staff. 401 for nobody before anything is read; 404 for anyone else, as for no such candidacy.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, candidateProgress, params.id);
}

export default function Candidate({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
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
              <span className={`status status-${requirement.status}`}>{t(`progress.status.${requirement.status}`)}</span> {shown(requirement.label)}
            </p>
            {requirement.missing ? <p className="missing">{shown(requirement.missing)}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
