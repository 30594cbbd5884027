import { AppForm } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

type Advice = { id: string; body: string; date: string; done: boolean; advisor?: string };

/**
 * An advisor's comments on one part of a portfolio. With `canMarkDone` (the applicant's own
 * portfolio page) each comment has a button marking it done or not done again.
 */
export function AdviceList({ comments, canMarkDone = false }: { comments: readonly Advice[] | undefined; canMarkDone?: boolean }) {
  const t = useTranslate();
  if (!comments?.length) return null;
  return (
    <ul className="advice">
      {comments.map((comment) => (
        <li key={comment.id} className={comment.done ? "advice-done" : undefined}>
          <p className="statement">{comment.body}</p>
          <p className="muted">
            {comment.advisor ? t("advice.by", { advisor: comment.advisor, date: comment.date }) : comment.date}
            {comment.done ? ` · ${t("advice.isDone")}` : ""}
          </p>
          {canMarkDone ? (
            <AppForm>
              <input type="hidden" name="intent" value="advice" />
              <input type="hidden" name="commentId" value={comment.id} />
              <input type="hidden" name="done" value={comment.done ? "no" : "yes"} />
              <button type="submit" className="secondary-button">
                {t(comment.done ? "advice.undo" : "advice.done")}
              </button>
            </AppForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
