import type { Route } from "./+types/application-letter";
import { letterPdf } from "../../src/letters/letter-pdf.ts";
import { letterForDownload } from "../../src/queries/letters.ts";
import { read, requireUser } from "../lib/route-context.server.ts";

/** A letter as a PDF, for its applicant and the association's staff; anyone else gets 404. */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { letter, createdAt, filename } = await read(context, letterForDownload, params.id, params.letterId);
  const bytes = await letterPdf(letter, createdAt);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
