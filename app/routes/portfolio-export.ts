import type { Route } from "./+types/portfolio-export";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { authorize, services } from "../lib/route-context.server.ts";

/** The whole portfolio as the portable JSON file (docs/portfolio-format.md). */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const { db, now } = services(context);
  const { portfolio } = await findPortfolio(db, user.userId);
  const body = JSON.stringify({ ...portfolio, person: { name: user.name, email: user.email } }, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="cradle-portfolio-${now().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
