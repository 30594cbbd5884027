import type { Route } from "./+types/exam-rating-part2";
import { sniffFileType } from "../../src/domain/sniff-file-type.ts";
import { myExamRatingFile } from "../../src/queries/exams.ts";
import { read, requireUser, services } from "../lib/route-context.server.ts";

/** The scan of Part 2 for its rater, named after the exam code only: no file name, nothing of the examinee. Anyone else: 404. */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  const file = await read(context, myExamRatingFile, params.ratingId);
  const bytes = await services(context).files.get(file.sha256);
  const extension = sniffFileType(bytes)?.extension ?? "bin";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${file.code}-part-2.${extension}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
