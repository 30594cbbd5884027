import { staffCredentialCommand } from "./shared/staff-credential-action.ts";

/** Staff revoke a credential for good: no action undoes it. */
export const revokeCredential = staffCredentialCommand("credential.revoked", "revoke", "notice.credentialRevoked");
