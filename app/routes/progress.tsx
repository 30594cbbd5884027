import { Link } from "react-router";
import type { Route } from "./+types/progress";
import type { Measure } from "../../src/domain/report.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { unitText } from "../../src/i18n/report-text.ts";
import { progressOf } from "../../src/queries/progress.ts";
import { PageTitle } from "../components/page-title.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { authorize, services } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

const closestShown = 3;

/** For each association the person belongs to, every category of its frameworks, closest first, as of today where they are. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.viewOwnProgress);
  return progressOf(services(context), user);
}

function MeasureLine({ measure }: { measure: Measure }) {
  const t = useTranslate();
  const shown = useReportText();
  const unit = unitText(t, measure.unit, measure.need ?? measure.have);
  const text =
    measure.need === null ? t("progress.measureUnset", { have: measure.have, unit }) : t("progress.measure", { have: measure.have, need: measure.need, unit });
  return (
    <li>
      <span>{`${shown(measure.label)}: ${text}`}</span>
      {measure.need ? <progress value={Math.min(measure.have, measure.need)} max={measure.need} aria-hidden="true" /> : null}
    </li>
  );
}

export default function Progress({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  return (
    <section>
      <PageTitle title={t("progress.title")} />
      <h1>{t("progress.title")}</h1>
      <p>{t("progress.intro")}</p>
      <p className="muted">{t("progress.asOf", { date: loaderData.today })}</p>
      {loaderData.associations.length === 0 ? <p>{t("progress.noMemberships")}</p> : null}
      {loaderData.associations.map((association) => (
        <section key={association.slug} aria-labelledby={`association-${association.slug}`}>
          <h2 id={`association-${association.slug}`}>{association.name}</h2>
          {association.frameworks.length === 0 ? <p>{t("progress.noFrameworks")}</p> : null}
          {association.frameworks.map((framework) => (
            <div key={framework.id}>
              <h3>{framework.name}</h3>
              {framework.categories.map((category, index) => (
                <details key={category.id} open={index < closestShown} className="category">
                  <summary>
                    <strong>{`${category.abbreviation}: ${category.name[locale]}`}</strong> <StatusBadge status={category.status} />{" "}
                    {t("progress.overall", { percent: Math.round(category.progress * 100) })}
                  </summary>
                  <ul className="requirements">
                    {category.requirements.map((requirement) => (
                      <li key={`${requirement.id}-${requirement.stage}`}>
                        <p>
                          <StatusBadge status={requirement.status} /> {shown(requirement.label)}
                          {requirement.stage === "after-review" ? ` (${t("progress.afterReview")})` : ""}
                        </p>
                        {requirement.measures.length > 0 ? (
                          <ul className="measures">
                            {requirement.measures.map((measure) => (
                              <MeasureLine key={measure.id} measure={measure} />
                            ))}
                          </ul>
                        ) : null}
                        {requirement.missing ? <p className="missing">{shown(requirement.missing)}</p> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
            </div>
          ))}
        </section>
      ))}
      <p>
        <Link to="/portfolio">{t("nav.portfolio")}</Link>
      </p>
    </section>
  );
}
