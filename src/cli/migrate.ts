import "../load-env-file.ts";
import { withCliDatabase } from "./open-cli-database.ts";

/** `npm run migrate`: applies pending migrations (the server also does this on start). */
await withCliDatabase(async (_context, handle) => {
  console.log(`Database ${handle.description} (${handle.driver}) is up to date.`);
});
