import "./src/load-env-file.ts";
import "./src/server/production-by-default.ts";
import { readConfig } from "./src/config.ts";
import { serve } from "./src/server/serve.ts";

/** Serves an already built app (`npm run build`); `npm start` (src/cli/start.ts) checks the settings and builds first. */
await serve(() => readConfig(process.env));
