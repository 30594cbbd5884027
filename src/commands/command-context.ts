import type { Db } from "../data/database.ts";
import type { MessageKey } from "../i18n/translate.ts";

/** What every command needs; commands never see the HTTP request, so routes, jobs, the CLI and tests call them alike. */
export type CommandContext = {
  db: Db;
  now: () => Date;
  baseUrl: string;
};

/** Who is acting; `userId` is null for the system itself (CLI, seed, jobs). */
export type Actor = { userId: string | null; isOwner: boolean };
export const systemActor: Actor = { userId: null, isOwner: true };

export type FieldErrors = Partial<Record<string, MessageKey>>;

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; retryAfterMinutes?: number };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(errors: FieldErrors, retryAfterMinutes?: number): Result<T> =>
  retryAfterMinutes === undefined ? { ok: false, errors } : { ok: false, errors, retryAfterMinutes };

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}
