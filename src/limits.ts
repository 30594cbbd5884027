/**
 * How much one request, or one person, may make Cradle hold or do: each limit with its number and
 * why (docs/security.md, "Limits", lists them with the others: body sizes in server/body-limits.ts,
 * file sizes in commands/upload-document.ts and commands/import-portfolio-file.ts). Cradle is one
 * process with one event loop and, on PGlite, one database connection: what one request holds up,
 * every other request waits for.
 */

/**
 * The most fields (url-encoded pairs or multipart parts) a form may send; a post with more is
 * answered 400 while its body streams in, before anything parses it. Cradle's largest form (a
 * rater's, or an entry with every box ticked) sends well under a hundred; 50,000 empty fields in
 * 380 kB used to keep the server busy for seconds before anyone was signed in.
 */
export const maxFormFields = 400;

/**
 * The most entries one list of a portfolio (trainings, work, references, documents, ...) may hold,
 * checked wherever a list grows (the entry form, import, references, uploads). A long career has a
 * few hundred trainings; every page of the portfolio reads and checks the whole document, so its
 * size is what every one of the person's requests pays for.
 */
export const maxEntriesPerList = 2000;

/**
 * The most unsaved drafts one person keeps (form_drafts). Saving the 51st drops the oldest: autosave
 * runs without the person asking, so refusing it would lose what they are typing now for a draft
 * they left long ago (and a draft is only unsaved changes: the saved entry stays).
 */
export const maxDraftsPerPerson = 50;

/**
 * The most one entry's draft may hold, as JSON (UTF-8 bytes). An entry's longest fields are a few
 * hundred characters; the limit leaves room for a draft that does not validate yet.
 */
export const maxDraftBytes = 64 * 1024;

const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when a text has a NUL character or a lone surrogate: PostgreSQL keeps neither in text or
 * jsonb, so a value carrying one would fail its write with a database error (a 500) instead of a message.
 */
export function hasUnstorableCharacters(text: string): boolean {
  return unstorable.test(text);
}

/** Every string in a value (object keys too), checked in one pass: see hasUnstorableCharacters. */
export function hasUnstorableCharactersDeep(value: unknown): boolean {
  if (typeof value === "string") return hasUnstorableCharacters(value);
  if (Array.isArray(value)) return value.some(hasUnstorableCharactersDeep);
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    return Object.entries(value).some(([key, inner]) => hasUnstorableCharacters(key) || hasUnstorableCharactersDeep(inner));
  }
  return false;
}

/**
 * The largest logo an association may set for its certificates (PNG or JPEG). A logo drawn a few
 * centimetres wide needs a few dozen kilobytes; it is kept in the database and embedded in every
 * certificate downloaded, and this keeps its upload well under the 1 MB body of a form (decision 012),
 * so its route needs no file limit of its own in server/body-limits.ts.
 */
export const maxLogoBytes = 256 * 1024;
