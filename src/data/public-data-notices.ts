import { sql } from "kysely";
import pg from "pg";
import type { Db } from "./database.ts";
import { credentialChange, isPublicDataChange, type PublicData, type PublicDataChange, registryChange } from "../domain/public-data.ts";


// One channel per schema: test files share a database, each in its own schema, and so could two installations.
const channelOf = (schema: string) => `cradle_public_data_${schema}`;

/**
 * Tells every process serving this database, inside the transaction: PostgreSQL delivers it on
 * commit and never for a rollback, and it cannot be lost between the commit and a later call.
 */
export async function announcePublicDataChange(tx: Db, changed: readonly PublicData[]): Promise<void> {
  for (const kind of changed) await sql`select pg_notify(${channelOfThisSchema}, ${kind})`.execute(tx);
}

const channelOfThisSchema = sql`'cradle_public_data_' || current_schema()`;

// What the data layer announced in each open transaction, for the runner to hand to this process's cache once it commits.
const announcedIn = new WeakMap<Db, Set<PublicDataChange>>();

/**
 * Tells every process that these credentials' verification pages, and their associations' registries,
 * changed (their status, what they publish, their holder's name or portfolio), inside the caller's
 * transaction as `announcePublicDataChange` does; the command runner tells this process's cache after
 * the commit (`takeAnnouncedChanges`). PostgreSQL sends a repeated notice of one transaction once.
 */
export async function announceCredentialChanges(tx: Db, which: { credentialId: string } | { holderId: string }): Promise<void> {
  const [column, value] = "credentialId" in which ? (["credentials.id", which.credentialId] as const) : (["credentials.user_id", which.holderId] as const);
  const rows = await tx
    .selectFrom("credentials")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select([
      "credentials.number",
      "associations.slug",
      sql`pg_notify(${channelOfThisSchema}, 'credential ' || credentials.number)`.as("announced"),
      sql`pg_notify(${channelOfThisSchema}, 'registry ' || associations.slug)`.as("announcedRegistry"),
    ])
    .where(column, "=", value)
    .execute();
  if (rows.length === 0) return;
  const announced = announcedIn.get(tx) ?? new Set();
  for (const row of rows) announced.add(credentialChange(row.number)).add(registryChange(row.slug));
  announcedIn.set(tx, announced);
}

/** What `announceCredentialChanges` announced in this transaction so far, forgotten once taken. */
export function takeAnnouncedChanges(tx: Db): PublicDataChange[] {
  const announced = announcedIn.get(tx);
  announcedIn.delete(tx);
  return announced ? [...announced] : [];
}

export type PublicDataListener = { close(): Promise<void> };

type Handlers = {
  changed(changes: PublicDataChange[]): void;
  /** Notices may have been missed from now on: nothing kept may be trusted until `listening`. */
  lost(error: unknown): void;
  listening(): void;
};

/**
 * A connection of its own that LISTENs for `announcePublicDataChange`, and reconnects after
 * `retryMs` when it is lost (saying so first, since a notice sent meanwhile never arrives).
 */
export function listenForPublicDataChanges(connection: pg.ClientConfig, handlers: Handlers, retryMs = 1000): PublicDataListener {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const connect = async () => {
    retry = undefined;
    const attempt = new pg.Client(connection);
    client = attempt;
    attempt.on("notification", (notice) => {
      if (notice.payload && isPublicDataChange(notice.payload)) handlers.changed([notice.payload]);
    });
    attempt.on("error", (error) => dropped(attempt, error));
    attempt.on("end", () => dropped(attempt, new Error("notice connection ended")));
    try {
      await attempt.connect();
      const { rows } = await attempt.query<{ schema: string }>("select current_schema() as schema");
      await attempt.query(`listen ${pg.escapeIdentifier(channelOf(rows[0]!.schema))}`);
      if (client === attempt && !closed) handlers.listening();
    } catch (error) {
      dropped(attempt, error);
    }
  };

  const dropped = (attempt: pg.Client, error: unknown) => {
    if (client !== attempt || closed) return;
    client = undefined;
    attempt.end().catch(() => undefined);
    handlers.lost(error);
    retry = setTimeout(() => void connect(), retryMs);
  };

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
