/** How a sitting is held: online (with a link) or in person (at a place). */
export const examModes = ["online", "in-person"] as const;
