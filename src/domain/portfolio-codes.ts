/** Codes a portfolio uses that pages name in the browser, without zod (portfolio-schema.ts checks them). */
export const educationLevels = ["high-school", "cda", "associate", "bachelor", "master", "doctorate"] as const;

export type EducationLevel = (typeof educationLevels)[number];

export const referenceRoles = [
  "current-supervisor",
  "supervisor",
  "rsc-provider",
  "teacher",
  "cda-mentor",
  "instructor",
  "mentor",
  "colleague",
  "parent",
  "supervisee",
  "rsc-recipient",
  "other",
] as const;
