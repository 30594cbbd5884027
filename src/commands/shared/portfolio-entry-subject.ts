/**
 * The audit subject of one entry of a person's portfolio. Entry ids are unique only within a
 * portfolio (an imported file brings its own, such as "r1"), so the id names the person too:
 * `<userId>/<entryId>`. Portfolio entries belong to a person, not an association.
 */
export function portfolioEntrySubject(userId: string, entryId: string) {
  return { type: "portfolio-entry", id: `${userId}/${entryId}`, associationId: null };
}
