import { Link } from "react-router";
import type { Route } from "./+types/progress";
import type { Measure } from "../../src/domain/report.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { unitText } from "../../src/i18n/report-text.ts";
import { explainedAtOnce, progressOf } from "../../src/queries/progress.ts";
import { PageTitle } from "../components/page-title.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { authorize, services } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * For each association the person belongs to, every category of its frameworks, closest first, as
 * of today where they are; the closest explained, any other on asking (`?open=framework/category`).
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.viewOwnProgress);
  return progressOf(services(context), user, new URL(request.url).searchParams.get("open"));
}

type Category = Route.ComponentProps["loaderData"]["associations"][number]["frameworks"][number]["categories"][number];

function CategoryHeading({ category }: { category: Category }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <>
      <strong>{`${category.abbreviation}: ${category.name[locale]}`}</strong> <StatusBadge status={category.status} />{" "}
      {t("progress.overall", { percent: Math.round(category.progress * 100) })}
      {category.status === "met" ? null : ` (${t("progress.remaining", { count: category.remaining })})`}
    </>
  );
}

function ExplainedCategory({ category, requirements, anchor }: { category: Category; requirements: NonNullable<Category["requirements"]>; anchor: string }) {
  const t = useTranslate();
  const shown = useReportText();
  return (
    <details open className="category" id={anchor}>
      <summary>
        <CategoryHeading category={category} />
      </summary>
      <ul className="requirements">
        {requirements.map((requirement) => (
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
  );
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
          {association.frameworks.map((framework) => {
            const anchorOf = (category: Category) => `${association.slug}-${framework.id}-${category.id}`;
            const explained = framework.categories.filter((category, index) => index < explainedAtOnce && category.requirements);
            const others = framework.categories.slice(explained.length);
            return (
              <div key={framework.id}>
                <h3>{framework.name}</h3>
                <h4>{t("progress.closest")}</h4>
                {explained.map((category) => (
                  <ExplainedCategory key={category.id} category={category} requirements={category.requirements!} anchor={anchorOf(category)} />
                ))}
                {others.length > 0 ? <h4>{t("progress.allCategories")}</h4> : null}
                <ul className="categories">
                  {others.map((category) =>
                    category.requirements ? (
                      <li key={category.id}>
                        <ExplainedCategory category={category} requirements={category.requirements} anchor={anchorOf(category)} />
                      </li>
                    ) : (
                      <li key={category.id} id={anchorOf(category)}>
                        <CategoryHeading category={category} />{" "}
                        <Link to={`?open=${encodeURIComponent(`${framework.id}/${category.id}`)}#${anchorOf(category)}`}>
                          {t("progress.explain", { category: category.abbreviation })}
                        </Link>
                      </li>
                    ),
                  )}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
      <p>
        <Link to="/portfolio">{t("nav.portfolio")}</Link>
      </p>
    </section>
  );
}
