import { maxDraftBytes } from "../../limits.ts";

/** Whether a draft is small enough to keep: its JSON, as stored, is at most `maxDraftBytes` of UTF-8. */
export function draftWithinLimit(draft: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(draft)) <= maxDraftBytes;
}
