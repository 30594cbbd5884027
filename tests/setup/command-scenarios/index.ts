import { accountScenarios } from "./accounts.ts";
import { certificateSettingsScenarios } from "./certificate-settings.ts";
import { advisoryScenarios } from "./advisory.ts";
import { applicationScenarios } from "./applications.ts";
import { conflictScenarios } from "./conflicts.ts";
import { credentialScenarios } from "./credentials.ts";
import { examScenarios } from "./exams.ts";
import { hourAuditScenarios } from "./hour-audits.ts";
import { decisionScenarios } from "./decisions.ts";
import { linkScenarios } from "./links.ts";
import { portfolioScenarios } from "./portfolio.ts";
import { reviewScenarios } from "./reviews.ts";
import { renewalScenarios } from "./renewal.ts";
import type { Scenario } from "./scenario.ts";

/** One scenario per command name; tests/integration/every-command-audits.test.ts runs each. */
export const scenarios: Record<string, Scenario> = {
  ...applicationScenarios,
  ...linkScenarios,
  ...accountScenarios,
  ...portfolioScenarios,
  ...conflictScenarios,
  ...reviewScenarios,
  ...advisoryScenarios,
  ...examScenarios,
  ...credentialScenarios,
  ...decisionScenarios,
  ...renewalScenarios,
  ...certificateSettingsScenarios,
  ...hourAuditScenarios,
};
