import type { CredentialStatus } from "../../src/domain/staff-credential-actions.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** One line of a credential's status history: the day and the move (from null: its issue). */
export function StatusChange({ change }: { change: { from: CredentialStatus | null; to: CredentialStatus; on: string } }) {
  const t = useTranslate();
  const to = t(`credential.status.${change.to}`);
  return change.from === null
    ? t("credentialHistory.issued", { date: change.on, to })
    : t("credentialHistory.change", { date: change.on, from: t(`credential.status.${change.from}`), to });
}
