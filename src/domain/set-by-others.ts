/**
 * What an entry says that only someone other than its owner may set, and who sets it in Cradle:
 * - a degree's official transcript received: the association's staff (on the application);
 * - a job's or RS/C session's confirmation: the supervisor or provider, through their link
 *   (a training's `verified` has no one to set it yet, and is treated the same);
 * - an RS/C provider accepted as qualified (`vetted`): the association.
 * An imported file cannot carry these (docs/portfolio-format.md, "What an import does not take"):
 * they are cleared, so the entry arrives as if just typed in. References and exam results are
 * left out whole by the import.
 */
export type ClearedOnImport = "transcript" | "confirmation" | "vettedProvider";

type Entry = Record<string, unknown>;

export function clearSetByOthers(list: string, entry: Entry): { entry: Entry; cleared: ClearedOnImport[] } {
  const cleared: ClearedOnImport[] = [];
  const next = { ...entry };
  if (list === "education" && next.officialTranscript === true) {
    next.officialTranscript = false;
    cleared.push("transcript");
  }
  if ((list === "work" || list === "training" || list === "reflectiveSupervision") && next.verified === true) {
    next.verified = false;
    cleared.push("confirmation");
  }
  const provider = next.provider as Entry | undefined;
  if (list === "reflectiveSupervision" && provider?.vetted === true) {
    next.provider = { ...provider, vetted: false };
    cleared.push("vettedProvider");
  }
  return { entry: next, cleared };
}
