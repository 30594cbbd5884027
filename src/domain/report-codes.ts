/** What a measure counts: its unit names the words a report uses for it ("3 more references needed"). */
export const units = ["hours", "years", "families", "references", "recipients", "observations", "months"] as const;
export type Unit = (typeof units)[number];

/** Why an entry did not count: a report keeps the code, and the catalogues' `engine.reason.*` say it in words. */
export const exclusionReasons = [
  "after-date",
  "outside-window",
  "not-completed",
  "level-too-low",
  "unrelated-field",
  "expired",
  "not-paid",
  "wrong-kind",
  "wrong-ages",
  "not-relationship-focused",
  "not-with-parents",
  "before-education",
  "before-credential",
  "no-matching-domain",
  "no-conversion-factor",
  "duplicate",
  "peer",
  "provider-not-qualified",
  "group-too-large",
  "not-about-provided",
  "not-to-leader",
  "void-rating",
  "over-role-limit",
  "too-long",
  "not-official",
  "other-window",
  "not-supervised",
  "not-passed",
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];
