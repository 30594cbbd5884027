import { Link, redirect } from "react-router";
import type { Route } from "./+types/progress";
import type { MeasureWithEntered } from "../../src/domain/hours-entered.ts";
import { chooseCategoryTarget } from "../../src/commands/choose-category-target.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { progressAction } from "../../src/forms/portfolio-actions.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { explainedAtOnce, progressOf } from "../../src/queries/progress.ts";
import { AppForm } from "../components/form.tsx";
import { MeasureList } from "../components/measure-list.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { authorize, invalidForm, notFound, run, services } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * For each association the person belongs to, every category of its frameworks, closest first, as
 * of today where they are; the closest explained, any other on asking (`?open=framework/category`).
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.viewOwnProgress);
  return { ...(await progressOf(services(context), user, new URL(request.url).searchParams.get("open"))), explainedAtOnce };
}

/** Marks a category as one the person works toward, or stops; back to it on the page. */
export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, portfolioPolicy.editOwn);
  const parsed = parseForm(progressAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const [frameworkId = "", categoryId = ""] = parsed.data.category.split("/");
  const result = await run(context, chooseCategoryTarget, { frameworkId, categoryId, isTarget: parsed.data.intent === "target" });
  if (!result.ok) notFound();
  throw redirect("/progress");
}

type Category = Route.ComponentProps["loaderData"]["associations"][number]["frameworks"][number]["categories"][number];

function CategoryHeading({ category }: { category: Category }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <>
      {category.isTarget ? <span className="status target">{t("progress.targetBadge")}</span> : null}{" "}
      <strong>{`${category.abbreviation}: ${category.name[locale]}`}</strong> <StatusBadge status={category.status} />{" "}
      {t("progress.overall", { percent: Math.round(category.progress * 100) })}
      {category.status === "met" ? null : ` (${t("progress.remaining", { count: category.remaining })})`}
    </>
  );
}

/** Works without JavaScript: a form per category, one button. */
function TargetButton({ category, frameworkId }: { category: Category; frameworkId: string }) {
  const t = useTranslate();
  return (
    <AppForm className="inline-form">
      <input type="hidden" name="category" value={`${frameworkId}/${category.id}`} />
      <button type="submit" name="intent" value={category.isTarget ? "untarget" : "target"} className="link-button">
        {t(category.isTarget ? "progress.untarget" : "progress.target", { category: category.abbreviation })}
      </button>
    </AppForm>
  );
}

function ExplainedCategory({
  category,
  requirements,
  anchor,
  frameworkId,
}: {
  category: Category;
  requirements: NonNullable<Category["requirements"]>;
  anchor: string;
  frameworkId: string;
}) {
  const t = useTranslate();
  const shown = useReportText();
  return (
    <details open className="category" id={anchor}>
      <summary>
        <CategoryHeading category={category} />
      </summary>
      <TargetButton category={category} frameworkId={frameworkId} />
      <ul className="requirements">
        {requirements.map((requirement) => (
          <li key={`${requirement.id}-${requirement.stage}`}>
            <p>
              <StatusBadge status={requirement.status} /> {shown(requirement.label)}
              {requirement.stage === "after-review" ? ` (${t("progress.afterReview")})` : ""}
            </p>
            {requirement.measures.length > 0 ? <MeasureList measures={requirement.measures} total={requirement.total} /> : null}
            {[...requirement.measures, requirement.total].some(isShortOfEntered) ? (
              // The portfolio gives each entry's reasons for the categories worked toward only.
              category.isTarget ? (
                <p>
                  <Link to={`/portfolio${requirement.portfolioSection ? `#${requirement.portfolioSection}` : ""}`}>{t("progress.whyNotCounted")}</Link>
                </p>
              ) : (
                <p className="hint">{t("progress.whyNotCountedTarget", { category: category.abbreviation })}</p>
              )
            ) : null}
            {requirement.missing ? <p className="missing">{shown(requirement.missing)}</p> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

type Hours = Pick<MeasureWithEntered, "have" | "need" | "entered">;

/** Hours entered that did not count, while more are needed: worth a look at the portfolio's reasons. */
function isShortOfEntered(hours: Hours | null): boolean {
  return hours?.entered !== undefined && hours.entered > hours.have && hours.need !== null && hours.have < hours.need;
}

export default function Progress({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <section>
      <PageTitle title={t("progress.title")} />
      <h1>{t("progress.title")}</h1>
      <p>{t("progress.intro")}</p>
      <p>{t("progress.enteredExplained")}</p>
      <p className="muted">{t("progress.asOf", { date: loaderData.today })}</p>
      {loaderData.associations.length === 0 ? <p>{t("progress.noMemberships")}</p> : null}
      {loaderData.associations.map((association) => (
        <section key={association.slug} aria-labelledby={`association-${association.slug}`}>
          <h2 id={`association-${association.slug}`}>{association.name}</h2>
          {association.frameworks.length === 0 ? <p>{t("progress.noFrameworks")}</p> : null}
          {association.frameworks.map((framework) => {
            const anchorOf = (category: Category) => `${association.slug}-${framework.id}-${category.id}`;
            // The categories worked toward, or else the closest few, come first and explained.
            const explained = framework.categories.filter(
              (category, index) => (category.isTarget || index < loaderData.explainedAtOnce) && category.requirements,
            );
            const others = framework.categories.slice(explained.length);
            return (
              <div key={framework.id}>
                <h3>{framework.name}</h3>
                <h4>{t(explained.some((category) => category.isTarget) ? "progress.targets" : "progress.closest")}</h4>
                {explained.map((category) => (
                  <ExplainedCategory
                    key={category.id}
                    category={category}
                    requirements={category.requirements!}
                    anchor={anchorOf(category)}
                    frameworkId={framework.id}
                  />
                ))}
                {others.length > 0 ? <h4>{t("progress.allCategories")}</h4> : null}
                <ul className="categories">
                  {others.map((category) =>
                    category.requirements ? (
                      <li key={category.id}>
                        <ExplainedCategory category={category} requirements={category.requirements} anchor={anchorOf(category)} frameworkId={framework.id} />
                      </li>
                    ) : (
                      <li key={category.id} id={anchorOf(category)}>
                        <CategoryHeading category={category} /> <TargetButton category={category} frameworkId={framework.id} />{" "}
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
