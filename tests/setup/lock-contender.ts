import { once } from "node:events";
import { acquireDataDirLock, DataDirLockedError } from "../../src/data/data-dir-lock.ts";

/**
 * One starter in a race for a data-folder lock, as its own process (a lock is between processes):
 * says "ready", tries when stdin says go, prints "won" or "refused", and holds until stdin closes.
 */
const dataDir = process.argv[2]!;
process.stdout.write("ready\n");
await once(process.stdin, "data");
try {
  const lock = await acquireDataDirLock(dataDir);
  process.stdout.write("won\n");
  process.stdin.on("end", () => {
    lock.release();
    process.exit(0);
  });
} catch (error) {
  process.stdout.write(error instanceof DataDirLockedError ? "refused\n" : `failed: ${String(error)}\n`);
  process.exit(0);
}
