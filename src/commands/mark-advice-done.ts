import { z } from "zod";
import { findAdvisoryCommentOfApplicant, setAdvisoryCommentDone } from "../data/advisory-reviews.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** The applicant marks an advisor's comment on their portfolio done (or not done again): only their own. */
export const markAdviceDone = defineCommand({
  name: "advisory.comment-done",
  actors: ["person"],
  input: z.object({ commentId: z.string(), done: z.boolean() }),
  async run({ tx, actor, input, now }) {
    const comment = (await findAdvisoryCommentOfApplicant(tx, input.commentId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    if ((comment.done_at !== null) === input.done) return unchanged(null);
    await setAdvisoryCommentDone(tx, comment.id, input.done ? now : null);
    return done({ type: "advisory-review", id: comment.advisoryReviewId, associationId: comment.association_id }, null, {
      commentId: comment.id,
      done: input.done,
    });
  },
});
