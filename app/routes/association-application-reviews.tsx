import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/association-application-reviews";
import { reviewsSideBySide } from "../../src/queries/reviews.ts";
import { PageTitle } from "../components/page-title.tsx";
import { read, requireUser } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The submitted reviews of the current version side by side, for the association's staff, with where the reviewers disagree. */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, reviewsSideBySide, params.slug, params.id);
}

export default function AssociationApplicationReviews({ loaderData, params }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const { reviewers } = loaderData;
  const title = `${t("reviewsCompared.title")}: ${loaderData.applicant}, ${loaderData.category[locale]}`;
  const disagree = (isDisagreement: boolean) =>
    isDisagreement ? <strong className="status status-needs-review">{t("reviewsCompared.disagree")}</strong> : null;
  const headings = reviewers.map((reviewer) => (
    <th key={reviewer.reviewId} scope="col">
      {reviewer.reviewerName}
    </th>
  ));
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="muted">{t("checklist.version", { version: String(loaderData.version), date: reviewers[0]?.submitted ?? "" })}</p>
      <p>
        <Link to={`/a/${params.slug}/applications/${params.id}`}>{t("review.title")}</Link>
      </p>
      {reviewers.length === 0 ? (
        <p>{t("reviewsCompared.none")}</p>
      ) : (
        <>
          <p role="status">{t("reviewsCompared.disagreements", { count: String(loaderData.disagreementCount) })}</p>
          <h2 id="compared-requirements">{t("reviewsCompared.requirements")}</h2>
          <div className="table-scroll">
            <table role="table" aria-labelledby="compared-requirements">
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader" scope="col">
                    {t("reviewsCompared.requirement")}
                  </th>
                  <th role="columnheader" scope="col">
                    {t("reviewsCompared.engine")}
                  </th>
                  {headings}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {loaderData.requirements.map((requirement) => (
                  <tr role="row" key={requirement.key} className={requirement.disagree ? "disagree" : undefined}>
                    <th role="rowheader" scope="row">
                      {shown(requirement.label)} {disagree(requirement.disagree)}
                    </th>
                    <td role="cell">
                      <CellLabel name={t("reviewsCompared.engine")} />
                      {t(`checklist.verdict.${requirement.engine}`)}
                    </td>
                    {requirement.answers.map((answer, index) => (
                      <td role="cell" key={reviewers[index]!.reviewId}>
                        <CellLabel name={reviewers[index]!.reviewerName} />
                        {answer.verdict ? t(`checklist.verdict.${answer.verdict}`) : t("checklist.notAnswered")}
                        {answer.overridden ? ` (${t("reviewsCompared.overridden")})` : ""}
                        {answer.comment ? <p className="muted">{answer.comment}</p> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {loaderData.scores.length > 0 ? (
            <>
              <h2 id="compared-scores">{t("reviewsCompared.scores")}</h2>
              <div className="table-scroll">
                <table role="table" aria-labelledby="compared-scores">
                  <thead role="rowgroup">
                    <tr role="row">
                      <th role="columnheader" scope="col">
                        {t("reviewsCompared.item")}
                      </th>
                      {headings}
                    </tr>
                  </thead>
                  <tbody role="rowgroup">
                    {loaderData.scores.map((item) => (
                      <tr role="row" key={item.key} className={item.disagree ? "disagree" : undefined}>
                        <th role="rowheader" scope="row">
                          {item.label[locale]} {disagree(item.disagree)}
                        </th>
                        {item.answers.map((score, index) => (
                          <td role="cell" key={reviewers[index]!.reviewId}>
                            <CellLabel name={reviewers[index]!.reviewerName} />
                            {score ? `${score}: ${t(`engine.rating.${score as "1"}`)}` : t("checklist.notAnswered")}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <h2 id="compared-summary">{t("reviewsCompared.summary")}</h2>
          <div className="table-scroll">
            <table role="table" aria-labelledby="compared-summary">
              <thead role="rowgroup">
                <tr role="row">
                  <td role="cell" />
                  {headings}
                </tr>
              </thead>
              <tbody role="rowgroup">
                <SummaryRow
                  heading={
                    <>
                      {t("reviewsCompared.recommendation")} {disagree(loaderData.recommendationDisagrees)}
                    </>
                  }
                  reviewers={reviewers}
                  disagrees={loaderData.recommendationDisagrees}
                  cell={(reviewer) => (reviewer.recommendation ? t(`checklist.outcome.${reviewer.recommendation}`) : t("checklist.notAnswered"))}
                />
                <SummaryRow heading={t("reviewsCompared.feedback")} reviewers={reviewers} statement cell={(reviewer) => reviewer.feedback} />
                <SummaryRow heading={t("reviewsCompared.staffNotes")} reviewers={reviewers} statement cell={(reviewer) => reviewer.staffNotes} />
                <SummaryRow heading={t("reviewsCompared.hours")} reviewers={reviewers} cell={(reviewer) => reviewer.hours ?? ""} />
                <SummaryRow heading={t("reviewsCompared.submitted")} reviewers={reviewers} cell={(reviewer) => reviewer.submitted} />
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

type Reviewer = Route.ComponentProps["loaderData"]["reviewers"][number];

/** One row of the summary table: its heading, then each reviewer's cell, named for phones. */
function SummaryRow({
  heading,
  reviewers,
  cell,
  statement = false,
  disagrees = false,
}: {
  heading: ReactNode;
  reviewers: readonly Reviewer[];
  cell: (reviewer: Reviewer) => ReactNode;
  statement?: boolean;
  disagrees?: boolean;
}) {
  return (
    <tr role="row" className={disagrees ? "disagree" : undefined}>
      <th role="rowheader" scope="row">
        {heading}
      </th>
      {reviewers.map((reviewer) => (
        <td role="cell" key={reviewer.reviewId} className={statement ? "statement" : undefined}>
          <CellLabel name={reviewer.reviewerName} />
          {cell(reviewer)}
        </td>
      ))}
    </tr>
  );
}

/** On a phone the column headings are hidden and cells stack: each names its reviewer. */
function CellLabel({ name }: { name: string }) {
  return <span className="cell-label">{name}: </span>;
}
