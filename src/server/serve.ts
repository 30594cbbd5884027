import type { Config } from "../config.ts";
import { isSetupProblem } from "../setup-problems.ts";
import { startCradle } from "./start-cradle.ts";

/**
 * What `server.ts` and `npm start` share once the settings are read: start Cradle, stop it cleanly on
 * SIGINT/SIGTERM, and turn the failures a person can fix into a plain message and exit code 1.
 */
export async function serve(readSettings: () => Config): Promise<void> {
  try {
    const cradle = await startCradle({ config: readSettings() });
    const { config, driver } = cradle.services;
    console.log(`Cradle is running at ${config.baseUrl} (database: ${driver}, ${config.isProduction ? "production" : "development"} mode)`);
    let forced = false;
    const stop = (signal: string) => {
      if (forced) process.exit(1);
      forced = true;
      console.log(`${signal} received: finishing requests in flight, then stopping.`);
      setTimeout(() => process.exit(1), 10_000).unref();
      void cradle.close().then(() => process.exit(0));
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  } catch (error) {
    if (isSetupProblem(error)) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`\nPort ${process.env.PORT ?? 3000} is already in use. Stop the other program or set PORT to another number.\n`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String(error).includes("build")) {
      console.error("\nThe app is not built yet. Run `npm start` (it builds first) or `npm run build`.\n");
      process.exit(1);
    }
    throw error;
  }
}
