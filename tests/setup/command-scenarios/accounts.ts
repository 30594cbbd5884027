import { randomBytes } from "node:crypto";
import { createToken, hashToken } from "../../../src/auth/tokens.ts";
import { logIn } from "../../../src/commands/log-in.ts";
import { insertEmailToken } from "../../../src/data/email-tokens.ts";
import type { EmailTokenPurpose } from "../../../src/data/schema.ts";
import { person, systemActor, type Visitor } from "../../../src/policies/actor.ts";
import { buildUser, testPassword } from "../builders.ts";
import { runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

const visitor: Visitor = { kind: "visitor", clientIp: "198.51.100.7" };
const newEmail = () => `someone-${randomBytes(4).toString("hex")}@example.org`;

/** An emailed link as the mail would carry it, and its holder as the route names them. */
async function buildEmailLink(app: Parameters<Scenario>[0], userId: string, purpose: EmailTokenPurpose) {
  const { token, hash } = createToken();
  await insertEmailToken(app.services.db, { userId, purpose, tokenHash: hash, expiresAt: new Date(Date.now() + 3600_000) });
  const row = await app.services.db.selectFrom("email_tokens").select("id").where("token_hash", "=", hash).executeTakeFirstOrThrow();
  return { token, actor: { kind: "link" as const, purpose, linkId: row.id } };
}

/** Accounts: signing up, confirming, logging in and out, passwords, language, the CLI's accounts. */
export const accountScenarios: Record<string, Scenario> = {
  "account.created": async () => ({ actor: visitor, input: { name: "New Person", email: newEmail(), password: "a long enough password", locale: "en" } }),
  "account.email-verified": async (app) => {
    const user = await buildUser(app.services.db, { verified: false });
    const link = await buildEmailLink(app, user.id, "verify-email");
    return { actor: link.actor, input: { token: link.token } };
  },
  "account.verification-resent": async (app) => {
    const user = await buildUser(app.services.db, { verified: false });
    return { actor: visitor, input: { email: user.email, locale: "en" } };
  },
  "account.logged-in": async (app) => {
    const user = await buildUser(app.services.db);
    return { actor: visitor, input: { email: user.email, password: testPassword } };
  },
  "account.logged-out": async (app) => {
    const user = await buildUser(app.services.db);
    const attempt = await runOrThrow(app, logIn, visitor, { email: user.email, password: testPassword });
    if (!attempt.signedIn) throw new Error("could not log in");
    return { actor: person(user.id), input: { sessionIdHash: hashToken(attempt.sessionToken) } };
  },
  "account.password-reset-requested": async (app) => {
    const user = await buildUser(app.services.db);
    return { actor: visitor, input: { email: user.email, locale: "es" } };
  },
  "account.password-reset": async (app) => {
    const user = await buildUser(app.services.db);
    const link = await buildEmailLink(app, user.id, "reset-password");
    return { actor: link.actor, input: { token: link.token, password: "a brand new password" } };
  },
  "account.language-changed": async (app) => {
    const user = await buildUser(app.services.db);
    return { actor: person(user.id), input: { locale: "es" } };
  },
  "account.created-verified": async () => ({
    actor: systemActor("test"),
    input: { email: newEmail(), name: "Seeded Person", password: "a long enough password" },
  }),
  "account.made-owner": async (app) => {
    const user = await buildUser(app.services.db);
    return { actor: systemActor("test"), input: { userId: user.id } };
  },
};
