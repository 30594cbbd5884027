import { staffCredentialCommand } from "./shared/staff-credential-action.ts";

/** Staff lift a suspension: the credential is active again. */
export const reinstateCredential = staffCredentialCommand("credential.reinstated", "reinstate", "notice.credentialReinstated");
