/** What the documents page offers: the kinds of document a person uploads, and how big one may be. Without zod, so the page can list them in the browser. */
export const maxUploadBytes = 20 * 1024 * 1024;

export const documentTypes = ["transcript", "certificate", "resume", "personal-statement", "learning-narrative", "reflection", "other"] as const;
