import type { AuditableList, Determination } from "../../src/domain/hour-audits.ts";
import { useTranslate } from "../lib/use-translate.ts";

type Requested = {
  entryId: string;
  list: AuditableList;
  title: string;
  date: string;
  hours: number;
  determination: Determination | null;
  reason: string | null;
  hoursAllowed: number | null;
};
type Evidence = { id: string; about: string; filename: string };

/** One entry an audit asks evidence for, as staff and the person both see it: what it claims, its determination in words, the evidence sent. */
export function AuditedEntry({ entry, evidence }: { entry: Requested; evidence: readonly Evidence[] }) {
  const t = useTranslate();
  const sent = evidence.filter((document) => document.about === entry.entryId);
  return (
    <>
      <p>
        {auditedEntryLabel(t, entry)}{" "}
        <span className={`status ${entry.determination === "accepted" ? "status-met" : entry.determination === "disallowed" ? "status-unmet" : ""}`}>
          {entry.determination === null
            ? t("hourAudit.determination.pending")
            : entry.determination === "accepted"
              ? t("hourAudit.determination.accepted")
              : entry.hoursAllowed === null
                ? t("hourAudit.determination.disallowed", { reason: entry.reason ?? "" })
                : t("hourAudit.determination.partly", { allowed: entry.hoursAllowed, hours: entry.hours, reason: entry.reason ?? "" })}
        </span>
      </p>
      <p>
        {t("hourAudit.evidence")}:{" "}
        {sent.length === 0
          ? t("hourAudit.noEvidence")
          : sent.map((document, index) => (
              <span key={document.id}>
                {index > 0 ? ", " : ""}
                <a href={`/documents/${document.id}`}>{document.filename}</a>
              </span>
            ))}
      </p>
    </>
  );
}

export function auditedEntryLabel(t: ReturnType<typeof useTranslate>, entry: Requested) {
  return t("hourAudit.entry", { list: t(`hourAudit.list.${entry.list}`), title: entry.title, date: entry.date, hours: entry.hours });
}

type Extension = { asked: string | null; until: string; reason: string; answer: "granted" | "denied" | null; grantedUntil: string | null };

/** A request for more time, as staff and the person both see it: when and why it was asked, and its answer in words. */
export function AskedExtension({ extension }: { extension: Extension }) {
  const t = useTranslate();
  return (
    <>
      {t("hourAudit.extensionAsked", { asked: extension.asked ?? "", until: extension.until, reason: extension.reason })}{" "}
      <span className="status">
        {extension.answer === "granted"
          ? t("hourAudit.extensionGranted", { until: extension.grantedUntil ?? "" })
          : extension.answer === "denied"
            ? t("hourAudit.extensionDenied")
            : t("hourAudit.extensionWaiting")}
      </span>
    </>
  );
}
