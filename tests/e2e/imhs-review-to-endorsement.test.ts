import { readFileSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";
import { translator } from "../../src/i18n/translate.ts";
import { expectAccessible } from "../setup/browser.ts";
import { dayFromToday } from "../setup/exam-builders.ts";
import { fetchPublicKey, readStatusListBit, verifyIndependently } from "../setup/independent-verifier.ts";
import { startJourneyWithMail } from "../setup/journey.ts";
import { pdfQrCodes, pdfText } from "../setup/read-certificate.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

/**
 * A submitted IMHS application from review to endorsement, in the browser, as the people would:
 * the reviewer the applicant named as a rater is not offered, two others review (one overriding a
 * requirement, and they disagree), staff approve to sit the exam, the applicant registers, two blind
 * raters differ and a third decides pass, staff endorse. Every letter arrives by mail and as a PDF.
 * The holder then downloads the certificate and the signed badge, and staff revoke the credential.
 */
const { server, browser, inbox, close } = await startJourneyWithMail([["src/cli/seed-demo.ts"]]);
afterAll(close);

const imhs = loadFrameworks()
  .find((framework) => framework.id === "alliance-iecmh-e")!
  .categories.find((category) => category.id === "imhs")!;
const portfolio = readFileSync("examples/ifs-portfolio.json");
/** How long a page or the mailbox may take; a slow machine raises it. */
const waitMs = browserWaitMs();
/** Milliseconds between key presses where a person types. */
const typingDelay = 25;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The longest fixed part of a catalogue text with placeholders: what any letter of that kind says word for word. */
const fixedPart = (text: string) =>
  text
    .split(/\{\w+\}/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .sort((a, b) => b.length - a.length)[0]!;

describe.each([
  { slug: "sc-imh", region: "South Carolina", applicant: "applicant1", applicantName: "Applicant One", language: "en" as const, javaScript: true },
  { slug: "mi-imh", region: "Michigan", applicant: "applicant2", applicantName: "Solicitante Dos", language: "es" as const, javaScript: false },
])(
  "an IMHS application at $slug from review to endorsement, the applicant in $language (JavaScript: $javaScript)",
  ({ slug, region, applicant, applicantName, language, javaScript }) => {
    it("goes past a conflicted reviewer, through two disagreeing reviews, the exam with a third rater, to the endorsement, its certificate and signed badge, and its revocation", async () => {
      const ta = translator(language);
      const ts = translator("en");
      const email = (local: string) => `${local}@${slug}.demo.cradle.test`;
      const named = (name: string) => `${name} (${region})`;
      const applicantEmail = email(applicant);
      const fullName = named(applicantName);
      const category = imhs.name[language];
      const contexts: BrowserContext[] = [];
      // axe runs inside the page, so it needs JavaScript; without it the pages are the same server render.
      const check = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());
      const signedIn = async (local: string) => {
        const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, acceptDownloads: true });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(waitMs);
        await page.goto("/login");
        await check(page);
        await page.getByLabel(ts("field.email"), { exact: true }).fill(email(local));
        await page.getByLabel(ts("field.password"), { exact: true }).fill("cradle-demo-2026");
        await page.getByRole("button", { name: ts("logIn.submit") }).click();
        await page.waitForURL((url) => !url.pathname.startsWith("/login"));
        return page;
      };
      // With JavaScript, a person's first click on a page comes once React has taken the page over (its forms hydrated).
      const hydrated = (page: Page) =>
        javaScript
          ? page.waitForFunction(() => {
              const form = document.querySelector("form[method=post]");
              return !form || Object.keys(form).some((key) => key.startsWith("__react"));
            })
          : Promise.resolve();
      const visit = async (page: Page, path: string) => {
        await page.goto(path);
        await hydrated(page);
        await check(page);
      };
      const button = (page: Page | Locator, name: string) => page.getByRole("button", { name, exact: true });
      /** The letter by mail to the applicant, then its PDF from the application page, read as text. */
      const letter = async (page: Page, kind: "approve-for-exam" | "exam-pass" | "endorse") => {
        const subject = ta(`letter.${kind}.subject`, { category });
        const body = fixedPart(ta(`letter.${kind}.body`));
        const mail = await inbox.waitFor(
          (received) => received.to.includes(applicantEmail) && received.subject === subject && received.text.replace(/\s+/g, " ").includes(body),
          waitMs,
        );
        expect(mail.text).toContain(fullName);
        await visit(page, applicationPath);
        const download = page.waitForEvent("download");
        await page.getByRole("link", { name: new RegExp(`^${escape(subject)},.*PDF`) }).click();
        const pdf = readFileSync(await (await download).path());
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
        const words = text.replace(/\s+/g, " ");
        expect(words).toContain(fullName);
        expect(words).toContain(body);
      };
      let applicationPath = "";

      try {
        // The applicant brings a portfolio, asks a reviewer of the association for a reference rating, and submits.
        const person = await signedIn(applicant);
        await visit(person, "/portfolio/import");
        await person.getByLabel(ta("import.file"), { exact: true }).setInputFiles({ name: "portfolio.json", mimeType: "application/json", buffer: portfolio });
        await button(person, ta("import.submit")).click();
        // "Added 12 entries.", in the page's language.
        const added = [1, 2].map((count) => ta("import.added", { count }).replace(String(count), "\\d+").replace(".", "\\."));
        await person
          .getByText(new RegExp(`^(${added.join("|")})$`))
          .first()
          .waitFor();
        await visit(person, "/portfolio/references");
        const conflicted = named("Reviewer");
        await person.getByLabel(ta("references.raterName"), { exact: true }).fill(conflicted);
        await person.getByLabel(ta("references.raterEmail"), { exact: true }).fill(email("reviewer"));
        await person.getByLabel(ta("references.role"), { exact: true }).selectOption("current-supervisor");
        await person.getByLabel(ta("references.category"), { exact: true }).selectOption({ label: `${imhs.abbreviation}: ${category}` });
        await button(person, ta("references.send")).click();
        await person.getByText(ta("references.sent", { name: conflicted })).waitFor();
        await check(person);
        await visit(person, "/applications");
        const choice = await person.locator("#field-choice option", { hasText: `${imhs.abbreviation}: ` }).getAttribute("value");
        await person.getByLabel(ta("applications.categoryToApply")).selectOption(choice);
        await button(person, ta("applications.startButton")).click();
        await person.getByLabel(ta("application.attest")).check();
        await person.getByLabel(ta("application.ethics")).check();
        await check(person);
        await button(person, ta("application.submit")).click();
        await person.getByText(ta("application.submitted")).waitFor();
        applicationPath = new URL(person.url()).pathname;
        const filePath = `/a/${slug}${applicationPath}`;

        // Staff: the named reviewer is not offered, and the page says why; two others are assigned.
        const admin = await signedIn("admin");
        await visit(admin, `/a/${slug}/applications`);
        const article = admin.getByRole("article").filter({ has: admin.getByRole("heading", { name: `${fullName}: ${imhs.name.en}` }) });
        await article.getByText(ts("staffApplications.notOfferedConflict", { name: conflicted, reason: ts("conflict.named-as-rater") })).waitFor();
        const reviewerSelect = article.getByLabel(ts("staffApplications.reviewer"), { exact: true });
        expect(await reviewerSelect.locator("option", { hasText: conflicted }).count()).toBe(0);
        const reviewers = [
          { local: "reviewer2", name: named("Tomás Reyes") },
          { local: "reviewer3", name: named("Uma Patel") },
        ];
        for (const reviewer of reviewers) {
          await reviewerSelect.selectOption({ label: reviewer.name });
          await button(article, ts("staffApplications.assign")).click();
          await admin.getByText(ts("staffApplications.recorded")).waitFor();
        }
        await article.getByText(ts("staffApplications.reviewers", { names: reviewers.map((reviewer) => reviewer.name).join(", ") })).waitFor();
        await check(admin);

        // Each reviewer fills in the checklist; the second overrides the first requirement, and they recommend differently.
        for (const [index, reviewer] of reviewers.entries()) {
          const page = await signedIn(reviewer.local);
          await visit(page, filePath);
          await page.getByRole("link", { name: ts("checklist.open") }).click();
          const verdicts = page.getByRole("group", { name: ts("checklist.yourVerdict") });
          await verdicts.first().waitFor();
          await hydrated(page);
          await check(page);
          for (const group of await verdicts.all()) await group.getByRole("radio").first().check();
          const scores = page.locator("fieldset:has(input[type=radio])").filter({ hasNot: page.getByText(ts("checklist.yourVerdict"), { exact: true }) });
          for (const group of await scores.all()) await group.getByRole("radio").nth(2).check();
          // Typed key by key: with JavaScript the draft is kept as the reviewer types.
          await page
            .getByLabel(ts("checklist.feedback"), { exact: true })
            .pressSequentially(index === 0 ? "A strong file." : "Please add your training on attachment.", { delay: typingDelay });
          const recommendation = index === 0 ? "approve-for-exam" : "defer";
          await page.getByLabel(ts("checklist.recommendation"), { exact: true }).selectOption(recommendation);
          await page.getByLabel(ts("checklist.hours"), { exact: true }).fill("1.5");
          if (index === 1) {
            const requirement = (await page.locator(".review-requirement h3").first().textContent()) ?? "";
            await verdicts.first().getByLabel(ts("checklist.decision.override"), { exact: true }).check();
            await button(page, ts("checklist.submit")).click();
            const comment = page.getByLabel(ts("checklist.comment", { requirement }), { exact: true });
            await page.getByRole("alert").first().waitFor();
            expect(await comment.getAttribute("aria-invalid")).toBe("true");
            const describedBy = ((await comment.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
            const described = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
            expect(described.join(" ")).toContain(ts("review.error.overrideComment"));
            await check(page);
            await comment.pressSequentially("The master's degree is on the official transcript that came by mail.", { delay: typingDelay });
          }
          await button(page, ts("checklist.submit")).click();
          await page.getByText(ts("checklist.submitted", { date: "\u0000" }).split("\u0000")[0]!).waitFor();
          await check(page);
        }

        // Staff see the disagreement side by side, then approve to sit the exam.
        await visit(admin, filePath);
        await admin.getByRole("link", { name: ts("reviewsCompared.link") }).click();
        await admin.getByRole("heading", { level: 1, name: ts("reviewsCompared.title") }).waitFor();
        await admin
          .getByRole("row")
          .filter({ hasText: ts("reviewsCompared.disagree") })
          .first()
          .waitFor();
        expect(
          await admin
            .getByRole("row")
            .filter({ hasText: ts("reviewsCompared.disagree") })
            .count(),
        ).toBeGreaterThanOrEqual(2);
        await check(admin);
        await visit(admin, filePath);
        await admin.getByLabel(ts("decision.outcome.approve-for-exam")).check();
        await button(admin, ts("decision.submit")).click();
        await admin.getByText(ts("decision.done")).waitFor();
        await check(admin);
        await letter(person, "approve-for-exam");

        // Staff add a sitting; the applicant registers for it on the application page.
        await visit(admin, `/a/${slug}/exams`);
        await admin.getByLabel(ts("exams.day"), { exact: true }).fill(dayFromToday(14));
        await admin.getByLabel(ts("exams.startsAt"), { exact: true }).fill("09:30");
        await admin.getByLabel(ts("exams.mode"), { exact: true }).selectOption("online");
        await admin.getByLabel(ts("exams.place"), { exact: true }).fill("https://meet.example.org/imhs");
        await admin.getByLabel(ts("exams.capacity"), { exact: true }).fill("6");
        await button(admin, ts("exams.create")).click();
        await admin.getByText(ts("exams.created")).waitFor();
        const roster = new URL(admin.url()).pathname;
        await check(admin);
        await visit(person, applicationPath);
        await button(person, ta("exams.registerButton")).click();
        await person.getByText(ta("exams.youRegistered")).waitFor();
        await check(person);

        // Staff enter Part 1 (a pass) and Part 2, and assign two raters.
        await visit(admin, roster);
        await admin.getByRole("link", { name: new RegExp(escape(fullName)) }).click();
        await admin.getByLabel(ts("exams.part1", { items: 60 }), { exact: true }).waitFor();
        await hydrated(admin);
        await admin.getByLabel(ts("exams.part1", { items: 60 }), { exact: true }).fill("52");
        await button(admin, ts("exams.part1Save")).click();
        await admin.getByText(ts("exams.saved")).waitFor();
        const answers = "Vignette 2: I would first wonder with the father about the baby's crying.";
        await admin.getByLabel(ts("exams.part2"), { exact: true }).fill(answers);
        await button(admin, ts("exams.part2Save")).click();
        await admin.getByText(ts("exams.saved")).waitFor();
        const registration = new URL(admin.url());
        const raters = [
          { local: "reviewer4", name: named("Victor Osei"), result: "pass" },
          { local: "reviewer5", name: named("Wendy Liu"), result: "not-yet" },
          { local: "reviewer6", name: named("Yara Haddad"), result: "pass" },
        ];
        const assign = async (rater: (typeof raters)[number]) => {
          await admin.getByLabel(ts("exams.rater"), { exact: true }).selectOption({ label: rater.name });
          await button(admin, ts("exams.assign")).click();
          await admin.getByText(ts("exams.saved")).waitFor();
          await check(admin);
        };
        /** The rater sees the exam by its code only, never who sat it. */
        const rate = async (rater: (typeof raters)[number]) => {
          const page = await signedIn(rater.local);
          const anonymous = async () => {
            const content = await page.content();
            expect(content).not.toContain(applicantName);
            expect(content).not.toContain(applicantEmail);
          };
          await visit(page, "/exam-ratings");
          await anonymous();
          await page.getByRole("link", { name: /EX-/ }).click();
          await page.getByText(answers).waitFor();
          await hydrated(page);
          await check(page);
          await anonymous();
          if (rater.local === "reviewer6") await page.getByText(ts("examRating.third")).waitFor();
          await page.getByLabel(ts("examRating.result"), { exact: true }).selectOption(rater.result);
          await page.getByLabel(ts("examRating.comments"), { exact: true }).pressSequentially("Rated against the guide.", { delay: typingDelay });
          await page.getByLabel(ts("examRating.hours"), { exact: true }).fill("1");
          await button(page, ts("examRating.submit")).click();
          await page.getByText(ts("examRating.submitted")).waitFor();
        };
        await assign(raters[0]!);
        await assign(raters[1]!);
        await rate(raters[0]!);
        await rate(raters[1]!);

        // They differ: staff assign a third rater, whose pass decides.
        await visit(admin, registration.pathname + registration.search);
        await admin.getByText(ts("exams.needsThird")).waitFor();
        await assign(raters[2]!);
        await rate(raters[2]!);
        await letter(person, "exam-pass");
        await visit(admin, registration.pathname + registration.search);
        await admin
          .getByText(ts("exams.result", { result: ts("exams.result.pass") }))
          .first()
          .waitFor();

        // Staff endorse; the endorsement letter arrives.
        await visit(admin, filePath);
        await admin.getByLabel(ts("decision.outcome.endorse")).check();
        await button(admin, ts("decision.submit")).click();
        await admin.getByText(ts("decision.done")).waitFor();
        await check(admin);
        await letter(person, "endorse");

        // The holder's credential: the certificate parses and its QR code leads to the verification page.
        await visit(person, "/credentials");
        const number = (await person.locator("main").innerText()).match(/\b[A-Z0-9]{1,10}-[A-Z0-9-]{1,20}-\d{4}-\d{4,}\b/)?.[0];
        expect(number).toBeDefined();
        const certificate = person.waitForEvent("download");
        await person.getByRole("link", { name: ta("credentials.certificate") }).click();
        const pdf = readFileSync(await (await certificate).path());
        const words = await pdfText(pdf);
        expect(words).toContain(fullName);
        expect(words).toContain(number!);
        const [qr] = await pdfQrCodes(pdf);
        expect(new URL(qr!).pathname).toBe(`/verify/${number}`);
        const visitor = await (await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript })).newPage();
        contexts.push(visitor.context());
        await visitor.goto(new URL(qr!).pathname);
        await visitor.getByText(ts("verification.status.active")).waitFor();
        await check(visitor);

        // The signed badge: a verifier sharing no code with Cradle accepts it, and its status list bit is clear.
        const badgeDownload = person.waitForEvent("download");
        await person.getByRole("link", { name: ta("credentials.badge") }).click();
        const badge = JSON.parse(readFileSync(await (await badgeDownload).path(), "utf8")) as Record<string, unknown> & {
          proof: { verificationMethod: string };
          credentialStatus: Array<{ statusPurpose: string; statusListCredential: string; statusListIndex: string }>;
        };
        expect(await verifyIndependently(badge, await fetchPublicKey(badge.proof.verificationMethod))).toBe(true);
        const revocation = badge.credentialStatus.find((entry) => entry.statusPurpose === "revocation")!;
        expect(await readStatusListBit(revocation.statusListCredential, Number(revocation.statusListIndex))).toMatchObject({ verified: true, bit: 0 });

        // Staff revoke it, confirming with a reason: the very next requests show it.
        await visit(admin, `/a/${slug}/credentials`);
        await admin.getByRole("listitem").filter({ hasText: number! }).getByRole("link", { name: fullName }).click();
        await hydrated(admin);
        await button(admin, ts("credentialAction.revoke")).click();
        await admin.getByLabel(ts("credentialAction.reason")).pressSequentially("Practised without the required supervision.", { delay: typingDelay });
        await button(admin, ts("credentialAction.confirm.revoke")).click();
        await admin.getByText(ts("credentialAction.done.revoke")).waitFor();
        await check(admin);
        await visitor.goto(`/verify/${number}`);
        await visitor.getByText(ts("verification.status.revoked")).waitFor();
        expect(await readStatusListBit(revocation.statusListCredential, Number(revocation.statusListIndex))).toMatchObject({ verified: true, bit: 1 });
      } finally {
        await Promise.all(contexts.map((context) => context.close()));
      }
    });
  },
);
