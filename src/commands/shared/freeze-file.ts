import { insertSnapshot } from "../../data/applications.ts";
import type { Db } from "../../data/database.ts";
import { listDisallowances } from "../../data/hour-audits.ts";
import { findPortfolioForUpdate, writePortfolio } from "../../data/portfolios.ts";
import { evaluate } from "../../domain/evaluate.ts";
import { fingerprint } from "../../domain/fingerprint.ts";
import type { Category, Framework } from "../../domain/framework-schema.ts";
import { withoutDisallowed } from "../../domain/hour-audits.ts";

/**
 * Freezes one version of an application's file: signs the code of ethics on `signedOn` (the
 * association's today), and stores the portfolio and the engine's report on it as they are now,
 * with their fingerprint; entries an audit disallowed are left out of both, as the engine never counts them. Later edits of the portfolio do not change what is reviewed. Submitting
 * freezes version 1; each resubmission the next.
 */
export async function freezeFile(
  tx: Db,
  file: { userId: string; applicationId: string; version: number; framework: Framework; category: Category; signedOn: string; now: Date },
) {
  const current = await findPortfolioForUpdate(tx, file.userId);
  const signed = { ...current, attestations: { ...current.attestations, codeOfEthicsSigned: file.signedOn } };
  await writePortfolio(tx, file.userId, signed, file.now);
  const portfolio = withoutDisallowed(signed, await listDisallowances(tx, file.userId));
  const report = evaluate(file.framework, file.category, portfolio, file.signedOn);
  await insertSnapshot(tx, { applicationId: file.applicationId, version: file.version, portfolio, report, sha256: fingerprint({ portfolio, report }) });
  return report;
}
