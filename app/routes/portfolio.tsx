import { Link, redirect } from "react-router";
import type { Route } from "./+types/portfolio";
import { deletePortfolioEntry } from "../../src/commands/delete-portfolio-entry.ts";
import { restorePortfolioEntry } from "../../src/commands/restore-portfolio-entry.ts";
import { parseListQuery, portfolioQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { portfolioAction } from "../../src/forms/portfolio-actions.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { portfolioOverview } from "../../src/queries/portfolio.ts";
import { markAdviceDone } from "../../src/commands/mark-advice-done.ts";
import { adviceOnPortfolio } from "../../src/queries/advisory.ts";
import { AdviceList } from "../components/advice-list.tsx";
import { AppForm, ErrorSummary } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { authorize, invalid, invalidForm, notFound, requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { translator } from "../../src/i18n/translate.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const url = new URL(request.url);
  const [overview, advice] = await Promise.all([
    portfolioOverview(services(context), user, parseListQuery(portfolioQuery, request.url)),
    adviceOnPortfolio(services(context), user.userId),
  ]);
  const t = translator(requestState(context).locale);
  return {
    ...overview,
    advice,
    // Each entry's line in words, made here: naming its fields needs the form schemas, which stay on the server.
    sections: overview.sections.map((section) => ({
      ...section,
      entries: section.entries.map((entry) => ({ ...entry, summary: describeEntry(section.id, entry.fields, t) })),
    })),
    notice: url.searchParams.has("saved")
      ? ("saved" as const)
      : url.searchParams.has("deleted")
        ? ("deleted" as const)
        : url.searchParams.has("restored")
          ? ("restored" as const)
          : null,
    // The section an entry was just deleted from: its notice offers to put it back.
    deletedFrom: url.searchParams.get("deleted"),
    addedSessions: Number(url.searchParams.get("added") ?? 0) || 0,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, portfolioPolicy.editOwn);
  const parsed = parseForm(portfolioAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  if (parsed.data.intent === "advice") {
    const marked = await run(context, markAdviceDone, { commentId: parsed.data.commentId, done: parsed.data.done === "yes" });
    if (!marked.ok) notFound();
    return redirect("/portfolio#advice");
  }
  if (parsed.data.intent === "undo") {
    const { section } = parsed.data;
    const restored = await run(context, restorePortfolioEntry, { section });
    if (!restored.ok) return invalid(restored.errors, {});
    return redirect(`/portfolio?restored=1#${section}`);
  }
  const { section, entryId } = parsed.data;
  const deleted = await run(context, deletePortfolioEntry, { section, entryId });
  if (!deleted.ok) notFound();
  return redirect(`/portfolio?deleted=${encodeURIComponent(section)}#${section}`);
}

type Totals = NonNullable<Route.ComponentProps["loaderData"]["sections"][number]["totals"]>;

/** The hours a section lists, as typed: training's academic course hours apart, RS/C received and provided apart. */
function SectionTotals({ totals }: { totals: Totals }) {
  const t = useTranslate();
  if (totals.kind === "rsc") {
    const lines = [
      totals.received.entries > 0 ? t("portfolio.totalReceived", { hours: totals.received.hours, count: totals.received.entries }) : null,
      totals.provided.entries > 0 ? t("portfolio.totalProvided", { hours: totals.provided.hours, count: totals.provided.entries }) : null,
    ];
    return <p>{lines.filter(Boolean).join(" · ")}</p>;
  }
  const text = t("portfolio.totalHours", { hours: totals.hours, count: totals.entries });
  const academic = totals.kind === "training" && totals.academicHours > 0 ? `, ${t("portfolio.totalAcademic", { hours: totals.academicHours })}` : "";
  return <p>{text + academic}</p>;
}

export default function Portfolio({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <section>
      <PageTitle title={t("portfolio.title.page")} />
      <h1>{t("portfolio.title.page")}</h1>
      <p>{t("portfolio.intro")}</p>
      <ErrorSummary state={actionData} fieldLabels={{}} />
      {loaderData.notice ? (
        <div role="status" className="notice">
          <p>{t(loaderData.notice === "saved" ? "portfolio.saved" : loaderData.notice === "restored" ? "portfolio.restored" : "portfolio.deleted")}</p>
          {loaderData.notice === "deleted" && loaderData.deletedFrom ? (
            <AppForm>
              <input type="hidden" name="intent" value="undo" />
              <input type="hidden" name="section" value={loaderData.deletedFrom} />
              <button type="submit" className="secondary-button">
                {t("portfolio.undoDelete")}
              </button>
            </AppForm>
          ) : null}
        </div>
      ) : null}
      {loaderData.addedSessions > 0 ? (
        <p role="status" className="notice">
          {t("series.added", { count: loaderData.addedSessions })}
        </p>
      ) : null}
      <p>
        <Link to="/progress">{t("portfolio.progressLink")}</Link> · <Link to="/portfolio/references">{t("references.title")}</Link> ·{" "}
        <Link to="/portfolio/documents">{t("documents.title")}</Link> · <Link to="/portfolio/statement">{t("statement.link")}</Link> ·{" "}
        <Link to="/portfolio/import">{t("portfolio.importLink")}</Link> ·{" "}
        <a href="/portfolio/export" download>
          {t("export.download")}
        </a>{" "}
        ·{" "}
        <a href="/portfolio/archive" download>
          {t("export.archive")}
        </a>
      </p>
      {loaderData.hasTargets ? null : (
        <p className="hint">
          <Link to="/progress">{t("portfolio.chooseTarget")}</Link>
        </p>
      )}
      <GeneralAdvice advice={loaderData.advice} />
      {loaderData.sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`heading-${section.id}`} className="portfolio-section">
          <h2 id={`heading-${section.id}`}>{t(section.title)}</h2>
          <AdviceList comments={loaderData.advice[section.id]} canMarkDone />
          {section.entries.length > 0 && section.totals ? <SectionTotals totals={section.totals} /> : null}
          {section.page ? (
            <>
              <MisreadNotice page={section.page} />
              <Pager page={section.page} label={t("pager.pagesOf", { list: t(section.title) })} />
            </>
          ) : null}
          {section.entries.length === 0 ? (
            <p className="muted">{t("portfolio.empty")}</p>
          ) : (
            <ul className="entries">
              {section.entries.map((entry) => {
                const { summary } = entry;
                return (
                  <li key={entry.id}>
                    <span>
                      {summary}
                      {entry.verified ? <span className="status status-met">{` ${t("confirm.verified")}`}</span> : null}
                      {entry.hasDocument ? <span className="muted">{` · ${t("portfolio.hasDocument")}`}</span> : null}
                      {entry.disallowed ? (
                        <span className="status status-unmet">
                          {` ${entry.disallowed.hoursAllowed === null ? t("hourAudit.entryDisallowed") : t("hourAudit.entryPartlyDisallowed", { hours: entry.disallowed.hoursAllowed })}`}
                        </span>
                      ) : null}
                      {entry.counts.map((count) => (
                        <span
                          key={count.category}
                          className={`entry-counts ${count.counted === true ? "status-met" : count.counted === false ? "status-unmet" : "muted"}`}
                        >
                          {count.counted === true
                            ? t("portfolio.countsFor", { category: count.category })
                            : count.counted === false
                              ? t("portfolio.notCountedFor", {
                                  category: count.category,
                                  reasons: count.reasons.map((reason) => t(`engine.reason.${reason}`)).join("; "),
                                })
                              : t("portfolio.unusedFor", { category: count.category })}
                        </span>
                      ))}
                    </span>
                    <span className="entry-actions">
                      {section.documentType && !entry.hasDocument ? (
                        <Link to={`/portfolio/documents?about=${entry.id}&type=${section.documentType}`} aria-label={`${t("portfolio.attach")}: ${summary}`}>
                          {t("portfolio.attach")}
                        </Link>
                      ) : null}
                      {section.isConfirmable && !entry.verified ? (
                        <Link to={`/portfolio/confirm/${entry.id}`} aria-label={`${t("confirm.ask")}: ${summary}`}>
                          {t("confirm.ask")}
                        </Link>
                      ) : null}
                      <Link to={`/portfolio/${section.id}/${entry.id}`} aria-label={`${t("portfolio.edit")}: ${summary}`}>
                        {t("portfolio.edit")}
                      </Link>
                      {section.id === "reflective-supervision" ? (
                        <Link to={`/portfolio/${section.id}/new?from=${encodeURIComponent(entry.id)}`} aria-label={`${t("portfolio.duplicate")}: ${summary}`}>
                          {t("portfolio.duplicate")}
                        </Link>
                      ) : null}
                      <AppForm className="inline-form">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="section" value={section.id} />
                        <input type="hidden" name="entryId" value={entry.id} />
                        <button type="submit" className="link-button" aria-label={`${t("portfolio.delete")}: ${summary}`}>
                          {t("portfolio.delete")}
                        </button>
                      </AppForm>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {section.page ? (
            <p>
              <Link to="/portfolio">{t("portfolio.wholePortfolio")}</Link>
            </p>
          ) : section.entryCount > section.entries.length ? (
            <p>
              <Link to={`/portfolio?show=${section.id}`}>{t("portfolio.seeAllEntries", { count: section.entryCount, section: t(section.title) })}</Link>
            </p>
          ) : null}
          <Link to={`/portfolio/${section.id}/new`} className="button secondary">
            {t(section.addLabel)}
          </Link>
          {section.id === "reflective-supervision" ? (
            <>
              {" "}
              <Link to="/portfolio/reflective-supervision/series" className="button secondary">
                {t("portfolio.addSeries")}
              </Link>
            </>
          ) : null}
        </section>
      ))}
      {loaderData.service && !loaderData.shown ? <ServiceHours service={loaderData.service} /> : null}
    </section>
  );
}

/** Advisors' comments on the portfolio as a whole, the references and the statement: these have no section on this page. */
function GeneralAdvice({ advice }: { advice: Route.ComponentProps["loaderData"]["advice"] }) {
  const t = useTranslate();
  const parts = (["general", "references", "statement"] as const).filter((part) => advice[part]?.length);
  if (parts.length === 0) return null;
  return (
    <section id="advice" aria-labelledby="heading-advice" className="portfolio-section">
      <h2 id="heading-advice">{t("advice.title")}</h2>
      {parts.map((part) => (
        <div key={part}>
          <h3>{t(`advisory.section.${part}`)}</h3>
          <AdviceList comments={advice[part]} canMarkDone />
        </div>
      ))}
    </section>
  );
}

/** Hours of service Cradle recorded (reviews, exam ratings, advisory reviews): read-only, as no one types them. */
function ServiceHours({ service }: { service: NonNullable<Route.ComponentProps["loaderData"]["service"]> }) {
  const t = useTranslate();
  return (
    <section id="service" aria-labelledby="heading-service" className="portfolio-section">
      <h2 id="heading-service">{t("service.title")}</h2>
      <p>{t("service.total", { hours: String(service.totalHours), count: service.count })}</p>
      <p className="muted">{t("service.explained")}</p>
      <ul className="entries">
        {service.entries.map((entry) => (
          <li key={entry.id}>{t("service.entry", { date: entry.date, hours: String(entry.hours), role: t(`service.role.${entry.role}`) })}</li>
        ))}
      </ul>
      {service.count > service.entries.length ? <p className="muted">{t("service.newestShown", { shown: String(service.entries.length) })}</p> : null}
    </section>
  );
}
