/** The places in an association's status list: the spec's minimum of 16 KiB, enough herd for every credential to hide in. */
export const statusListLength = 131_072;

export const statusPurposes = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof statusPurposes)[number];

/**
 * The bits a status sets in each list. Revocation is final; every other status that stops the
 * credential from counting today (suspended, lapsed, removed, transferred) sets the suspension bit,
 * which clears when the credential is active again (reinstated, renewed).
 */
export function statusListBits(status: string): Record<StatusPurpose, boolean> {
  return { revocation: status === "revoked", suspension: status !== "active" && status !== "revoked" };
}

/**
 * A free place for a new credential: the first of `candidates` (random draws) not `taken`, else
 * undefined (the caller then looks through the whole list). Random places keep the order of issue out of the list.
 */
export function firstFreePlace(candidates: readonly number[], taken: ReadonlySet<number>): number | undefined {
  return candidates.find((place) => Number.isInteger(place) && place >= 0 && place < statusListLength && !taken.has(place));
}
