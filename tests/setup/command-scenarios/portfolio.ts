import { readFileSync } from "node:fs";
import { deletePortfolioEntry } from "../../../src/commands/delete-portfolio-entry.ts";
import { keepPortfolioDraft } from "../../../src/commands/keep-portfolio-draft.ts";
import { savePortfolioEntry } from "../../../src/commands/save-portfolio-entry.ts";
import { uploadDocument } from "../../../src/commands/upload-document.ts";
import { person } from "../../../src/policies/actor.ts";
import { buildUser } from "../builders.ts";
import { buildApplicant, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

const training = { title: "Attachment basics", provider: "State AIMH", date: "2025-03-01", clockHours: 12, topics: ["dei"] };
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function someone(app: Parameters<Scenario>[0]) {
  const user = await buildUser(app.services.db);
  return person(user.id);
}

async function withTraining(app: Parameters<Scenario>[0]) {
  const actor = await someone(app);
  const { entryId } = await runOrThrow(app, savePortfolioEntry, actor, { section: "training", entryId: null, entry: training });
  return { actor, entryId };
}

/** A person's own portfolio: entries, drafts, the statement, imports and documents. */
export const portfolioScenarios: Record<string, Scenario> = {
  "portfolio-entry.saved": async (app) => ({ actor: await someone(app), input: { section: "training", entryId: null, entry: training } }),
  "portfolio-entry.deleted": async (app) => {
    const { actor, entryId } = await withTraining(app);
    return { actor, input: { section: "training", entryId } };
  },
  "portfolio-entry.restored": async (app) => {
    const { actor, entryId } = await withTraining(app);
    await runOrThrow(app, deletePortfolioEntry, actor, { section: "training", entryId });
    return { actor, input: { section: "training" } };
  },
  "portfolio-draft.kept": async (app) => ({ actor: await someone(app), input: { section: "training", entryId: null, fields: { title: "Half typed" } } }),
  "portfolio-draft.discarded": async (app) => {
    const actor = await someone(app);
    await runOrThrow(app, keepPortfolioDraft, actor, { section: "training", entryId: null, fields: { title: "Half typed" } });
    return { actor, input: { section: "training", entryId: null } };
  },
  "statement.saved": async (app) => ({ actor: await someone(app), input: { text: "I have worked with families of infants for nine years." } }),
  "statement-draft.kept": async (app) => ({ actor: await someone(app), input: { text: "I have worked with" } }),
  "session-series.added": async (app) => ({
    actor: await someone(app),
    input: {
      session: { direction: "received", hours: 1, format: "individual", provider: { name: "Dr. Lee", credentials: [] } },
      firstDate: "2025-01-07",
      lastDate: "2025-02-04",
      everyWeeks: 2,
    },
  }),
  "category-target.chosen": async (app) => ({ actor: await someone(app), input: { frameworkId: "alliance-iecmh-e", categoryId: "ifs", isTarget: true } }),
  "portfolio.imported": async (app) => ({ actor: await someone(app), input: { kind: "json", file: readFileSync("examples/ifs-portfolio.json", "utf8") } }),
  "document.uploaded": async (app) => ({ actor: await someone(app), input: { type: "transcript", filename: "transcript.pdf", file: pdf } }),
  "document.downloaded": async (app) => {
    const { actor } = await buildApplicant(app);
    const { documentId } = await runOrThrow(app, uploadDocument, actor, { type: "transcript", filename: "transcript.pdf", file: pdf });
    return { actor, input: { documentId } };
  },
};
