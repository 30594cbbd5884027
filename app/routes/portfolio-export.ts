import type { Route } from "./+types/portfolio-export";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { portfolioFile } from "../../src/queries/portfolio.ts";
import { authorize, services } from "../lib/route-context.server.ts";

/** The whole portfolio as the portable JSON file (docs/portfolio-format.md). */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const { json, date } = await portfolioFile(services(context), user);
  return new Response(json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="cradle-portfolio-${date}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
