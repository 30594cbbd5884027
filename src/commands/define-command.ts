import type { z } from "zod";
import { findStandingOfUser } from "../data/association-roles.ts";
import { appendAudit } from "../data/audit-log.ts";
import type { Db } from "../data/database.ts";
import { enqueueMail, type OutgoingMail } from "../data/outbox.ts";
import { announcePublicDataChange, takeAnnouncedChanges } from "../data/public-data-notices.ts";
import type { PublicData, PublicDataChange } from "../domain/public-data.ts";
import type { Locale } from "../data/schema.ts";
import type { Message } from "../i18n/translate.ts";
import { today } from "../domain/dates.ts";
import { hasUnstorableCharactersDeep } from "../limits.ts";
import type { Actor } from "../policies/actor.ts";
import { type CommandContext, type Failure, type FieldErrors, issuesToFieldErrors, type Result } from "./command-context.ts";
import { notifyUser } from "./shared/notify.ts";

type ActorKind = Actor["kind"];
type ActorOf<K extends ActorKind> = Extract<Actor, { kind: K }>;

/** What a command's `run` sees: the transaction, the actor as they stand now, the checked input. */
export type CommandScope<A extends Actor, I> = {
  tx: Db;
  actor: A;
  input: I;
  now: Date;
  context: CommandContext;
  /** Today's date in a time zone (an association's), as its people write it. */
  today: (zone: string) => string;
  /** Tells a person with an account, by mail and in their Messages: a catalogue key and its values, rendered in their language. */
  notify: (userId: string, kind: string, what: Message, path: string, fallbackLocale?: Locale) => ReturnType<typeof notifyUser>;
  /** Mail to an address without an account (a rater, the association's contact). */
  mail: (message: OutgoingMail) => Promise<void>;
};

/** A finished change: what it was done to, for the audit entry, and what the caller gets back. */
export type Done<O> = {
  value: O;
  /** Null when nothing changed (already done): no audit entry, nothing to tell. */
  subject: { type: string; id: string; associationId?: string | null } | null;
  details?: Record<string, unknown>;
};

export type Command<K extends ActorKind, I, O, P = undefined> = {
  name: string;
  actors: readonly K[];
  input: z.ZodType<I>;
  /** Checked inside the transaction with the actor's roles read again there; subject checks are `assert-*` guards in `run`. */
  policy?: (actor: ActorOf<K>, input: I) => boolean;
  /**
   * Slow work that needs no lock (hashing a password, storing a file's bytes), done before the
   * transaction opens: the embedded database has one connection, and a transaction holds it.
   * It may read, and write only what is upkeep (a rate-limit count); its result is `scope.prepared`.
   */
  prepare?: (input: I, before: { db: Db; actor: ActorOf<K>; context: CommandContext }) => Promise<P>;
  run(scope: CommandScope<ActorOf<K>, I> & { prepared: P }): Promise<Done<O>>;
  /** What public pages show that this command changes: their cached copies go when it commits (decision 021). */
  changes?: readonly PublicData[];
};

export function defineCommand<K extends ActorKind, I, O, P = undefined>(command: Command<K, I, O, P>): Command<K, I, O, P> {
  return command;
}

export const done = <O>(subject: Done<O>["subject"], value: O, details?: Record<string, unknown>): Done<O> => ({
  subject,
  value,
  ...(details ? { details } : {}),
});
export const unchanged = <O>(value: O): Done<O> => ({ subject: null, value });

/** Thrown by guards and commands to stop: the transaction rolls back and the caller gets the errors. */
export class Refusal extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(`refused: ${Object.values(failure.errors).join(", ")}`);
    this.failure = failure;
  }
}

export function refuse(errors: FieldErrors, options: { retryAfterMinutes?: number; forbidden?: true } = {}): never {
  throw new Refusal({ ok: false, errors, ...options });
}

/**
 * Runs a command: checks who acts and the input, opens a transaction (or joins the caller's),
 * re-reads a person's roles and checks the policy inside it, runs the change, writes the audit
 * entry named after the command, commits, then wakes the mail worker if mail was queued and
 * drops the cached public pages that showed what it changed (as it declared, and as the data layer announced).
 * A command that joins a caller's transaction must refuse before it writes.
 */
export async function runCommand<K extends ActorKind, I, O, P>(
  context: CommandContext,
  command: Command<K, I, O, P>,
  actor: Actor,
  rawInput: unknown,
): Promise<Result<O>> {
  if (!(command.actors as readonly ActorKind[]).includes(actor.kind)) return { ok: false, errors: { form: "error.forbidden" }, forbidden: true };
  // Whatever the caller checked: no NUL or lone surrogate reaches the database (bytes, such as an upload, are the command's to check).
  if (hasUnstorableCharactersDeep(rawInput)) return { ok: false, errors: { form: "limit.unstorableCharacters" } };
  const parsed = command.input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
  let mailed = false;
  const changedPublicData: PublicDataChange[] = [];
  let prepared: P;
  const body = async (tx: Db): Promise<Result<O>> => {
    const current = await currentStanding(tx, actor as ActorOf<K>);
    if (!current || (command.policy && !command.policy(current, parsed.data))) refuse({ form: "error.forbidden" }, { forbidden: true });
    const now = context.now();
    const outcome = await command.run({
      tx,
      actor: current,
      input: parsed.data,
      prepared,
      now,
      context,
      today: (zone) => today(zone, now),
      notify: (userId, kind, what, path, fallbackLocale) => ((mailed = true), notifyUser(tx, context, userId, kind, what, path, fallbackLocale)),
      mail: (message) => ((mailed = true), enqueueMail(tx, message)),
    });
    if (outcome.subject) {
      await appendAudit(tx, {
        actor,
        associationId: outcome.subject.associationId ?? null,
        action: command.name,
        subjectType: outcome.subject.type,
        subjectId: outcome.subject.id,
        details: outcome.details ?? {},
      });
      if (command.changes?.length) {
        await announcePublicDataChange(tx, command.changes);
        changedPublicData.push(...command.changes);
      }
    }
    // In a caller's transaction, what the data layer announced is left for the caller's runner.
    if (!context.db.isTransaction) changedPublicData.push(...takeAnnouncedChanges(tx));
    return { ok: true, value: outcome.value };
  };
  try {
    prepared = command.prepare ? await command.prepare(parsed.data, { db: context.db, actor: actor as ActorOf<K>, context }) : (undefined as P);
    const result = context.db.isTransaction ? await body(context.db) : await context.db.transaction().execute(body);
    if (mailed && !context.db.isTransaction) context.wakeMail?.();
    // Inside a caller's transaction the commit is the caller's: the notice above reaches every process then.
    if (changedPublicData.length > 0 && !context.db.isTransaction) context.publicDataChanged?.(changedPublicData);
    return result;
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}

/** A person's roles as they are now, not as the session read them at the start of the request. */
async function currentStanding<A extends Actor>(tx: Db, actor: A): Promise<A | undefined> {
  if (actor.kind !== "person") return actor;
  const standing = await findStandingOfUser(tx, actor.userId);
  return standing ? { ...actor, isOwner: standing.isOwner, roles: standing.roles } : undefined;
}
