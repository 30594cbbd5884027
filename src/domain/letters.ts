/**
 * The letters an application's applicant receives: one per outcome of a review, and the two results
 * of an exam. Each kind has a subject and a body in each language, Cradle's default (the catalogues'
 * `letter.<kind>.subject` / `.body`) unless the association wrote its own.
 */
export const letterKinds = ["endorse", "approve-for-exam", "defer", "hold", "emerging", "exam-pass", "exam-not-yet"] as const;
export type LetterKind = (typeof letterKinds)[number];

/**
 * What a letter's text may name; each is filled when the letter is issued (empty where it does not
 * apply): `until` is the end of the exam approval or of emerging status, `retake` the first day a
 * retake may be sat after an exam result of "not yet".
 */
export const letterPlaceholders = ["name", "category", "association", "date", "feedback", "until", "retake"] as const;
export type LetterPlaceholder = (typeof letterPlaceholders)[number];
export type LetterValues = Readonly<Record<LetterPlaceholder, string>>;

const placeholder = /\{([^{}]*)\}/g;

/**
 * What is wrong with a letter text an association wrote: the placeholders it names that Cradle does
 * not fill (`{nmae}`, `{}`), and whether a brace is left open or closed alone. Empty when it is fine.
 */
export function letterTextProblems(text: string): { unknown: string[]; unbalanced: boolean } {
  const unknown = new Set<string>();
  for (const match of text.matchAll(placeholder)) {
    const name = match[1]!.trim();
    if (!(letterPlaceholders as readonly string[]).includes(name)) unknown.add(`{${match[1]}}`);
  }
  const rest = text.replace(placeholder, "");
  return { unknown: [...unknown], unbalanced: rest.includes("{") || rest.includes("}") };
}

/** A letter text with its placeholders filled: the text as written, never interpreted further. */
export function fillLetter(text: string, values: LetterValues): string {
  return text.replace(placeholder, (whole, name: string) => {
    const key = name.trim() as LetterPlaceholder;
    return (letterPlaceholders as readonly string[]).includes(key) ? values[key] : whole;
  });
}
