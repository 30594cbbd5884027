import type { Logger } from "pino";
import type { CommandContext } from "../commands/command-context.ts";
import type { Config } from "../config.ts";
import type { Db } from "../data/database.ts";
import type { Framework } from "../domain/framework-schema.ts";
import type { MailWorker } from "../jobs/mail-worker.ts";
import type { FileStore } from "../files/file-store.ts";
import type { ResponseCache } from "./response-cache.ts";

export type Services = {
  db: Db;
  driver: "pglite" | "postgres";
  config: Config;
  logger: Logger;
  sessionSecret: string;
  /** Seals the associations' signing keys (src/server/credential-key-secret.ts). */
  credentialKeySecret: string;
  mailWorker: MailWorker;
  /** The published rules, read and checked once at start. */
  frameworks: Framework[];
  files: FileStore;
  now: () => Date;
  /** Public pages as rendered, dropped by the commands that change what they show (decision 021). */
  responseCache: ResponseCache;
};

export function commandContext(services: Services): CommandContext {
  return {
    db: services.db,
    now: services.now,
    baseUrl: services.config.baseUrl,
    frameworks: services.frameworks,
    files: services.files,
    wakeMail: () => services.mailWorker.wake(),
    publicDataChanged: (changed) => services.responseCache.invalidate(changed),
    credentialKeySecret: services.credentialKeySecret,
  };
}
