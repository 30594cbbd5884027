import { data, type RouterContextProvider } from "react-router";
import { commandContext } from "../../src/server/services.ts";
import type { SessionActor } from "../../src/policies/actor.ts";
import type { ParsedForm } from "../../src/forms/parse-form.ts";
import type { FieldErrors } from "../../src/commands/command-context.ts";
import { requestStateContext, servicesContext, type SignedInUser } from "../context.server.ts";

type Context = Readonly<RouterContextProvider>;

export function services(context: Context) {
  return context.get(servicesContext);
}

export function requestState(context: Context) {
  return context.get(requestStateContext);
}

export function commands(context: Context) {
  return commandContext(services(context));
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
export function invalid<Extra extends Record<string, unknown>>(
  errors: FieldErrors,
  values: Record<string, string | string[]>,
  extra?: Extra,
  status = 400,
) {
  return data({ ok: false as const, errors, values, ...(extra as Extra) }, { status });
}

export function invalidForm(parsed: Extract<ParsedForm<unknown>, { ok: false }>) {
  return invalid(parsed.errors, parsed.values);
}

/** Only paths on this site, so a crafted link cannot send someone elsewhere after logging in. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}

/** The shipped frameworks as choices for a form, in the visitor's language. */
export function frameworkChoices(context: Context) {
  const { locale } = requestState(context);
  return services(context).frameworks.map((framework) => ({ value: framework.id, label: framework.name[locale] }));
}
