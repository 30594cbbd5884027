import { Link } from "react-router";
import type { Route } from "./+types/exam-ratings";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { myExamRatings } from "../../src/queries/exams.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { read, requireUser } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** A rater's exam ratings, each named only by its exam code. */
export async function loader({ request, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, myExamRatings, parseListQuery(pageQuery, request.url));
}

export default function ExamRatings({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <section>
      <PageTitle title={t("examRatings.title")} />
      <h1>{t("examRatings.title")}</h1>
      <p>{t("examRatings.intro")}</p>
      <MisreadNotice page={loaderData.page} />
      {loaderData.ratings.length === 0 ? <p className="muted">{t("examRatings.none")}</p> : null}
      <ul className="entries">
        {loaderData.ratings.map((rating) => (
          <li key={rating.id}>
            <Link to={`/exam-ratings/${rating.id}`}>{t("examRatings.row", { code: rating.code, round: t(`exams.round.${rating.round}`) })}</Link>
            {` · ${t(rating.submitted ? "examRatings.done" : "examRatings.toDo")}`}
          </li>
        ))}
      </ul>
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("examRatings.title") })} />
    </section>
  );
}
