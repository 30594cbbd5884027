import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserManifest, budgetTable, weighPages } from "./js-budget.ts";

/**
 * `node src/cli/check-js-budget.ts [build folder]`, run by `npm test` right after the build: the
 * gzip bytes of script each page loads, from React Router's manifest; exit 1 when a page is over
 * its budget (decision 022). Every page counts as public (60 KB) unless listed here, so a new
 * signed-in page that hydrates fails until it is listed.
 */
const signedInPages = new Set([
  "routes/account",
  "routes/application",
  "routes/applications",
  "routes/association-application",
  "routes/association-applications",
  "routes/association-candidates",
  "routes/association-conflicts",
  "routes/association-people",
  "routes/association-reviewer",
  "routes/candidate",
  "routes/dev-mail",
  "routes/inbox",
  "routes/owner-association-edit",
  "routes/owner-associations",
  "routes/portfolio",
  "routes/portfolio-confirm",
  "routes/portfolio-documents",
  "routes/portfolio-entry",
  "routes/portfolio-import",
  "routes/portfolio-references",
  "routes/portfolio-series",
  "routes/portfolio-statement",
  "routes/progress",
  "routes/association-application-review",
  "routes/association-application-reviews",
  "routes/advisory",
  "routes/advisory-review",
  "routes/association-advisory",
  "routes/association-exams",
  "routes/association-exam-sitting",
  "routes/exam-ratings",
  "routes/exam-rating",
  "routes/credentials",
  "routes/association-renewal-cycle",
  "routes/association-certificate-settings",
  "routes/credential-renew",
  "routes/credential-reinstate",
  "routes/association-renewals",
  "routes/association-credential-renewal",
  "routes/association-letters",
  "routes/association-credentials",
  "routes/association-credential",
  "routes/association-audits",
  "routes/association-audit",
  "routes/hour-audit",
]);

const buildFolder = resolve(process.argv[2] ?? "build");
const server = (await import(pathToFileURL(join(buildFolder, "server/index.js")).href)) as {
  assets: BrowserManifest;
  routes: Record<string, { module: { handle?: unknown } }>;
};
const client = join(buildFolder, "client");
const catalogues = readdirSync(join(client, "assets"))
  .filter((file) => /^messages-[a-z]{2}-.+\.js$/.test(file))
  .map((file) => `/assets/${file}`);
const pages = weighPages({
  manifest: server.assets,
  handles: Object.fromEntries(Object.entries(server.routes).map(([id, route]) => [id, route.module.handle])),
  signedIn: signedInPages,
  catalogues,
  read: (url) => readFileSync(join(client, url)),
});

console.log(budgetTable(pages));
const over = pages.filter((page) => page.gzip > page.budget);
if (over.length > 0) {
  console.error(
    `\nJavaScript over budget on ${over.map((page) => page.path).join(", ")}: pages anyone may open send none (handle { hydrate: false }) ` +
      "or under 60 KB gzip; pages for people signed in (listed in src/cli/check-js-budget.ts) under 150 KB. See docs/decisions/022.",
  );
  process.exitCode = 1;
} else console.log("\nEvery page is within its JavaScript budget.");
