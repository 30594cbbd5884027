import { findConflictFacts } from "../../data/conflict-facts.ts";
import type { Db } from "../../data/database.ts";
import { type ConflictReason, findConflicts } from "../../domain/conflicts-of-interest.ts";
import type { MessageKey } from "../../i18n/messages-en.ts";
import { refuse } from "../define-command.ts";

export const conflictMessages: Record<ConflictReason["kind"], MessageKey> = {
  "named-as-rater": "conflict.named-as-rater",
  "named-as-supervisor": "conflict.named-as-supervisor",
  "named-as-rsc-provider": "conflict.named-as-rsc-provider",
  "link-sent-to-reviewer": "conflict.link-sent-to-reviewer",
  "same-email": "conflict.same-email",
  "shared-employer": "conflict.shared-employer",
  "declared-person": "conflict.declared-person",
  "declared-email": "conflict.declared-email",
  "declared-employer": "conflict.declared-employer",
};

/** Refuses a reviewer with a conflict of interest in this application, naming the first reason found. */
export async function assertNoConflict(tx: Db, application: { id: string }, reviewerUserId: string) {
  const facts = (await findConflictFacts(tx, [application.id], [reviewerUserId])).get(application.id)?.get(reviewerUserId);
  const [reason] = facts ? findConflicts(facts) : [];
  if (reason) refuse({ reviewer: conflictMessages[reason.kind] });
}
