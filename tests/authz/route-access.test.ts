import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { buildAssociation, buildMember, buildUser, signIn } from "../setup/builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { startTestApp, type TestApp } from "../setup/test-app.ts";

/**
 * Who may reach what. Each row is a route and the status each kind of person gets; "other-admin"
 * is an administrator of a different association, so every association-scoped row also proves
 * that one association's people cannot reach another's.
 */
const actors = ["anonymous", "member", "reviewer", "staff", "admin", "other-admin", "owner"] as const;
type ActorName = (typeof actors)[number];
type Expectation = number | Partial<Record<ActorName | "default", number>>;

type Row = { route: string; method: "GET" | "POST"; path: string; fields?: Record<string, string>; expect: Expectation };

const slug = "home-assoc";
const rows: Row[] = [
  { route: "/", method: "GET", path: "/", expect: 200 },
  { route: "signup", method: "GET", path: "/signup", expect: { anonymous: 200, default: 302 } },
  { route: "signup", method: "POST", path: "/signup", expect: { anonymous: 400, default: 302 } },
  { route: "login", method: "GET", path: "/login", expect: { anonymous: 200, default: 302 } },
  { route: "login", method: "POST", path: "/login", expect: { anonymous: 400, default: 302 } },
  { route: "logout", method: "GET", path: "/logout", expect: 302 },
  { route: "logout", method: "POST", path: "/logout", expect: 302 },
  { route: "verify-email", method: "GET", path: "/verify-email", expect: 200 },
  { route: "verify-email", method: "POST", path: "/verify-email", expect: 400 },
  { route: "forgot-password", method: "GET", path: "/forgot-password", expect: 200 },
  { route: "forgot-password", method: "POST", path: "/forgot-password", expect: 400 },
  { route: "reset-password", method: "GET", path: "/reset-password", expect: 200 },
  { route: "reset-password", method: "POST", path: "/reset-password", expect: 400 },
  { route: "language", method: "GET", path: "/language", expect: 302 },
  { route: "language", method: "POST", path: "/language", fields: { locale: "en" }, expect: 302 },
  { route: "account", method: "GET", path: "/account", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio", method: "GET", path: "/portfolio", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio", method: "POST", path: "/portfolio", fields: { intent: "delete", section: "training", entryId: "nope" }, expect: { anonymous: 401, default: 404 } },
  { route: "portfolio/:section/:entryId", method: "GET", path: "/portfolio/training/new", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/:section/:entryId", method: "POST", path: "/portfolio/training/new", expect: { anonymous: 401, default: 400 } },
  { route: "portfolio/export", method: "GET", path: "/portfolio/export", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/archive", method: "GET", path: "/portfolio/archive", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/import", method: "GET", path: "/portfolio/import", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/import", method: "POST", path: "/portfolio/import", expect: { anonymous: 401, default: 400 } },
  { route: "portfolio/references", method: "GET", path: "/portfolio/references", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/references", method: "POST", path: "/portfolio/references", expect: { anonymous: 401, default: 400 } },
  // The rater's page answers anyone holding the link; an unknown token says so.
  { route: "r/:token", method: "GET", path: "/r/not-a-token", expect: 200 },
  { route: "r/:token", method: "POST", path: "/r/not-a-token", expect: 200 },
  { route: "portfolio/confirm/:entryId", method: "GET", path: "/portfolio/confirm/nope", expect: { anonymous: 401, default: 404 } },
  { route: "portfolio/confirm/:entryId", method: "POST", path: "/portfolio/confirm/nope", expect: { anonymous: 401, default: 404 } },
  { route: "v/:token", method: "GET", path: "/v/not-a-token", expect: 200 },
  { route: "v/:token", method: "POST", path: "/v/not-a-token", expect: 200 },
  { route: "applications", method: "GET", path: "/applications", expect: { anonymous: 401, default: 200 } },
  { route: "applications", method: "POST", path: "/applications", fields: { intent: "apply", choice: "x|y|z" }, expect: { anonymous: 401, default: 404 } },
  { route: "applications/:id", method: "GET", path: "/applications/00000000-0000-4000-8000-000000000000", expect: { anonymous: 401, default: 404 } },
  { route: "applications/:id", method: "POST", path: "/applications/00000000-0000-4000-8000-000000000000", expect: { anonymous: 401, default: 404 } },
  { route: "portfolio/documents", method: "GET", path: "/portfolio/documents", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/documents", method: "POST", path: "/portfolio/documents", expect: { anonymous: 401, default: 400 } },
  { route: "portfolio/statement", method: "GET", path: "/portfolio/statement", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/statement", method: "POST", path: "/portfolio/statement", expect: { anonymous: 401, default: 400 } },
  { route: "documents/:id", method: "GET", path: "/documents/00000000-0000-4000-8000-000000000000", expect: { anonymous: 401, default: 404 } },
  { route: "inbox", method: "GET", path: "/inbox", expect: { anonymous: 401, default: 200 } },
  { route: "progress", method: "GET", path: "/progress", expect: { anonymous: 401, default: 200 } },
  { route: "owner/associations", method: "GET", path: "/owner/associations", expect: { anonymous: 401, owner: 200, default: 403 } },
  { route: "owner/associations", method: "POST", path: "/owner/associations", expect: { anonymous: 401, owner: 400, default: 403 } },
  { route: "owner/associations/:slug", method: "GET", path: `/owner/associations/${slug}`, expect: { anonymous: 401, owner: 200, default: 403 } },
  { route: "owner/associations/:slug", method: "POST", path: `/owner/associations/${slug}`, expect: { anonymous: 401, owner: 400, default: 403 } },
  { route: "a/:slug", method: "GET", path: `/a/${slug}`, expect: 200 },
  // Anyone signed in may join as a member; then they are sent to their progress.
  { route: "a/:slug", method: "POST", path: `/a/${slug}`, expect: { anonymous: 401, default: 302 } },
  { route: "a/:slug/people", method: "GET", path: `/a/${slug}/people`, expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 } },
  { route: "a/:slug/people", method: "POST", path: `/a/${slug}/people`, expect: { anonymous: 401, admin: 400, owner: 400, default: 403 } },
  { route: "a/:slug/candidates", method: "GET", path: `/a/${slug}/candidates`, expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 } },
  { route: "a/:slug/candidates", method: "POST", path: `/a/${slug}/candidates`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  { route: "a/:slug/applications", method: "GET", path: `/a/${slug}/applications`, expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 } },
  { route: "a/:slug/applications", method: "POST", path: `/a/${slug}/applications`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  { route: "a/:slug/applications/:id", method: "GET", path: `/a/${slug}/applications/00000000-0000-4000-8000-000000000000`, expect: { anonymous: 401, default: 404 } },
  { route: "candidates/:id", method: "GET", path: "/candidates/00000000-0000-4000-8000-000000000000", expect: 404 },
  { route: "dev/mail", method: "GET", path: "/dev/mail", expect: { anonymous: 401, owner: 200, default: 403 } },
  { route: "healthz", method: "GET", path: "/healthz", expect: 200 },
  { route: "*", method: "GET", path: "/no/such/page", expect: 404 },
  { route: "*", method: "POST", path: "/no/such/page", expect: 404 },
];

let app: TestApp;
const people = new Map<ActorName, { id: string }>();

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.services;
  const home = await buildAssociation(db, { slug });
  const other = await buildAssociation(db);
  people.set("member", await buildMember(db, home.id, "member"));
  people.set("reviewer", await buildMember(db, home.id, "reviewer"));
  people.set("staff", await buildMember(db, home.id, "staff"));
  people.set("admin", await buildMember(db, home.id, "admin"));
  people.set("other-admin", await buildMember(db, other.id, "admin"));
  people.set("owner", await buildUser(db, { isOwner: true }));
});

/** A fresh browser per case, so a log-out in one case cannot change the next. */
async function clientFor(actor: ActorName): Promise<HttpClient> {
  const client = await app.client();
  const person = people.get(actor);
  if (person) await signIn(app.services.db, client, person.id);
  return client;
}
afterAll(() => app?.close());

function expected(expectation: Expectation, actor: ActorName): number {
  if (typeof expectation === "number") return expectation;
  const status = expectation[actor] ?? expectation.default;
  if (status === undefined) throw new Error(`No expectation for ${actor}`);
  return status;
}

describe("every route answers each kind of person as its policy says", () => {
  it("the table covers every route of app/routes.ts", () => {
    const declared = routes.map((route) => route.path ?? "/");
    expect(new Set(rows.map((row) => row.route))).toEqual(new Set(declared));
  });

  for (const row of rows) {
    it.each(actors)(`${row.method} ${row.path} as %s`, async (actor) => {
      const client = await clientFor(actor);
      const page = row.method === "GET" ? await client.get(row.path) : await client.post(row.path, row.fields ?? {});
      expect(page.status).toBe(expected(row.expect, actor));
    });
  }
});
