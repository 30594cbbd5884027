/** What staff may do to a credential themselves; lapse, removal and renewal are the renewal cycle's. */
export const staffCredentialActions = ["suspend", "reinstate", "revoke"] as const;
export type StaffCredentialAction = (typeof staffCredentialActions)[number];

/** Every status a credential can have, in the order the staff list's filter offers them. */
export const credentialStatuses = ["active", "lapsed", "suspended", "revoked", "removed", "transferred"] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

const moves: Record<StaffCredentialAction, { from: readonly CredentialStatus[]; to: CredentialStatus }> = {
  // Only an active credential is suspended, so reinstating one never revives a lapsed one.
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
  // Final: a lapsed or removed credential can still be revoked (misconduct found later); a transferred one is the other association's.
  revoke: { from: ["active", "lapsed", "suspended", "removed"], to: "revoked" },
};

/** The status the action moves a credential to from `status`, or null when it does not apply now. */
export function staffActionTarget(action: StaffCredentialAction, status: CredentialStatus): CredentialStatus | null {
  const move = moves[action];
  return move.from.includes(status) ? move.to : null;
}

/** The actions open to staff for a credential in `status`, in the order the page offers them. */
export function staffActionsFor(status: CredentialStatus): StaffCredentialAction[] {
  return staffCredentialActions.filter((action) => staffActionTarget(action, status) !== null);
}
