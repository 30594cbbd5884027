import type { ShownText } from "../../src/i18n/report-text.ts";
import type { Status } from "../../src/domain/report.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useTranslate } from "../lib/use-translate.ts";

type Verdict = { id: string; label: ShownText; status: Status; missing: ShownText[] | null };

/** The engine's verdict on each renewal requirement of a period, in words; an error about them is shown with them. */
export function RenewalVerdicts({ requirements, isExempt, error }: { requirements: Verdict[]; isExempt: boolean; error?: string | undefined }) {
  const t = useTranslate();
  const shown = useReportText();
  return (
    <div id="field-requirements" className={error ? "field field-invalid" : "field"} tabIndex={-1}>
      {error ? (
        <p className="field-error" id="error-requirements">
          {error}
        </p>
      ) : null}
      {isExempt ? <p>{t("renewal.exempt")}</p> : null}
      <ul>
        {requirements.map((requirement) => (
          <li key={requirement.id}>
            <strong>{shown(requirement.label)}</strong>
            {`: ${t(`report.status.${requirement.status}`)}`}
            {requirement.missing ? ` (${requirement.missing.map(shown).join(" ")})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
