import type { Route } from "./+types/portfolio-archive";
import { listDocumentsOfUser } from "../../src/data/documents.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { archiveName, zipStream } from "../../src/files/zip-stream.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { authorize, services } from "../lib/route-context.server.ts";

/** Everything a person has put in Cradle, to keep or take elsewhere: portfolio.json and every uploaded document. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const { db, files, now } = services(context);
  const [{ portfolio }, documents] = await Promise.all([findPortfolio(db, user.userId), listDocumentsOfUser(db, user.userId)]);
  const json = JSON.stringify({ ...portfolio, person: { name: user.name, email: user.email } }, null, 2);
  const stream = zipStream([
    { name: "portfolio.json", compress: true, read: async () => new TextEncoder().encode(json) },
    ...documents.map((document, index) => ({
      name: `documents/${String(index + 1).padStart(2, "0")}-${archiveName(document.filename)}`,
      compress: false,
      read: async () => new Uint8Array(await files.get(document.sha256)),
    })),
  ]);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="cradle-portfolio-${now().toISOString().slice(0, 10)}.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
