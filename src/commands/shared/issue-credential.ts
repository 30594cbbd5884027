import { allocateStatusListIndex } from "../../data/credential-status-lists.ts";
import { changeCredentialStatus, claimCredentialPrefix, insertCredential, nextCredentialSequence } from "../../data/credentials.ts";
import type { Db } from "../../data/database.ts";
import { findRenewalCycle } from "../../data/renewal-cycles.ts";
import { credentialNumber, prefixCandidates } from "../../domain/credential-number.ts";
import { firstDueDate } from "../../domain/renewal-cycle.ts";
import type { Category, Framework } from "../../domain/framework-schema.ts";
import { refuse } from "../define-command.ts";

/**
 * Issues the credential an "endorse" decision earns, in the deciding transaction: the next number of
 * the association's year, the day of issue in the association's time zone, the first renewal due
 * date from the association's renewal cycle, the framework version it was earned under, and a random place in the association's status lists. A person holds one credential per category and association.
 */
export async function issueCredential(
  tx: Db,
  earned: {
    association: { id: string; slug: string; credential_prefix: string | null };
    application: { id: string; user_id: string };
    framework: Framework;
    category: Category;
    issuedOn: string;
    issuedBy: string;
    now: Date;
  },
): Promise<{ id: string; number: string }> {
  const { association, framework, category, issuedOn } = earned;
  const year = Number(issuedOn.slice(0, 4));
  const prefix = await claimCredentialPrefix(tx, association, prefixCandidates(association.slug));
  const sequence = await nextCredentialSequence(tx, association.id, year);
  const number = credentialNumber({ prefix, abbreviation: category.abbreviation, year, sequence });
  const id = await insertCredential(tx, {
    associationId: association.id,
    userId: earned.application.user_id,
    applicationId: earned.application.id,
    frameworkId: framework.id,
    categoryId: category.id,
    frameworkVersion: framework.version,
    number,
    issuedOn,
    renewalDue: firstDueDate(await findRenewalCycle(tx, association.id), issuedOn),
    statusListIndex: await allocateStatusListIndex(tx, association.id),
  });
  if (!id) refuse({ outcome: "credential.alreadyHeld" });
  await changeCredentialStatus(tx, { credentialId: id, from: null, to: "active", effectiveOn: issuedOn, changedBy: earned.issuedBy, now: earned.now });
  return { id, number };
}
