import { afterAll, describe, expect, it } from "vitest";
import { assignAdvisor } from "../../src/commands/assign-advisor.ts";
import { enrolCandidate } from "../../src/commands/enrol-candidate.ts";
import { uploadDocument } from "../../src/commands/upload-document.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { buildMember, buildUser } from "../setup/builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { buildAllianceAssociation, buildApplicationInReview, buildDraftApplication, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** Addresses of this site in the page's links (not its forms), made absolute against the page, without their #fragment. */
function linksOf(html: string, page: string): string[] {
  const hrefs = [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  const base = new URL(page, "http://cradle.test");
  return hrefs
    .map((href) => new URL(href, base))
    .filter((url) => url.origin === base.origin)
    .map((url) => `${url.pathname}${url.search}`);
}

/** Follows every link a person is shown, from `starts` outwards, and gives each address with its status and the page that showed it. */
async function followEveryLink(client: HttpClient, starts: string[]) {
  const seen = new Map<string, { status: number; from: string }>();
  const queue = starts.map((path) => ({ path, from: "(start)" }));
  while (queue.length > 0 && seen.size < 400) {
    const { path, from } = queue.shift()!;
    if (seen.has(path)) continue;
    const page = await client.get(path);
    seen.set(path, { status: page.status, from });
    if (page.status === 200 && page.headers.get("content-type")?.startsWith("text/html")) {
      for (const link of linksOf(page.text, path)) if (!seen.has(link)) queue.push({ path: link, from: path });
    }
  }
  return [...seen].map(([path, { status, from }]) => ({ path, status, from }));
}

// An association with an application in review (a document, a reviewer), a draft, and a candidate with an advisor.
const home = await buildAllianceAssociation(app);
await setFrameworksOfAssociation(db, home.id, ["alliance-iecmh-e", "california-ifecmh"]);
const inReview = await buildApplicationInReview(app, { associationId: home.id, name: "Ana Applicant" });
await runOrThrow(app, uploadDocument, inReview.actor, { type: "resume", filename: "resume.pdf", file: pdf });
await buildDraftApplication(app, { associationId: home.id });
const advisor = await buildMember(db, home.id, "reviewer");
const { candidacyId } = await runOrThrow(app, enrolCandidate, inReview.actor, { associationId: home.id, frameworkId: "california-ifecmh", categoryId: "tmhp" });
await runOrThrow(app, assignAdvisor, inReview.staff.actor, { candidacyId, advisorEmail: advisor.email });
const filePath = `/a/${home.slug}/applications/${inReview.applicationId}`;

const people = [
  { who: "the applicant", userId: inReview.user.id, starts: ["/"] },
  { who: "staff", userId: inReview.staff.user.id, starts: ["/", `/a/${home.slug}`] },
  { who: "an admin", userId: (await buildMember(db, home.id, "admin")).id, starts: ["/", `/a/${home.slug}`] },
  { who: "the assigned reviewer", userId: inReview.reviewer.user.id, starts: ["/", filePath] },
  { who: "the advisor", userId: advisor.id, starts: ["/", `/candidates/${candidacyId}`] },
  // The owner runs the installation: they list an association's applications and candidates, but read no one's file or progress.
  { who: "the owner", userId: (await buildUser(db, { isOwner: true })).id, starts: ["/", `/a/${home.slug}`] },
];

describe("every link a person is shown leads to a page they may read", () => {
  it.each(people)("$who", async ({ userId, starts }) => {
    const reached = await followEveryLink(await app.clientAs(userId), starts);
    expect(reached.length).toBeGreaterThan(5);
    expect(reached.filter((page) => page.status !== 200)).toEqual([]);
  });

  it("shows the owner the applications and candidates without links to their files or progress", async () => {
    const owner = await app.clientAs(people.at(-1)!.userId);
    const applications = await owner.get(`/a/${home.slug}/applications`);
    expect(applications.text).toContain("Ana Applicant: Infant Family Specialist");
    expect(applications.text).not.toContain(`href="${filePath}"`);
    const candidates = await owner.get(`/a/${home.slug}/candidates`);
    expect(candidates.text).toContain("Ana Applicant");
    expect(candidates.text).not.toContain(`href="/candidates/${candidacyId}"`);

    const staff = await app.clientAs(inReview.staff.user.id);
    expect((await staff.get(`/a/${home.slug}/applications`)).text).toContain(`href="${filePath}"`);
    expect((await staff.get(`/a/${home.slug}/candidates`)).text).toContain(`href="/candidates/${candidacyId}"`);
  });
});
