import type { Logger } from "pino";
import type { DatabaseHandle } from "../data/database.ts";
import { listenForPublicDataChanges } from "../data/public-data-notices.ts";
import type { ResponseCache } from "./response-cache.ts";

/**
 * On PostgreSQL other processes may change what public pages show: their commands' notices drop
 * our cached copies, and while the listening connection is down the cache is not used at all.
 * The embedded database has one process (decision 013), whose own commands are enough.
 */
export function keepPublicCacheInStep(database: DatabaseHandle, cache: ResponseCache, logger: Logger) {
  if (!database.noticeConnection) return undefined;
  return listenForPublicDataChanges(database.noticeConnection, {
    changed: (kinds) => cache.invalidate(kinds),
    lost(error) {
      cache.trust(false);
      logger.warn({ err: error }, "public page cache off: lost the connection that hears other processes' changes");
    },
    listening() {
      cache.trust(true);
      logger.debug("public page cache on");
    },
  });
}
