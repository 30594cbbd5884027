/** What a reviewer may declare a conflict with: a person by name, an email address, an employer. */
export const declaredConflictKinds = ["person", "email", "employer"] as const;

/** Why a reviewer may not judge an application; `value` is what matched, as the applicant or reviewer wrote it. */
export type ConflictReason =
  | { kind: "named-as-rater"; value: string }
  | { kind: "named-as-supervisor"; value: string }
  | { kind: "named-as-rsc-provider"; value: string }
  | { kind: "link-sent-to-reviewer"; value: string }
  | { kind: "same-email"; value: string }
  | { kind: "shared-employer"; value: string }
  | { kind: "declared-person"; value: string }
  | { kind: "declared-email"; value: string }
  | { kind: "declared-employer"; value: string };

export type DeclaredConflict = { kind: "person" | "email" | "employer"; value: string };

export type ConflictFacts = {
  /** The names in the application's frozen portfolio (the snapshot at submission), never the live one. */
  portfolio: {
    references: ReadonlyArray<{ raterName?: string | undefined }>;
    work: ReadonlyArray<{ supervisor?: string | undefined; employer?: string | undefined }>;
    reflectiveSupervision: ReadonlyArray<{ provider?: { name?: string | undefined } | undefined }>;
  };
  /** The applicant's confirmed email, when confirmed. */
  applicantEmail: string | null;
  /** Addresses the applicant sent a rater, supervisor or provider link to. */
  linkEmails: readonly string[];
  applicantName: string;
  reviewer: { name: string; email: string | null; employers: readonly string[]; declared: readonly DeclaredConflict[] };
};

/** Trimmed, inner spaces collapsed, lower case, accents dropped: "  José  Núñez" and "jose nunez" are one person. */
export function sameName(text: string) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLocaleLowerCase("en");
}

const sameEmail = (text: string) => text.trim().toLowerCase();

/** Every reason the reviewer is conflicted on this application; empty when none. Each reason once. */
export function findConflicts(facts: ConflictFacts): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const seen = new Set<string>();
  const add = (reason: ConflictReason) => {
    const key = `${reason.kind}\u0000${sameName(reason.value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    reasons.push(reason);
  };
  const reviewerName = sameName(facts.reviewer.name);
  const isReviewer = (name: string | undefined) => name !== undefined && reviewerName !== "" && sameName(name) === reviewerName;
  const reviewerEmail = facts.reviewer.email === null ? "" : sameEmail(facts.reviewer.email);
  const isReviewerEmail = (email: string | null) => email !== null && reviewerEmail !== "" && sameEmail(email) === reviewerEmail;

  for (const reference of facts.portfolio.references) if (isReviewer(reference.raterName)) add({ kind: "named-as-rater", value: reference.raterName ?? "" });
  for (const work of facts.portfolio.work) if (isReviewer(work.supervisor)) add({ kind: "named-as-supervisor", value: work.supervisor ?? "" });
  for (const session of facts.portfolio.reflectiveSupervision) {
    if (isReviewer(session.provider?.name)) add({ kind: "named-as-rsc-provider", value: session.provider?.name ?? "" });
  }
  for (const email of facts.linkEmails) if (isReviewerEmail(email)) add({ kind: "link-sent-to-reviewer", value: email });
  if (isReviewerEmail(facts.applicantEmail)) add({ kind: "same-email", value: facts.applicantEmail ?? "" });

  const applicantEmployers = new Set(facts.portfolio.work.map((work) => sameName(work.employer ?? "")).filter((name) => name !== ""));
  for (const employer of facts.reviewer.employers) if (applicantEmployers.has(sameName(employer))) add({ kind: "shared-employer", value: employer });

  const applicantName = sameName(facts.applicantName);
  const applicantEmail = facts.applicantEmail === null ? "" : sameEmail(facts.applicantEmail);
  for (const declared of facts.reviewer.declared) {
    if (declared.kind === "person" && applicantName !== "" && sameName(declared.value) === applicantName)
      add({ kind: "declared-person", value: declared.value });
    if (declared.kind === "email" && applicantEmail !== "" && sameEmail(declared.value) === applicantEmail)
      add({ kind: "declared-email", value: declared.value });
    if (declared.kind === "employer" && applicantEmployers.has(sameName(declared.value))) add({ kind: "declared-employer", value: declared.value });
  }
  return reasons;
}
