import type { CommandContext } from "../commands/command-context.ts";

/** What a query reads with: the database, the published rules and the clock (the services satisfy it). */
export type ReadContext = Pick<CommandContext, "db" | "frameworks" | "now">;
