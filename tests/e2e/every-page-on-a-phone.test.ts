import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { assignAdvisor } from "../../src/commands/assign-advisor.ts";
import { decideApplication } from "../../src/commands/decide-application.ts";
import { publishCredentialFields } from "../../src/commands/publish-credential-fields.ts";
import { assignAdvisoryReviewer } from "../../src/commands/assign-advisory-reviewer.ts";
import { commentOnPortfolio } from "../../src/commands/comment-on-portfolio.ts";
import { requestAdvisoryReview } from "../../src/commands/request-advisory-review.ts";
import { assignExamRater } from "../../src/commands/assign-exam-rater.ts";
import { recordExamPart2 } from "../../src/commands/record-exam-scores.ts";
import { registerForExam } from "../../src/commands/register-for-exam.ts";
import { enrolCandidate } from "../../src/commands/enrol-candidate.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { uploadDocument } from "../../src/commands/upload-document.ts";
import { askAuditExtension } from "../../src/commands/ask-audit-extension.ts";
import { createHourAudit } from "../../src/commands/create-hour-audit.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { sections } from "../../src/forms/portfolio-sections.ts";
import { translator } from "../../src/i18n/translate.ts";
import { accessibilityProblems, launchChromium, sidewaysOverflow } from "../setup/browser.ts";
import { buildMember, buildUser } from "../setup/builders.ts";
import { buildApplicationApprovedForExam, buildExamSitting } from "../setup/exam-builders.ts";
import { buildConfirmationRequest, buildConfirmEntriesRequest, buildReferenceRequest } from "../setup/link-builders.ts";
import { buildAllianceAssociation, buildApplicationInReview, buildDraftApplication, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

/**
 * Cradle on a phone: every page a person can reach, at 375 px wide in English and Spanish, neither
 * scrolls sideways nor fails axe; and a form sent with mistakes moves the focus to its errors, in
 * words that fit the control. One server (in this process, so the builders make the state through the
 * commands) and one browser serve every case.
 */
const app = await startTestApp();
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await app.close();
});
const { db } = app.services;
const phone = { width: 375, height: 740 };
const languages = [
  { language: "en", locale: "en-US" },
  { language: "es", locale: "es-MX" },
] as const;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

// Long names, a long file name and email addresses, as people have them.
const slug = "ca-center";
const home = await buildAllianceAssociation(app, { slug, name: "California Center for Infant-Family and Early Childhood Mental Health" });
await setFrameworksOfAssociation(db, home.id, ["alliance-iecmh-e", "california-ifecmh"]);
const inReview = await buildApplicationInReview(app, { associationId: home.id, name: "María Fernanda Gutiérrez-Villaseñor" });
const applicant = inReview.actor;
await runOrThrow(app, uploadDocument, applicant, {
  type: "transcript",
  filename: "Official_transcript_University_of_California_Los_Angeles_2015-2019_final.pdf",
  file: pdf,
});
const { applicationId: draftId } = await runOrThrow(app, startApplication, applicant, {
  associationId: home.id,
  frameworkId: "alliance-iecmh-e",
  categoryId: "ifa",
});
const { candidacyId } = await runOrThrow(app, enrolCandidate, applicant, { associationId: home.id, frameworkId: "california-ifecmh", categoryId: "tmhp" });
await runOrThrow(app, assignAdvisor, inReview.staff.actor, { candidacyId, advisorEmail: inReview.reviewer.user.email });
const rater = await buildReferenceRequest(app, { associationId: home.id });
const provider = await buildConfirmationRequest(app, { associationId: home.id });
const providerOfMany = await buildConfirmEntriesRequest(app, { associationId: home.id });
const admin = await buildMember(db, home.id, "admin", { name: "Administrator of the California Center" });
const owner = await buildUser(db, { isOwner: true, name: "Olga Owner" });
const file = `/a/${slug}/applications/${inReview.applicationId}`;
// An advisory review under way, with a comment beside a section and one on the whole portfolio.
const { advisoryReviewId } = await runOrThrow(app, requestAdvisoryReview, applicant, {
  associationId: home.id,
  frameworkId: "alliance-iecmh-e",
  categoryId: "ifa",
  question: "¿Son suficientes mis horas de formación especializada para la categoría que busco?",
});
await runOrThrow(app, assignAdvisoryReviewer, inReview.staff.actor, { advisoryReviewId, advisorUserId: inReview.reviewer.user.id });
for (const section of ["training", "general"] as const)
  await runOrThrow(app, commentOnPortfolio, inReview.reviewer.actor, {
    advisoryReviewId,
    section,
    body: "Consider adding the reflective practice hours from the 2024 cohort, with the provider's credentials and dates.",
  });
// An exam sitting with one examinee (asking for an accommodation) whose Part 2 the reviewer rates, and another approved to register.
const sittingId = await buildExamSitting(app, inReview.staff.actor, home.id);
const examinee = await buildApplicationApprovedForExam(app, { associationId: home.id, name: "Guadalupe Hernández-Castellanos" });
const { registrationId } = await runOrThrow(app, registerForExam, examinee.actor, {
  applicationId: examinee.applicationId,
  sittingId,
  accommodation: "Extra time and a screen reader, as in my previous exams.",
});
await runOrThrow(app, recordExamPart2, inReview.staff.actor, { associationId: home.id, registrationId, answers: "Vignette 1: I would begin by listening." });
const { ratingId } = await runOrThrow(app, assignExamRater, inReview.staff.actor, {
  associationId: home.id,
  registrationId,
  reviewer: inReview.reviewer.user.id,
});
const approvedForExam = await buildApplicationApprovedForExam(app, { associationId: home.id, name: "Maximiliano Rodríguez-Echeverría" });

// A holder of a credential, with its employer and email published.
const holderReview = await buildApplicationInReview(app, { associationId: home.id, name: "Anastasia Villalobos-Quintanilla" });
await runOrThrow(app, decideApplication, holderReview.staff.actor, {
  associationId: home.id,
  applicationId: holderReview.applicationId,
  outcome: "endorse",
  feedback: "",
  expectedStatus: "in-review",
  expectedVersion: 1,
});
const credential = await db
  .selectFrom("credentials")
  .select(["id", "number"])
  .where("application_id", "=", holderReview.applicationId)
  .executeTakeFirstOrThrow();
await runOrThrow(app, publishCredentialFields, holderReview.actor, {
  credentialId: credential.id,
  fields: ["issued", "renewalDue", "email", "employer", "registry"],
});

// An audit of the holder's reported hours, with a request for more time waiting for staff.
const { auditId } = await runOrThrow(app, createHourAudit, holderReview.staff.actor, {
  associationId: home.id,
  periodDue: (await db.selectFrom("credentials").select("renewal_due").where("id", "=", credential.id).executeTakeFirstOrThrow()).renewal_due,
  evidenceDue: "2099-01-01",
  instructions: "Certificates of attendance, please.",
  selection: "picked",
  percent: null,
  people: [holderReview.user.email],
});
const { id: auditedId } = await db.selectFrom("hour_audit_people").select("id").where("audit_id", "=", auditId).executeTakeFirstOrThrow();
await runOrThrow(app, askAuditExtension, holderReview.actor, { auditedId, until: "2099-02-01", reason: "Away on a long training course." });

type Visit = string | { path: string; status: number };
const people: Array<{ who: string; userId: string | null; pages: Visit[] }> = [
  {
    who: "a visitor",
    userId: null,
    pages: [
      "/",
      "/login",
      "/signup",
      "/forgot-password",
      "/verify-email",
      "/reset-password",
      `/a/${slug}`,
      `/r/${rater.token}`,
      `/v/${provider.token}`,
      `/c/${providerOfMany.token}`,
      `/verify/${credential.number}`,
      "/verify",
      `/a/${slug}/registry`,
      { path: "/verify?number=not%20a%20number", status: 400 },
      { path: "/verify/XX-IFS-2026-0001", status: 404 },
      { path: "/no/such/page", status: 404 },
    ],
  },
  {
    who: "an applicant",
    userId: inReview.user.id,
    pages: [
      "/account",
      "/portfolio",
      ...sections.map((section) => `/portfolio/${section.id}/new`),
      "/portfolio/training/t1",
      "/portfolio/confirm/r1",
      "/portfolio/references",
      "/portfolio/documents",
      "/portfolio/statement",
      "/portfolio/reflective-supervision/series",
      "/portfolio/reflective-supervision/new?from=r1",
      "/portfolio/import",
      "/progress",
      "/progress?open=alliance-iecmh-e/ifs",
      "/inbox",
      "/applications",
      `/applications/${draftId}`,
      `/applications/${inReview.applicationId}`,
      `/candidates/${candidacyId}`,
      "/advisory",
      { path: "/owner/associations", status: 403 },
    ],
  },
  {
    who: "an association's admin",
    userId: admin.id,
    pages: [
      `/a/${slug}`,
      `/a/${slug}/people`,
      `/a/${slug}/candidates`,
      `/a/${slug}/applications`,
      `/a/${slug}/reviewers/${inReview.reviewer.user.id}`,
      `/a/${slug}/advisory`,
      `/a/${slug}/renewal-cycle`,
      `/a/${slug}/credentials`,
      `/a/${slug}/credentials/${credential.id}`,
      `/a/${slug}/certificate-settings`,
      `/a/${slug}/audits`,
      `/a/${slug}/audits/${auditId}`,
      `/a/${slug}/renewals`,
      `/a/${slug}/renewals/${credential.id}`,
      `/advisory/${advisoryReviewId}`,
      `/a/${slug}/exams`,
      `/a/${slug}/exams/${sittingId}?registration=${registrationId}`,
      `/a/${slug}/letters?kind=approve-for-exam&locale=es`,
      file,
      `${file}/reviews`,
      `/candidates/${candidacyId}`,
    ],
  },
  {
    who: "a reviewer",
    userId: inReview.reviewer.user.id,
    pages: [
      file,
      "/inbox",
      `/a/${slug}/conflicts`,
      `${file}/review`,
      "/advisory",
      `/advisory/${advisoryReviewId}`,
      "/exam-ratings",
      `/exam-ratings/${ratingId}`,
    ],
  },
  { who: "an applicant approved to sit the exam", userId: approvedForExam.user.id, pages: [`/applications/${approvedForExam.applicationId}`] },
  {
    who: "a holder",
    userId: holderReview.user.id,
    pages: ["/credentials", `/audits/${auditedId}`, `/credentials/${credential.id}/renew`, `/credentials/${credential.id}/reinstate`],
  },
  { who: "an examinee", userId: examinee.user.id, pages: [`/applications/${examinee.applicationId}`] },
  {
    who: "the owner",
    userId: owner.id,
    pages: ["/owner/associations", `/owner/associations/${slug}`, "/dev/mail", `/a/${slug}/people`, `/a/${slug}/candidates`, `/a/${slug}/applications`],
  },
];

/** A phone's browser in that language, signed in as the person (their session cookie), or nobody's. */
async function phoneOf(userId: string | null, locale: string, javaScript = true) {
  const context = await browser.newContext({ baseURL: app.url, locale, viewport: phone, javaScriptEnabled: javaScript });
  if (userId) {
    const client = await app.clientAs(userId);
    await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value: encodeURIComponent(value), url: app.url })));
  }
  const page = await context.newPage();
  page.setDefaultTimeout(browserWaitMs());
  return { page, close: () => context.close() };
}

/** The route of app/routes.ts an address reaches: the matching pattern with the most fixed segments, as React Router ranks them. */
function routeOf(path: string): string {
  const segments = path.split("?")[0]!.split("/").filter(Boolean);
  const candidates = routes
    .map((route) => ({ pattern: route.path ?? "", parts: (route.path ?? "").split("/").filter(Boolean) }))
    .filter(
      ({ pattern, parts }) =>
        pattern === "*" || (parts.length === segments.length && parts.every((part, index) => part.startsWith(":") || part === segments[index])),
    )
    .map((candidate) => ({ ...candidate, fixed: candidate.pattern === "*" ? -1 : candidate.parts.filter((part) => !part.startsWith(":")).length }));
  return candidates.sort((a, b) => b.fixed - a.fixed)[0]!.pattern;
}

/** Hints and error messages narrower than the field they belong to, as beside a tick box's label: read a word per line. */
function squeezedMessages(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".hint, .field-error")]
      .filter((message) => message instanceof HTMLElement && message.parentElement && message.offsetWidth < message.parentElement.clientWidth * 0.9)
      .map((message) => `squeezed: ${message.textContent ?? ""}`),
  );
}

describe("every page at 375 px wide", () => {
  it("the list covers every page of app/routes.ts", () => {
    const pages = routes.filter((route) => route.file.endsWith(".tsx")).map((route) => route.path ?? "");
    const visited = new Set(people.flatMap(({ pages: visits }) => visits.map((visit) => routeOf(typeof visit === "string" ? visit : visit.path))));
    expect(pages.filter((page) => !visited.has(page))).toEqual([]);
  });

  describe.each(languages)("in $language", ({ locale }) => {
    it.each(people)("for $who: no sideways scroll, no squeezed hint, nothing for axe", async ({ userId, pages }) => {
      const { page, close } = await phoneOf(userId, locale);
      const problems: string[] = [];
      for (const visit of pages) {
        const { path, status } = typeof visit === "string" ? { path: visit, status: 200 } : visit;
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(status);
        const found = [...(await sidewaysOverflow(page)), ...(await squeezedMessages(page)), ...(await accessibilityProblems(page))];
        problems.push(...found.map((problem) => `${path}: ${problem}`));
      }
      await close();
      expect(problems).toEqual([]);
    });
  });
});

/** Whether the element has the keyboard focus. */
const hasFocus = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element === document.activeElement);

describe("errors on a phone are announced", () => {
  it.each([
    { language: "en", locale: "en-US", javaScript: true },
    { language: "es", locale: "es-MX", javaScript: false },
  ] as const)(
    "submitting with the boxes unticked asks for them, focus on the summary ($language, JavaScript: $javaScript)",
    async ({ language, locale, javaScript }) => {
      const t = translator(language);
      const draft = await buildDraftApplication(app, { associationId: home.id });
      const { page, close } = await phoneOf(draft.user.id, locale, javaScript);
      await page.goto(`/applications/${draft.applicationId}`);
      const submit = page.getByRole("button", { name: t("application.submit") });
      await submit.click();

      const summary = page.getByRole("alert");
      await summary.getByRole("link", { name: t("application.tickAttest") }).waitFor();
      await summary.getByRole("link", { name: t("application.tickEthics") }).waitFor();
      await expect.poll(() => hasFocus(page, ".error-summary")).toBe(true);
      expect(await page.getByRole("checkbox", { name: t("application.attest") }).getAttribute("aria-invalid")).toBe("true");
      // The message next to the box has the width of the form, not a word per line beside the box's label.
      const message = await page.locator("#error-attest").boundingBox();
      expect(message!.width).toBeGreaterThan(phone.width * 0.75);
      expect(await sidewaysOverflow(page)).toEqual([]);
      if (javaScript) expect(await accessibilityProblems(page)).toEqual([]);

      // One box ticked from the keyboard; it stays ticked, and only the other is asked for.
      await page.getByRole("checkbox", { name: t("application.attest") }).press("Space");
      await submit.press("Enter");
      await summary.getByRole("link", { name: t("application.tickAttest") }).waitFor({ state: "detached" });
      await expect.poll(() => hasFocus(page, ".error-summary")).toBe(true);
      expect(await page.getByRole("checkbox", { name: t("application.attest") }).isChecked()).toBe(true);

      // The summary's link leads to the box; tick it, go on to the button and send.
      await summary.getByRole("link", { name: t("application.tickEthics") }).click();
      expect(await hasFocus(page, "#field-ethics")).toBe(true);
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      expect(await hasFocus(page, `button[value="submit"]`)).toBe(true);
      await page.keyboard.press("Enter");
      await page.getByText(t("application.submitted")).waitFor();
      await close();
    },
  );

  it("an upload without a file says so in a summary that takes the focus, keeping the type chosen", async () => {
    const t = translator("en");
    const { page, close } = await phoneOf(inReview.user.id, "en-US");
    await page.goto("/portfolio/documents");
    await page.getByLabel(t("documents.type")).selectOption("certificate");
    await page.getByRole("button", { name: t("documents.upload") }).click();
    await page
      .getByRole("alert")
      .getByRole("link", { name: `${t("documents.file")}: ${t("import.noFile")}` })
      .waitFor();
    await expect.poll(() => hasFocus(page, ".error-summary")).toBe(true);
    expect(await page.getByLabel(t("documents.type")).inputValue()).toBe("certificate");
    expect(await page.getByLabel(t("documents.file")).getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityProblems(page)).toEqual([]);
    await close();
  });
});
