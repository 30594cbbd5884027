import { findAccessLinkForUpdate } from "../../data/access-links.ts";
import type { Db } from "../../data/database.ts";
import { type ClosedLinkState, linkState } from "../../domain/link-state.ts";
import type { LinkHolder } from "../../policies/actor.ts";
import type { FieldErrors } from "../command-context.ts";
import { refuse } from "../define-command.ts";

type LockedLink = NonNullable<Awaited<ReturnType<typeof findAccessLinkForUpdate>>>;

/** What a closed link's refusal says, one message per state (the page shows it). */
const closedLinkErrors = {
  used: "rating.used",
  expired: "rating.expired",
  unknown: "rating.unknown",
} as const satisfies Record<ClosedLinkState, FieldErrors[string]>;

/**
 * Locks the holder's link for the rest of the transaction and refuses unless it is still open:
 * a second answer through the same link waits for the first to commit, then finds it used.
 */
export async function assertOpenLink(tx: Db, holder: LinkHolder, now: Date): Promise<LockedLink> {
  const found = holder.linkId ? await findAccessLinkForUpdate(tx, holder.linkId) : undefined;
  const link = found?.purpose === holder.purpose ? found : undefined;
  const state = linkState(link, now);
  if (!link || state !== "open") refuse({ form: closedLinkErrors[state === "open" ? "unknown" : state] });
  return link;
}

/** The state of the link a command refused for being closed; undefined for any other refusal. */
export function closedLinkState(errors: FieldErrors): ClosedLinkState | undefined {
  return (Object.keys(closedLinkErrors) as ClosedLinkState[]).find((state) => errors.form === closedLinkErrors[state]);
}
