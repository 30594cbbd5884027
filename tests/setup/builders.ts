import { randomBytes } from "node:crypto";
import { hashPassword } from "../../src/auth/password.ts";
import { createToken } from "../../src/auth/tokens.ts";
import { insertRole } from "../../src/data/association-roles.ts";
import { insertAssociation, type AssociationFields } from "../../src/data/associations.ts";
import type { Db } from "../../src/data/database.ts";
import type { AssociationRole } from "../../src/data/schema.ts";
import { insertSession } from "../../src/data/sessions.ts";
import { insertUser, markEmailVerified, setOwner } from "../../src/data/users.ts";
import { cookieNames } from "../../src/server/cookies.ts";
import type { HttpClient } from "./http-client.ts";

export const testPassword = "correct horse battery";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex");

/** A confirmed account; pass `verified: false` for one that has not confirmed its email yet. */
export async function buildUser(db: Db, overrides: { email?: string; name?: string; verified?: boolean; isOwner?: boolean; locale?: "en" | "es" } = {}) {
  passwordHash ??= hashPassword(testPassword);
  const user = await insertUser(db, {
    email: overrides.email ?? `person-${unique()}@example.org`,
    name: overrides.name ?? "Test Person",
    passwordHash: await passwordHash,
    locale: overrides.locale ?? null,
  });
  if (overrides.verified !== false) await markEmailVerified(db, user.id, new Date());
  if (overrides.isOwner) await setOwner(db, user.id);
  return user;
}

export function buildAssociation(db: Db, overrides: Partial<AssociationFields> = {}) {
  const slug = overrides.slug ?? `assoc-${unique()}`;
  return insertAssociation(db, {
    name: `Association ${slug}`,
    slug,
    locale: "en",
    timeZone: "America/New_York",
    contactEmail: `contact@${slug}.example.org`,
    contactPhone: null,
    website: null,
    ...overrides,
  });
}

/** What the owner types into the association form (create or edit), for tests that go through it. */
export const associationFormFields = (slug: string, name: string) => ({
  name,
  slug,
  locale: "en",
  timeZone: "America/New_York",
  contactEmail: `hello@${slug}.example.org`,
  contactPhone: "",
  website: "",
});

export async function buildMember(db: Db, associationId: string, role: AssociationRole, overrides: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(db, overrides);
  await insertRole(db, user.id, associationId, role);
  return user;
}

/** Signs the client in as the user by opening a session directly, as logging in would. */
export async function signIn(db: Db, client: HttpClient, userId: string) {
  const { token, hash } = createToken();
  await insertSession(db, { idHash: hash, userId, expiresAt: new Date(Date.now() + 24 * 3600 * 1000) });
  client.cookies.set(cookieNames.session, token);
  await client.get("/");
}
