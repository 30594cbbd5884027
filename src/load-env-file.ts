import { existsSync } from "node:fs";

/** Settings from ./.env when there is one (the environment wins); imported first by the server and the CLI. */
if (existsSync(".env")) process.loadEnvFile(".env");
