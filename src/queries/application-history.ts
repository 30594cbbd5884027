import { findSubmittedApplication, listApplicationHistory, listSnapshotVersions } from "../data/applications.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import { listApplicationTrail } from "../data/audit-log.ts";
import type { Db } from "../data/database.ts";
import { csvLine } from "../files/csv-text.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { applicationPolicy } from "../policies/application.ts";
import { hidden, type Reader } from "./reader.ts";
import { applicationStatuses, type ApplicationStatus } from "../domain/application-lifecycle.ts";

/** Who moved an application, as the reader may know it: the applicant sees "you" or "the association", staff see names. */
export type HistoryActor = { kind: "you" | "association" | "system" } | { kind: "person"; name: string };

const minute = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

/**
 * An application's whole history for its page: each status with who and when (UTC, to the
 * minute), and each version of the frozen file with its fingerprint. `applicantId` set: the
 * applicant's view, where staff and reviewers are "the association".
 */
export async function applicationHistory(db: Db, applicationId: string, view: { applicantId: string } | "staff") {
  const [events, versions] = await Promise.all([listApplicationHistory(db, applicationId), listSnapshotVersions(db, applicationId)]);
  return {
    events: events
      .filter((event) => (applicationStatuses as readonly string[]).includes(event.status))
      .map((event) => ({
        status: event.status as ApplicationStatus,
        at: minute(event.created_at),
        by: actorAsSeen(event, view),
      })),
    versions: versions.map((version) => ({ version: version.version, at: minute(version.created_at), sha256: version.sha256 })),
  };
}

function actorAsSeen(
  event: { actor_kind: string; actor_user_id: string | null; actor_name: string | null },
  view: { applicantId: string } | "staff",
): HistoryActor {
  if (event.actor_kind !== "person" || event.actor_user_id === null) return { kind: event.actor_kind === "system" ? "system" : "association" };
  if (view === "staff") return { kind: "person", name: event.actor_name ?? "" };
  return event.actor_user_id === view.applicantId ? { kind: "you" } : { kind: "association" };
}

/**
 * The application's audit trail as CSV, for the association's staff (not its reviewers): every
 * entry about it or its parts, with who acted and the details as recorded. 404 for anyone else.
 */
export async function applicationTrailCsv(reader: Reader, actor: MaybeActor, slug: string, applicationId: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const application = await findSubmittedApplication(reader.db, applicationId);
  if (!application || application.association_id !== association.id || !applicationPolicy.readContact(actor, application)) hidden();
  const entries = await listApplicationTrail(reader.db, application.id);
  const header = csvLine(["time_utc", "action", "actor_kind", "actor_name", "actor_email", "actor_ref", "subject_type", "subject_id", "from", "to", "details"]);
  const lines = entries.map((entry) => {
    const details = entry.details;
    const status = (key: "from" | "to") => {
      const value = details[key];
      return typeof value === "string" ? value : null;
    };
    return csvLine([
      entry.created_at.toISOString(),
      entry.action,
      entry.actor_kind,
      entry.actor_name,
      entry.actor_email,
      entry.actor_ref,
      entry.subject_type,
      entry.subject_id,
      status("from"),
      status("to"),
      JSON.stringify(details),
    ]);
  });
  return { csv: header + lines.join(""), fileName: `cradle-application-${application.id}-audit.csv` };
}
