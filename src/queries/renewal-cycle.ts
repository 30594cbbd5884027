import { findAssociationById } from "../data/associations.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import { today } from "../domain/dates.ts";
import { dueDateIn, lateDateAfter, reminderKinds, reminderWindows, removalDateAfter } from "../domain/renewal-cycle.ts";
import type { MaybeActor } from "../policies/actor.ts";
import type { Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

/** /a/:slug/renewal-cycle: the association's cycle (its own or the default), and this year's dates under it, reminders included. */
export async function renewalCyclePage(reader: Reader, actor: MaybeActor, slug: string) {
  const association = await associationForStaff(reader, actor, slug);
  const [cycle, details] = await Promise.all([findRenewalCycle(reader.db, association.id), findAssociationById(reader.db, association.id)]);
  const due = dueDateIn(cycle, Number(today(details?.time_zone ?? "UTC", reader.now()).slice(0, 4)));
  const windows = reminderWindows(cycle, due);
  return {
    association,
    cycle,
    thisYear: { due, late: lateDateAfter(cycle, due), removal: removalDateAfter(cycle, due) },
    reminders: reminderKinds.map((kind) => ({ kind, on: windows[kind].from })),
  };
}
