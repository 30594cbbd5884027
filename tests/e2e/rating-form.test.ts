import { afterAll, describe, expect, it } from "vitest";
import { ratingFormFor } from "../../src/domain/rating-form.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";
import { translator } from "../../src/i18n/translate.ts";
import { expectAccessible } from "../setup/browser.ts";
import { startJourneyWithMail } from "../setup/journey.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, inbox, close } = await startJourneyWithMail([["src/cli/seed-demo.ts"]]);
afterAll(close);

const alliance = loadFrameworks().find((framework) => framework.id === "alliance-iecmh-e")!;
const ifs = alliance.categories.find((category) => category.id === "ifs")!;
const areas = ratingFormFor(alliance, "ifs").items;

describe.each([
  { language: "en" as const, applicant: "applicant1@sc-imh.demo.cradle.test" },
  { language: "es" as const, applicant: "applicant2@sc-imh.demo.cradle.test" },
])("a rater on a phone, in $language, with JavaScript", ({ language, applicant }) => {
  it("is told what the applicant seeks and the rule, and counts 'not enough information' live as they answer", async () => {
    const t = translator(language);
    const newPage = async () => {
      const context = await browser.newContext({ baseURL: server.url, locale: language === "en" ? "en-US" : "es-MX", viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      page.setDefaultTimeout(browserWaitMs());
      return page;
    };

    // The applicant asks for a rating for IFS.
    const page = await newPage();
    await page.goto("/login");
    await page.getByLabel(t("field.email"), { exact: true }).fill(applicant);
    await page.getByLabel(t("field.password"), { exact: true }).fill("cradle-demo-2026");
    await page.getByRole("button", { name: t("logIn.submit") }).click();
    await page
      .getByRole("navigation")
      .getByRole("link", { name: t("nav.portfolio"), exact: true })
      .waitFor();
    await page.goto("/portfolio/references");
    const raterEmail = `live-count-${language}@example.org`;
    await page.getByLabel(t("references.raterName"), { exact: true }).fill("Dana Ruiz");
    await page.getByLabel(t("references.raterEmail"), { exact: true }).fill(raterEmail);
    await page.getByLabel(t("references.role"), { exact: true }).selectOption("current-supervisor");
    await page.getByLabel(t("references.category"), { exact: true }).selectOption({ label: `${ifs.abbreviation}: ${ifs.name[language]}` });
    await expectAccessible(page);
    await page.getByRole("button", { name: t("references.send") }).click();
    await page.getByText(t("references.sent", { name: "Dana Ruiz" })).waitFor();

    // The rater opens the link: what is sought, then the rule, before the questions.
    const form = await newPage();
    await form.goto(linkIn(await inbox.waitFor((m) => m.to.includes(raterEmail)), "/r/"));
    await form.getByText(`${ifs.name[language]} (${ifs.abbreviation})`).waitFor();
    await form.getByText(t("rating.notEnoughRule", { voidFrom: 6 })).waitFor();
    const count = form.getByRole("status");
    const counted = (n: number) => t("rating.notEnoughCount", { count: n, max: 5 });
    await expect.poll(() => count.textContent()).toBe(counted(0));
    expect(await count.getAttribute("aria-live")).toBe("polite");
    await expectAccessible(form);

    const area = (index: number) => form.getByRole("group", { name: areas[index]!.label[language], exact: true });
    const notEnough = t("engine.rating.nei");
    for (let index = 0; index < 5; index++) {
      await area(index).getByRole("radio", { name: notEnough }).click();
      await expect.poll(() => count.textContent()).toBe(counted(index + 1));
    }
    // The sixth by keyboard: from "A strength", the arrow key moves to the next choice.
    await area(5)
      .getByRole("radio", { name: t("engine.rating.4") })
      .click();
    await form.keyboard.press("ArrowDown");
    expect(await area(5).getByRole("radio", { name: notEnough }).isChecked()).toBe(true);
    await expect.poll(() => count.textContent()).toBe(`${counted(6)} ${t("rating.notEnoughOver")}`);
    await expectAccessible(form);
    for (let index = 6; index < areas.length; index++)
      await area(index)
        .getByRole("radio", { name: t("engine.rating.3") })
        .click();

    // Sent with six: held back, the answers kept, the reason next to the form and in the summary.
    await form.getByRole("button", { name: t("rating.submit") }).click();
    await form.getByRole("link", { name: `${t("rating.notEnoughLabel")}: ${t("rating.tooManyNotEnough")}` }).waitFor();
    await form.getByText(t("rating.heldBack", { count: 6, max: 5 })).waitFor();
    expect(await area(0).getByRole("radio", { name: notEnough }).isChecked()).toBe(true);
    await expectAccessible(form);

    // The rater finds they can rate one more area after all, with the keyboard.
    await area(5).getByRole("radio", { name: notEnough }).focus();
    await form.keyboard.press("ArrowUp");
    await expect.poll(() => count.textContent()).toBe(counted(5));
    await form.getByRole("button", { name: t("rating.submit") }).click();
    await form.getByRole("heading", { name: t("rating.thanks") }).waitFor();
    await page.context().close();
    await form.context().close();
  });
});
