import type { ReactNode } from "react";
import type { CredentialStatus } from "../../src/domain/staff-credential-actions.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "./page-title.tsx";

/** The top of a page about one credential: its title, then where it belongs (a name or a link back), its number and its status in words. */
export function CredentialPageHeading({ title, belongsTo, number, status }: { title: string; belongsTo: ReactNode; number: string; status: CredentialStatus }) {
  const t = useTranslate();
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>
        {belongsTo}
        {` · ${t("credentials.number", { number })} · `}
        <span className="status">{t(`credential.status.${status}`)}</span>
      </p>
    </>
  );
}
