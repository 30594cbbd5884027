import { accountPolicy } from "../../../src/policies/account.ts";
import { actorTable, anyoneSignedIn, no, permissionTable, yes } from "./permission-matrix.ts";

actorTable("accountPolicy.viewOwnAccount: anyone signed in", accountPolicy.viewOwnAccount, anyoneSignedIn);

// Columns: mailbox open (no SMTP, not production, BASE_URL on this machine) | closed
permissionTable(
  "accountPolicy.readDevMailbox: the owners, and only while the dev mailbox is open",
  { "mailbox open": true, "mailbox closed": false },
  (actor, hasDevMailbox) => accountPolicy.readDevMailbox(actor, hasDevMailbox),
  {
    nobody: [no, no],
    "the applicant (member of A)": [no, no],
    "another member of A": [no, no],
    "reviewer of A, assigned": [no, no],
    "reviewer of A, unassigned": [no, no],
    "reviewer of A, advisor": [no, no],
    "former reviewer of A, still assigned": [no, no],
    "staff of A": [no, no],
    "admin of A": [no, no],
    "admin of B": [no, no],
    "owner of the installation": [yes, no],
  },
);
