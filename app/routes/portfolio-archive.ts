import type { Route } from "./+types/portfolio-archive";
import { zipStream } from "../../src/files/zip-stream.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { portfolioArchive } from "../../src/queries/portfolio.ts";
import { authorize, services } from "../lib/route-context.server.ts";

/** Everything a person has put in Cradle, to keep or take elsewhere: portfolio.json and every uploaded document. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const { files } = services(context);
  const { json, date, documents } = await portfolioArchive(services(context), user);
  const stream = zipStream([
    { name: "portfolio.json", compress: true, read: async () => new TextEncoder().encode(json) },
    ...documents.map((document) => ({ name: document.name, compress: false, read: async () => new Uint8Array(await files.get(document.sha256)) })),
  ]);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="cradle-portfolio-${date}.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
