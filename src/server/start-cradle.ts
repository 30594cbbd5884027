import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pino, type Logger } from "pino";
import type { ServerBuild } from "react-router";
import type { Config } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../data/database.ts";
import { migrateToLatest } from "../data/migrate.ts";
import { startHousekeeping } from "../jobs/housekeeping.ts";
import { startMailWorker } from "../jobs/mail-worker.ts";
import { loadFrameworks } from "../frameworks/load-frameworks.ts";
import { createFileStore } from "../files/file-store.ts";
import { createS3FileStore } from "../files/s3-file-store.ts";
import { createHttpHandler } from "./http-handler.ts";
import { keepPublicCacheInStep } from "./public-cache-notices.ts";
import { createResponseCache } from "./response-cache.ts";
import { commandContext, type Services } from "./services.ts";
import { loadSessionSecret } from "./session-secret.ts";
import { loadCredentialKeySecret } from "./credential-key-secret.ts";

export type RunningCradle = { url: string; server: Server; services: Services; close(): Promise<void> };

export type StartOptions = {
  config: Config;
  /** An already open and migrated database (tests pass a fresh schema); otherwise opened from the config and migrated. */
  database?: DatabaseHandle;
  logger?: Logger;
  buildDir?: string;
  now?: () => Date;
};

/** Opens the database and migrates it (unless given one), starts the mail worker and the HTTP server. */
async function openMigratedDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function startCradle(options: StartOptions): Promise<RunningCradle> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const buildDir = path.resolve(options.buildDir ?? "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;

  const frameworks = loadFrameworks();
  // Before the database opens, so a missing setting on PostgreSQL stops Cradle without touching it.
  const credentialKeySecret = loadCredentialKeySecret(config, options.database?.driver ?? (config.databaseUrl ? "postgres" : "pglite"));
  const database = options.database ?? (await openMigratedDatabase(config, logger));

  const now = options.now ?? (() => new Date());
  const mailWorker = startMailWorker({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: `Cradle <no-reply@${new URL(config.baseUrl).hostname}>`,
    logger,
    now,
    // The embedded database is this process's alone (the data-folder lock): what an earlier process claimed is free at once.
    isAloneOnDatabase: database.driver === "pglite",
  });
  const services: Services = {
    db: database.db,
    driver: database.driver,
    config,
    logger,
    sessionSecret: loadSessionSecret(config.sessionSecret, config.dataDir),
    credentialKeySecret,
    mailWorker,
    frameworks,
    files: config.s3 ? createS3FileStore(config.s3) : createFileStore(config.dataDir),
    now,
    responseCache: createResponseCache({ isTrusted: database.noticeConnection === undefined }),
  };

  const cacheNotices = keepPublicCacheInStep(database, services.responseCache, logger);
  const housekeeping = startHousekeeping(() => commandContext(services), logger, { refreshesPlannerStatistics: database.driver === "pglite" });
  const handleHttp = createHttpHandler(build, services, path.join(buildDir, "client"));
  // The handler answers 500 itself on any error, so its promise never rejects.
  const server = createServer((req, res) => void handleHttp(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (config.isBaseUrlDerived) services.config = { ...config, baseUrl: `http://localhost:${port}` };
  const mode = config.isProduction ? "production" : "development";
  logger.info({ port, database: database.driver, where: database.description, mode }, "Cradle is listening");

  let closing: Promise<void> | undefined;
  return {
    url: services.config.baseUrl,
    server,
    services,
    close() {
      // Stop taking requests, let those in flight finish, then stop the worker and the database.
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        housekeeping.stop();
        await cacheNotices?.close();
        await mailWorker.stop();
        await database.close();
        logger.info("Cradle stopped");
      })();
      return closing;
    },
  };
}
