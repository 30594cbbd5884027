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
  // Approved to sit the exam: the applicant registers for a sitting within the approval window.
  "approved-for-exam": ["exam", "withdrawn"],
  // A result of "not yet" returns to approved, for a retake after the framework's waiting period.
  exam: ["endorsed", "deferred", "approved-for-exam"],
  // Deferred with feedback: the applicant may resubmit the same application.
  deferred: ["submitted", "withdrawn"],
  // On hold while staff contact the applicant: staff resume the review or decide from here.
  "on-hold": ["in-review", "endorsed", "approved-for-exam", "deferred", "emerging", "withdrawn"],
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
