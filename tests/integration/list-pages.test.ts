import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { ApplicationStatus } from "../../src/domain/application-lifecycle.ts";
import { listPageSize } from "../../src/queries/list-page.ts";
import { buildMember, buildUser } from "../setup/builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { buildAllianceAssociation } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

/**
 * The lists that grow are read a page at a time (issue 18, decision 024). 310 applications of one
 * association, written straight into the tables, walked page by page as the association's staff.
 */
const app = await startTestApp();
afterAll(() => app.close());

const db = app.services.db;
const association = await buildAllianceAssociation(app);
const staff = await buildMember(db, association.id, "staff");
const staffClient = await app.clientAs(staff.id);
const listPath = `/a/${association.slug}/applications`;

const dayMs = 86_400_000;
const now = Date.now();
const statusCycle: ApplicationStatus[] = ["submitted", "in-review", "draft", "endorsed", "submitted"];

// Three applications share each submission moment, and the 62 drafts share the one moment the insert
// ran (to the microsecond, across the first page's end), so the order's last key, the id, keeps pages apart.
const applicants = await db
  .insertInto("users")
  .values(Array.from({ length: 310 }, (_, i) => ({ email: `applicant-${i}@example.org`, name: `Applicant ${String(i).padStart(3, "0")}`, password_hash: "x" })))
  .returning(["id", "name"])
  .execute();
const inserted = await db
  .insertInto("applications")
  .values(
    applicants.map((applicant, i) => {
      const status = statusCycle[i % statusCycle.length]!;
      return {
        user_id: applicant.id,
        association_id: association.id,
        framework_id: "alliance-iecmh-e",
        category_id: "ifs",
        status,
        submitted_at: status === "draft" ? null : new Date(now - (Math.floor(i / 3) * 4 + 1) * dayMs),
        // Microseconds that a JavaScript Date would round away; PGlite's clock alone gives none.
        created_at: sql<Date>`cast(${new Date(now).toISOString().replace("Z", "471Z")} as timestamptz)`,
        updated_at: new Date(),
      };
    }),
  )
  .returning(["id", "user_id", "status", "submitted_at", "created_at"])
  .execute();
const nameOf = new Map(applicants.map((applicant) => [applicant.id, applicant.name]));

/** Newest first, a draft by when it was started; ties by id, as PostgreSQL orders uuids (their hex text). */
function expectedOrder(keep: (row: (typeof inserted)[number]) => boolean = () => true) {
  return inserted
    .filter(keep)
    .map((row) => ({ name: nameOf.get(row.user_id)!, at: (row.submitted_at ?? row.created_at).getTime(), id: row.id }))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
    .map((row) => row.name);
}

const namesOn = (html: string) => [...html.matchAll(/<h2>(?:<a [^>]*>)?(Applicant \d{3}):/g)].map((match) => match[1]!);

function linkOn(html: string, text: string) {
  const anchor = [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].find((match) => match[2] === text);
  return anchor ? anchor[1]!.replaceAll("&amp;", "&") : undefined;
}

async function walk(client: HttpClient, start: string, linkText: "Next page" | "Previous page") {
  const pages: { names: string[]; html: string; path: string }[] = [];
  let path: string | undefined = start;
  while (path && pages.length < 20) {
    const page = await client.get(path);
    expect(page.status).toBe(200);
    pages.push({ names: namesOn(page.text), html: page.text, path });
    path = linkOn(page.text, linkText);
  }
  return pages;
}

describe("the staff applications list", () => {
  it("walks from the first page to the last and back: every application once, in order, 50 to a page and the rest on the last", async () => {
    const expected = expectedOrder();
    const forward = await walk(staffClient, listPath, "Next page");
    expect(forward.map((page) => page.names.length)).toEqual([50, 50, 50, 50, 50, 50, 10]);
    expect(forward.flatMap((page) => page.names)).toEqual(expected);
    expect(forward[0]!.html).toContain("Showing 1–50 of 310");
    expect(forward[2]!.html).toContain("Showing 101–150 of 310");
    expect(forward[6]!.html).toContain("Showing 301–310 of 310");
    expect(linkOn(forward[0]!.html, "Previous page")).toBeUndefined();
    expect(linkOn(forward[2]!.html, "First page")).toBe(listPath);
    expect(linkOn(forward[2]!.html, "Last page")).toBe(`${listPath}?page=last`);
    // Recording a fee on the third page comes back to the third page, also without JavaScript.
    expect(forward[2]!.html).toContain(`action="${forward[2]!.path}"`);

    const backward = await walk(staffClient, `${listPath}?page=last`, "Previous page");
    expect(backward.map((page) => page.names)).toEqual(forward.map((page) => page.names).reverse());
    expect(backward[0]!.html).toContain("Showing 301–310 of 310");
  });

  it("names the pager's landmark and offers the count of each status", async () => {
    const page = await staffClient.get(listPath);
    expect(page.text).toMatch(/<nav aria-label="Pages of Applications" class="pager">/);
    const submitted = inserted.filter((row) => row.status === "submitted").length;
    expect(page.text).toContain(`<option value="submitted">Submitted (${submitted})</option>`);
    expect(page.text).toContain(`<option value="draft">Draft (62)</option>`);
  });

  it("filters by status and window, counts within the window, and keeps the filters on every page", async () => {
    const since = now - 90 * dayMs;
    const inWindow = (row: (typeof inserted)[number]) => row.submitted_at !== null && row.submitted_at.getTime() >= since;
    const expected = expectedOrder((row) => row.status === "submitted" && inWindow(row));
    const pages = await walk(staffClient, `${listPath}?status=submitted&window=90`, "Next page");
    expect(pages.flatMap((page) => page.names)).toEqual(expected);
    expect(pages[0]!.html).toContain(`of ${expected.length}`);
    const inReview = inserted.filter((row) => row.status === "in-review" && inWindow(row)).length;
    expect(pages[0]!.html).toContain(`In review (${inReview})`);
    expect(pages[0]!.html).toContain(`<option value="draft">Draft (0)</option>`);

    const everySubmitted = await walk(staffClient, `${listPath}?status=submitted`, "Next page");
    expect(everySubmitted.length).toBeGreaterThan(1);
    for (const page of everySubmitted.slice(1)) expect(page.path).toMatch(/[?&]status=submitted(&|$)/);
    expect(everySubmitted.flatMap((page) => page.names)).toEqual(expectedOrder((row) => row.status === "submitted"));
  });

  it("shows the first page with a notice for a cursor or filter it did not write, never an error", async () => {
    const firstPage = namesOn((await staffClient.get(listPath)).text);
    const february30 = Buffer.from(JSON.stringify(["2026-02-30T10:00:00.000000Z", "00000000-0000-0000-0000-000000000000"])).toString("base64url");
    const hour25 = Buffer.from(JSON.stringify(["2026-02-03T25:00:00.000000Z", "00000000-0000-0000-0000-000000000000"])).toString("base64url");
    const notAUuid = Buffer.from(JSON.stringify(["2026-02-03T10:00:00.000000Z", "x' or 1=1"])).toString("base64url");
    for (const query of ["after=not-json", `after=${february30}`, `after=${hour25}`, `before=${notAUuid}`, "after=%25%25", "status=lost", "window=7"]) {
      const page = await staffClient.get(`${listPath}?${query}`);
      expect(page.status, query).toBe(200);
      expect(page.text, query).toContain("does not recognise");
      expect(namesOn(page.text), query).toEqual(firstPage);
    }
    const tooLong = await staffClient.get(`${listPath}?after=${"A".repeat(1200)}`);
    expect(tooLong.status).toBe(200);
    expect(namesOn(tooLong.text)).toEqual(firstPage);
  });

  it("keeps a page small however long the list is", async () => {
    const page = await staffClient.get(listPath);
    expect(namesOn(page.text)).toHaveLength(listPageSize);
    expect(Buffer.byteLength(page.text)).toBeLessThan(150_000);
  });
});

describe("the other lists that grow", () => {
  it("pages the association's people by name", async () => {
    await db
      .insertInto("association_roles")
      .values(applicants.map((applicant) => ({ user_id: applicant.id, association_id: association.id, role: "member" as const })))
      .execute();
    const pages = await walk(staffClient, `/a/${association.slug}/people`, "Next page");
    const names = pages.flatMap((page) => [...page.html.matchAll(/<td role="cell">(Applicant \d{3})<\/td>/g)].map((match) => match[1]!));
    expect(names).toEqual(applicants.map((applicant) => applicant.name).sort());
    expect(pages.at(-1)!.html).toContain("of 311");
  });

  it("pages the candidates, filtered by whether their candidacy has ended", async () => {
    await db
      .insertInto("candidacies")
      .values(
        applicants.slice(0, 120).map((applicant, i) => ({
          user_id: applicant.id,
          association_id: association.id,
          framework_id: "alliance-iecmh-e",
          category_id: "ifs",
          enrolled_at: new Date(now - 400 * dayMs),
          expires_at: new Date(now + (i % 2 === 0 ? 1 : -1) * (i + 1) * dayMs),
        })),
      )
      .execute();
    const path = `/a/${association.slug}/candidates`;
    const all = await walk(staffClient, path, "Next page");
    expect(all[0]!.html).toContain("Showing 1–50 of 120");
    expect(all[0]!.html).toContain("Active (60)");
    const ended = await walk(staffClient, `${path}?status=expired`, "Next page");
    const endedNames = ended.flatMap((page) => [...page.html.matchAll(/<h2>(Applicant \d{3})<\/h2>/g)].map((match) => match[1]!));
    expect(endedNames).toHaveLength(60);
    expect(new Set(endedNames).size).toBe(60);
    expect(endedNames.every((name) => Number(name.slice(-3)) % 2 === 1)).toBe(true);
    const recent = await staffClient.get(`${path}?window=30`);
    expect(recent.text).toContain("Nothing matches these filters.");
  });

  it("pages a person's inbox, newest first", async () => {
    const person = await buildUser(db);
    await db
      .insertInto("outbox")
      .values(
        Array.from({ length: 70 }, (_, i) => ({
          kind: "notice",
          user_id: person.id,
          to_address: "someone@example.org",
          subject: `Message ${String(i).padStart(2, "0")}`,
          text_body: "Hello",
          html_body: "<p>Hello</p>",
          status: "sent" as const,
          created_at: new Date(now - i * 60_000),
        })),
      )
      .execute();
    const pages = await walk(await app.clientAs(person.id), "/inbox", "Next page");
    const subjects = pages.flatMap((page) => [...page.html.matchAll(/<h2>(Message \d{2})<\/h2>/g)].map((match) => match[1]!));
    expect(subjects).toEqual(Array.from({ length: 70 }, (_, i) => `Message ${String(i).padStart(2, "0")}`));
    expect(pages[1]!.html).toContain("Showing 51–70 of 70");
  });
});
