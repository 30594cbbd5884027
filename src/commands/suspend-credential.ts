import { staffCredentialCommand } from "./shared/staff-credential-action.ts";

/** Staff suspend an active credential: not valid until they reinstate it. */
export const suspendCredential = staffCredentialCommand("credential.suspended", "suspend", "notice.credentialSuspended");
