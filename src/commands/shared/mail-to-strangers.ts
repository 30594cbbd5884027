import { hitRateLimit } from "../../auth/rate-limit.ts";
import { listAccessLinksOfUser } from "../../data/access-links.ts";
import { findVisitorAddressOf } from "../../data/audit-log.ts";
import type { Db } from "../../data/database.ts";
import type { AccessLinkPurpose } from "../../data/schema.ts";
import { findUserByEmail, findUserById } from "../../data/users.ts";
import type { SessionActor } from "../../policies/actor.ts";
import type { CommandContext } from "../command-context.ts";
import { refuse } from "../define-command.ts";

/** The action of the sign-up's audit entry (src/commands/sign-up.ts), whose actor is the client address it came from. */
const signUpAction = "account.created";

/**
 * One mailbox however its address is written: lower case, without a "+tag", and for Gmail without
 * dots, so "me+rater@x.org" is the applicant's own "me@x.org" and counts as the same recipient.
 */
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  let [local, domain] = [address.slice(0, at), address.slice(at + 1)];
  local = local.split("+")[0] ?? local;
  if (domain === "gmail.com" || domain === "googlemail.com") [local, domain] = [local.replaceAll(".", ""), "gmail.com"];
  return `${local}@${domain}`;
}

/** Why Cradle thinks the recipient may be the applicant under another account: recorded by Cradle, shown to reviewers. */
export type SamePersonFlag = { accountId: string; reasons: Array<"same-name" | "same-sign-up-address"> };

/**
 * Before an applicant's request mails someone (run in the command's `prepare`, outside the
 * transaction, so the counts stay when it is refused): refuses the applicant's own address, then
 * counts the try against the applicant's daily limit and their limit for that mailbox. Returns the
 * flag for a recipient whose address has another account of the same person, or null.
 */
export async function checkRequestToRecipient(
  db: Db,
  context: CommandContext,
  actor: SessionActor,
  request: { kind: "reference" | "confirmation"; email: string; field: string },
): Promise<SamePersonFlag | null> {
  const applicant = (await findUserById(db, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
  const recipient = mailboxKey(request.email);
  if (recipient === mailboxKey(applicant.email)) refuse({ [request.field]: "mailSafety.ownAddress" });
  const now = context.now();
  const overAccount = await hitRateLimit(db, `${request.kind}:account`, actor.userId, now);
  if (overAccount !== undefined) refuse({ form: "mailSafety.tooManyToday" }, { retryAfterMinutes: overAccount });
  const overRecipient = await hitRateLimit(db, "ask:recipient", `${actor.userId}:${recipient}`, now);
  if (overRecipient !== undefined) refuse({ [request.field]: "mailSafety.tooManyToRecipient" }, { retryAfterMinutes: overRecipient });
  return samePersonFlag(db, applicant, request.email);
}

/**
 * "Another account of the same person": the recipient's address is another account's, and that
 * account has the applicant's name (ignoring case, accents and spacing), or was signed up from the
 * client address the applicant's was. A flag, not a refusal: colleagues share names and offices.
 */
async function samePersonFlag(db: Db, applicant: { id: string; name: string }, email: string): Promise<SamePersonFlag | null> {
  const other = await findUserByEmail(db, email);
  if (!other || other.id === applicant.id) return null;
  const reasons: SamePersonFlag["reasons"] = [];
  if (comparableName(other.name) === comparableName(applicant.name)) reasons.push("same-name");
  const [theirs, ours] = await Promise.all([
    findVisitorAddressOf(db, signUpAction, "user", other.id),
    findVisitorAddressOf(db, signUpAction, "user", applicant.id),
  ]);
  if (theirs !== null && theirs === ours) reasons.push("same-sign-up-address");
  return reasons.length > 0 ? { accountId: other.id, reasons } : null;
}

function comparableName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Inside the transaction (the portfolio row locked): refuses a second open request to one mailbox for the same thing. */
export async function refuseOpenRequest(
  tx: Db,
  userId: string,
  purpose: AccessLinkPurpose,
  now: Date,
  request: { email: string; field: string; sameThing: (link: { entry_id: string; framework_id: string | null }) => boolean },
) {
  const recipient = mailboxKey(request.email);
  const open = (await listAccessLinksOfUser(tx, userId, purpose)).some(
    (link) => !link.completed_at && link.expires_at > now && mailboxKey(link.recipient_email) === recipient && request.sameThing(link),
  );
  if (open) refuse({ [request.field]: "mailSafety.alreadyAsked" });
}
