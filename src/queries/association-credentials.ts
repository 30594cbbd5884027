import { countCredentialsOfAssociationByStatus, findCredentialOfAssociation, pageCredentialsOfAssociation } from "../data/association-credentials.ts";
import { listCredentialStatusChanges } from "../data/credentials.ts";
import { listUserNames } from "../data/users.ts";
import type { StaffCredentialsQuery } from "../forms/credential-forms.ts";
import { credentialStatuses, staffActionsFor } from "../domain/staff-credential-actions.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { categoryName, hidden, type Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

/** /a/:slug/credentials: one page of the association's credentials, by status and a number or name, with each status's count. */
export async function staffCredentialsPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery<StaffCredentialsQuery>) {
  const association = await associationForStaff(reader, actor, slug);
  const { query } = list;
  const [page, counts] = await Promise.all([
    pageCredentialsOfAssociation(reader.db, association.id, { status: query.status, search: query.search }, pageRequest(query)),
    countCredentialsOfAssociationByStatus(reader.db, association.id, { search: query.search }),
  ]);
  return {
    association,
    filter: { status: query.status ?? null, search: query.search ?? "" },
    statusCounts: credentialStatuses.map((status) => ({ status, count: Number(counts.find((row) => row.status === status)?.count ?? 0) })),
    page: listPage(page, list.misread),
    credentials: page.rows.map((credential) => ({
      id: credential.id,
      number: credential.number,
      status: credential.status,
      holder: credential.name,
      category: categoryName(reader, credential.framework_id, credential.category_id),
      issued: credential.issued_on,
    })),
  };
}

/** A credential's statuses for its association's staff, oldest first: who changed each (null: the renewal cycle) and why. */
async function credentialHistory(reader: Reader, credentialId: string) {
  const changes = await listCredentialStatusChanges(reader.db, credentialId);
  const names = await listUserNames(reader.db, [...new Set(changes.flatMap((change) => change.changed_by ?? []))]);
  return changes.map((change) => ({
    from: change.from_status,
    to: change.to_status,
    on: change.effective_on,
    by: change.changed_by === null ? null : (names.get(change.changed_by) ?? ""),
    reason: change.reason,
  }));
}

/** /a/:slug/credentials/:id: the credential, its holder, its status history and the actions open to staff now. */
export async function staffCredentialPage(reader: Reader, actor: MaybeActor, slug: string, credentialId: string) {
  const association = await associationForStaff(reader, actor, slug);
  const credential = (await findCredentialOfAssociation(reader.db, credentialId, association.id)) ?? hidden();
  return {
    association,
    credential: {
      id: credential.id,
      number: credential.number,
      status: credential.status,
      holder: credential.name,
      email: credential.email,
      category: categoryName(reader, credential.framework_id, credential.category_id),
      frameworkVersion: credential.framework_version,
      issued: credential.issued_on,
      renewalDue: credential.renewal_due,
    },
    history: await credentialHistory(reader, credential.id),
    actions: staffActionsFor(credential.status),
  };
}
