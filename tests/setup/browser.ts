import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium, headless, with the flags this sandbox needs (no background network traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const wcag21: RunOptions = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] };

/**
 * What axe-core finds against WCAG 2.1 A/AA on the page, one readable line per violation. axe runs
 * in the page itself (so it needs JavaScript); only the violations come back, which keeps a check
 * to a fraction of a second (our pages have no frames to visit).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (options) =>
      (await (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options)).violations,
    wcag21,
  );
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

/** Fails the test with a readable list if axe finds any WCAG 2.1 A/AA violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityProblems(page), `axe on ${page.url()}`).toEqual([]);
}

/**
 * What makes the page scroll sideways (its `scrollWidth` over its `clientWidth`): the innermost
 * elements that reach past the right edge or whose content does; nothing when it does not.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > root.clientWidth + 0.5 ||
      (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible");
    const outside = [...document.body.querySelectorAll("*")].filter(sticksOut);
    const innermost = outside.filter((element) => !outside.some((other) => other !== element && element.contains(other)));
    const describe = (element: Element) => [element.tagName.toLowerCase(), ...element.classList].join(".");
    return [
      `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`,
      ...innermost.slice(0, 5).map((element) => `${describe(element)}: ${(element.textContent ?? "").slice(0, 60)}`),
    ];
  });
}
