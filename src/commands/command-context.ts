import type { Db } from "../data/database.ts";
import type { Framework } from "../domain/framework-schema.ts";
import type { FileStore } from "../files/file-store.ts";
import type { PublicDataChange } from "../domain/public-data.ts";
import { isMessageKey, type MessageKey } from "../i18n/translate.ts";

/** What every command needs; commands never see the HTTP request, so routes, jobs, the CLI and tests call them alike. */
export type CommandContext = {
  db: Db;
  now: () => Date;
  baseUrl: string;
  /** The published rules, for commands that judge a portfolio. */
  frameworks: readonly Framework[];
  /** Where uploaded documents are kept (absent for the CLI, which uploads nothing). */
  files?: FileStore;
  /** Called after a commit that queued mail, so it leaves at once rather than at the next poll. */
  wakeMail?: () => void;
  /** Called after a commit that changed what public pages show, so this process's cached copies go at once. */
  publicDataChanged?: (changed: readonly PublicDataChange[]) => void;
  /** Seals the associations' signing keys: pass it to `keyOfAssociation` (absent where nothing is signed). */
  credentialKeySecret?: string;
};

export type FieldErrors = Partial<Record<string, MessageKey>>;

/** `forbidden` when the actor may not run the command at all (routes answer 403). */
export type Failure = { ok: false; errors: FieldErrors; retryAfterMinutes?: number; forbidden?: true };
export type Result<T> = { ok: true; value: T } | Failure;

/** Zod's issues as one message per field (the first), where schemas' messages are translation keys. */
export function issuesToFieldErrors(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
  fallback: MessageKey = "error.invalid",
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= isMessageKey(issue.message) ? issue.message : fallback;
  }
  return errors;
}
