/** The levels of education a portfolio records, lowest first. Without zod, so pages can name them in the browser. */
export const educationLevels = ["high-school", "cda", "associate", "bachelor", "master", "doctorate"] as const;

export type EducationLevel = (typeof educationLevels)[number];
