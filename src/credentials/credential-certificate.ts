import type { CommandContext } from "../commands/command-context.ts";
import { findCategory } from "../commands/shared/find-category.ts";
import { findAssociationLogo } from "../data/association-logos.ts";
import { type CredentialWithHolder, listCredentialStatusChanges } from "../data/credentials.ts";
import type { Db } from "../data/database.ts";
import { verifyUrlOf } from "../domain/credential-number.ts";
import type { Locale } from "../i18n/locale.ts";
import { type CertificateForPdf, type StampedStatus, stampedStatuses } from "./certificate-pdf.ts";

const isStamped = (status: string): status is StampedStatus => (stampedStatuses as readonly string[]).includes(status);

/**
 * What a credential's certificate shows, in `locale`: read in the caller's transaction, so the
 * download's audit entry and the certificate agree on the status. A credential no longer valid is
 * stamped with its status since the day its latest change to that status took effect.
 */
export async function certificateOfCredential(db: Db, context: CommandContext, credential: CredentialWithHolder, locale: Locale): Promise<CertificateForPdf> {
  const { category } = findCategory(context, credential.framework_id, credential.category_id);
  const logo = await findAssociationLogo(db, credential.association_id);
  // The latest change to the status it has now: changes made in one transaction share their time.
  const latest = isStamped(credential.status)
    ? (await listCredentialStatusChanges(db, credential.id)).findLast((change) => change.to_status === credential.status)
    : undefined;
  return {
    locale,
    holder: credential.holderName,
    category: category.name[locale],
    association: credential.associationName,
    number: credential.number,
    issuedOn: credential.issued_on,
    renewalDue: credential.renewal_due,
    verifyUrl: verifyUrlOf(context.baseUrl, credential.number),
    logo: logo ?? null,
    stamp: isStamped(credential.status) ? { status: credential.status, since: latest?.effective_on ?? credential.issued_on } : null,
  };
}
