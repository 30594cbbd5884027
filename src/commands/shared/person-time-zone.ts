import { findTimeZoneOfPerson } from "../../data/associations.ts";
import type { Db } from "../../data/database.ts";

/**
 * Today's date for a person, as they would write it: in the time zone of the association they
 * belong to (the first they joined), or UTC when they belong to none. Takes the command's scope.
 */
export async function personToday(scope: { tx: Db; today(zone: string): string }, userId: string): Promise<string> {
  return scope.today(await findTimeZoneOfPerson(scope.tx, userId));
}
