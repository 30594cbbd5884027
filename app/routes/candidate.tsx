import { data } from "react-router";
import type { Route } from "./+types/candidate";
import { candidateProgress } from "../../src/queries/progress.ts";
import { PageTitle } from "../components/page-title.tsx";
import { currentUser, notFound, requireUser, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** A candidate's progress for their category: for the candidate, their advisor and the association's staff. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const page = await candidateProgress(services(context), currentUser(context), params.id);
  if (page === "not-found") notFound();
  if (page === "forbidden") {
    requireUser(context);
    throw data({ reason: "forbidden" }, { status: 403 });
  }
  return page;
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
