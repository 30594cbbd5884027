import { findCredentialByNumber, listAssociationsWithActiveCredentialsOf, listCredentialsOfUser } from "../data/credentials.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { nextRenewals } from "./credential-renewals.ts";
import { credentialNumberPattern, type PublishableField, publishableFields } from "../domain/credential-number.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { MaybeActor, SessionActor } from "../policies/actor.ts";
import { categoryName, hidden, type Reader } from "./reader.ts";

const published = (fields: readonly string[]): PublishableField[] => publishableFields.filter((field) => fields.includes(field));

/** The person's own credentials, with what each publishes on its verification page and, while it can be renewed, its next renewal. */
export async function myCredentials(reader: Reader, actor: SessionActor) {
  const rows = await listCredentialsOfUser(reader.db, actor.userId);
  const renewals = await nextRenewals(reader, actor.userId, rows);
  return rows.map((credential) => ({
    id: credential.id,
    number: credential.number,
    status: credential.status,
    association: credential.associationName,
    category: categoryName(reader, credential.framework_id, credential.category_id),
    issued: credential.issued_on,
    renewalDue: credential.renewal_due,
    published: published(credential.published),
    renewal: renewals.get(credential.id) ?? null,
  }));
}

/** The associations that sign the person a learner record (CLR 2.0): those they hold an active credential with. */
export function myLearnerRecords(reader: Reader, actor: SessionActor) {
  return listAssociationsWithActiveCredentialsOf(reader.db, actor.userId);
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
  return {
    number: credential.number,
    status: credential.status,
    holder: credential.holderName,
    category: categoryName(reader, credential.framework_id, credential.category_id),
    association: credential.associationName,
    issued: fields.includes("issued") ? credential.issued_on : null,
    renewalDue: fields.includes("renewalDue") ? credential.renewal_due : null,
    email: fields.includes("email") ? credential.holderEmail : null,
    employer,
  };
}
