import { findCredentialByNumber, listAssociationsWithActiveCredentialsOf, listCredentialStatusChanges, listCredentialsOfUser } from "../data/credentials.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { nextRenewals } from "./credential-renewals.ts";
import { credentialNumberPattern, type PublishableField, publishableFields, verifyUrlOf } from "../domain/credential-number.ts";
import { linkedInAddToProfileUrl } from "../domain/linkedin-link.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { Locale } from "../i18n/locale.ts";
import type { MaybeActor, SessionActor } from "../policies/actor.ts";
import { categoryName, hidden, type Reader } from "./reader.ts";

const published = (fields: readonly string[]): PublishableField[] => publishableFields.filter((field) => fields.includes(field));

/**
 * The person's own credentials, with what each publishes on its verification page, its status history, while it can be renewed its next renewal, and
 * for an active one its LinkedIn "add to profile" link (the category named in the page's language).
 */
export async function myCredentials(reader: Reader, actor: SessionActor, page: { baseUrl: string; locale: Locale }) {
  const rows = await listCredentialsOfUser(reader.db, actor.userId);
  const renewals = await nextRenewals(reader, actor.userId, rows);
  const histories = await Promise.all(rows.map((credential) => statusHistory(reader, credential.id)));
  return rows.map((credential, index) => {
    const category = categoryName(reader, credential.framework_id, credential.category_id);
    return {
      id: credential.id,
      number: credential.number,
      status: credential.status,
      association: credential.associationName,
      category,
      issued: credential.issued_on,
      renewalDue: credential.renewal_due,
      published: published(credential.published),
      renewal: renewals.get(credential.id) ?? null,
      history: histories[index]!,
      linkedIn:
        credential.status === "active"
          ? linkedInAddToProfileUrl({
              name: category[page.locale],
              organizationId: credential.linkedInOrganizationId,
              organizationName: credential.associationName,
              issuedOn: credential.issued_on,
              certUrl: verifyUrlOf(page.baseUrl, credential.number),
              certId: credential.number,
            })
          : null,
    };
  });
}

/** The associations that sign the person a learner record (CLR 2.0): those they hold an active credential with. */
export function myLearnerRecords(reader: Reader, actor: SessionActor) {
  return listAssociationsWithActiveCredentialsOf(reader.db, actor.userId);
}

/** A credential's statuses, oldest first, as its holder reads them: the day and the move (who made it is for staff). */
async function statusHistory(reader: Reader, credentialId: string) {
  const changes = await listCredentialStatusChanges(reader.db, credentialId);
  return changes.map((change) => ({ from: change.from_status, to: change.to_status, on: change.effective_on }));
}

/** Where the holder works now, as their portfolio says: the newest job without an end. */
function currentEmployer(portfolio: Portfolio): string | null {
  const current = portfolio.work.filter((job) => !job.end).sort((a, b) => b.start.localeCompare(a.start))[0];
  return current?.employer ?? null;
}

/**
 * The public verification page of a credential: its status, the holder's name, the category and the
 * association, and only the fields the holder chose to publish. Anyone may read it; an unknown
 * number (or one that cannot be a number) is "no such credential".
 */
export async function verifyCredentialByNumber(reader: Reader, _actor: MaybeActor, number: string) {
  if (!credentialNumberPattern.test(number)) hidden();
  const credential = (await findCredentialByNumber(reader.db, number)) ?? hidden();
  const fields = published(credential.published);
  const employer = fields.includes("employer") ? currentEmployer((await findPortfolio(reader.db, credential.user_id)).portfolio) : null;
  // A credential no longer valid says since when, on top (the latest change's day).
  const statusSince = credential.status === "active" ? null : ((await listCredentialStatusChanges(reader.db, credential.id)).at(-1)?.effective_on ?? null);
  return {
    number: credential.number,
    status: credential.status,
    statusSince,
    holder: credential.holderName,
    category: categoryName(reader, credential.framework_id, credential.category_id),
    association: credential.associationName,
    issued: fields.includes("issued") ? credential.issued_on : null,
    renewalDue: fields.includes("renewalDue") ? credential.renewal_due : null,
    email: fields.includes("email") ? credential.holderEmail : null,
    employer,
  };
}
