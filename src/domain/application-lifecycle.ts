/**
 * The life of an application, as one table: every status, and from each status the statuses it
 * may move to. Commands move an application only along these edges (assertApplicationTransition),
 * the database's check constraint allows exactly these statuses (a test compares them), and the
 * history is the audit log's `application.*` entries with their `from` and `to`.
 */
export const applicationStatuses = [
  "draft",
  "submitted",
  "in-review",
  "approved-for-exam",
  "exam",
  "deferred",
  "on-hold",
  "emerging",
  "endorsed",
  "withdrawn",
] as const;

export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationTransitions: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ["submitted", "withdrawn"],
  // Withdrawal is open until a reviewer starts (decision 011).
  submitted: ["in-review", "withdrawn"],
  "in-review": ["endorsed", "approved-for-exam", "deferred", "on-hold", "emerging"],
  "approved-for-exam": ["exam", "withdrawn"],
  exam: ["endorsed", "deferred"],
  // Deferred with feedback: the applicant may resubmit the same application.
  deferred: ["submitted", "withdrawn"],
  "on-hold": ["in-review", "withdrawn"],
  // Emerging: not yet, with a plan; a later resubmission reopens it.
  emerging: ["submitted", "withdrawn"],
  endorsed: [],
  withdrawn: [],
};

export function canMoveApplication(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return applicationTransitions[from].includes(to);
}

/** Statuses a reviewer works in: the file is open to them and the applicant can no longer withdraw. */
export const openForReview: readonly ApplicationStatus[] = ["submitted", "in-review"];
