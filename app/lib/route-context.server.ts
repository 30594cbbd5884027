import { data, type RouterContextProvider } from "react-router";
import { commandContext } from "../../src/server/services.ts";
import { type Command, runCommand } from "../../src/commands/define-command.ts";
import type { Actor, MaybeActor, SessionActor } from "../../src/policies/actor.ts";
import { NotVisible, type Reader } from "../../src/queries/reader.ts";
import type { ParsedForm } from "../../src/forms/parse-form.ts";
import type { FieldErrors, Result } from "../../src/commands/command-context.ts";
export { safeRedirectPath } from "../../src/server/redirect-target.ts";
import { requestStateContext, servicesContext, type SignedInUser } from "../context.server.ts";

type Context = Readonly<RouterContextProvider>;

export function services(context: Context) {
  return context.get(servicesContext);
}

export function requestState(context: Context) {
  return context.get(requestStateContext);
}

/** Who this request acts as: the signed-in person, else a visitor known by their address. */
export function currentActor(context: Context): Actor {
  const { user, clientIp } = requestState(context);
  return user ?? { kind: "visitor", clientIp };
}

/**
 * Runs one command as the request's actor (or the one given, such as a link's holder). A command
 * that refuses the actor outright answers 403; other refusals come back as field errors.
 */
export async function run<K extends Actor["kind"], I, O, P>(
  context: Context,
  command: Command<K, I, O, P>,
  input: NoInfer<I>,
  actor: Actor = currentActor(context),
): Promise<Result<O>> {
  const result = await runCommand(commandContext(services(context)), command, actor, input);
  if (!result.ok && result.forbidden) throw data({ reason: "forbidden" }, { status: 403 });
  return result;
}

/** Runs a read of src/queries as the signed-in person (or nobody); what they may not see answers 404 or 403. */
export async function read<Args extends unknown[], T>(
  context: Context,
  query: (reader: Reader, actor: MaybeActor, ...args: Args) => Promise<T>,
  ...args: Args
): Promise<T> {
  try {
    return await query(services(context), currentUser(context), ...args);
  } catch (error) {
    if (error instanceof NotVisible) throw data({ reason: error.reason }, { status: error.reason === "forbidden" ? 403 : 404 });
    throw error;
  }
}

export function currentUser(context: Context): SignedInUser | null {
  return requestState(context).user;
}

/** 401 when nobody is signed in. */
export function requireUser(context: Context): SignedInUser {
  const user = currentUser(context);
  if (!user) throw data({ reason: "unauthenticated" }, { status: 401 });
  return user;
}

/** 401 for nobody, 403 for someone the policy refuses; routes call it before loading anything private. */
export function authorize(context: Context, isAllowed: (actor: SessionActor | null) => boolean): SignedInUser {
  const user = requireUser(context);
  if (!isAllowed(user)) throw data({ reason: "forbidden" }, { status: 403 });
  return user;
}

export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

/** The answer to a form that failed validation: 400 with the errors and what was typed. */
export function invalid<Extra extends Record<string, unknown>>(errors: FieldErrors, values: Record<string, string | string[]>, extra?: Extra, status = 400) {
  return data({ ok: false as const, errors, values, ...(extra as Extra) }, { status });
}

export function invalidForm(parsed: Extract<ParsedForm<unknown>, { ok: false }>) {
  return invalid(parsed.errors, parsed.values);
}

/** The shipped frameworks as choices for a form, in the visitor's language. */
export function frameworkChoices(context: Context) {
  const { locale } = requestState(context);
  return services(context).frameworks.map((framework) => ({ value: framework.id, label: framework.name[locale] }));
}
