import { dollars } from "../../src/i18n/format.ts";
import type { NextRenewal as Renewal } from "../../src/queries/credential-renewals.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { MeasureList } from "./measure-list.tsx";
import { StatusBadge } from "./status-badge.tsx";

/** Where a credential stands in its renewal cycle, in words, and what its next renewal still needs, as the engine reports it. */
export function NextRenewal({ renewal, headingId }: { renewal: Renewal; headingId: string }) {
  const t = useTranslate();
  const shown = useReportText();
  const { period } = renewal;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t("credentials.nextRenewal")}</h3>
      <p>
        {t(`credentials.standing.${renewal.phase}`, {
          due: renewal.dueDate,
          late: renewal.lateDate,
          removal: renewal.removalDate,
          fee: dollars(renewal.renewalFeeCents),
          lateFee: dollars(renewal.lateFeeCents),
          total: dollars(renewal.renewalFeeCents + renewal.lateFeeCents),
        })}
      </p>
      {period ? (
        <>
          <p>
            <StatusBadge status={period.status} /> {t("credentials.renewalNeeds", { start: period.start, end: period.end })}
          </p>
          {period.isExempt ? <p className="hint">{t("credentials.renewalExempt")}</p> : null}
          <ul className="requirements">
            {period.requirements.map((requirement) => (
              <li key={requirement.id}>
                <p>
                  <StatusBadge status={requirement.status} /> {shown(requirement.label)}
                </p>
                {requirement.measures.length > 0 ? <MeasureList measures={requirement.measures} total={requirement.total} /> : null}
                {requirement.missing ? <p className="missing">{shown(requirement.missing)}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
