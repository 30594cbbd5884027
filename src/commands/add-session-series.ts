import { randomBytes } from "node:crypto";
import { z } from "zod";
import { writePortfolio } from "../data/portfolios.ts";
import { uniqueIdsStoredPortfolioSchema } from "../domain/portfolio-schema.ts";
import { maxSeriesSessions, seriesDates } from "../domain/session-series.ts";
import { findSection } from "../forms/portfolio-sections.ts";
import { maxEntriesPerList } from "../limits.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { lockPortfolio } from "./guards/lock-portfolio.ts";

const section = findSection("reflective-supervision")!;
const isoDate = z.iso.date("error.date");

/**
 * Reflective supervision logged as a series ("every other Tuesday, 1 h, individual, from ... to
 * ..."): one session per date, each an ordinary entry the person can edit after, all added in one
 * transaction. The session's details are checked as a single entry would be.
 */
export const addSessionSeries = defineCommand({
  name: "session-series.added",
  actors: ["person"],
  input: z
    .object({
      session: z.record(z.string(), z.unknown()),
      firstDate: isoDate,
      lastDate: isoDate,
      everyWeeks: z.union([z.literal(1), z.literal(2), z.literal(4)]),
    })
    .superRefine((value, context) => {
      if (value.lastDate < value.firstDate) context.addIssue({ code: "custom", path: ["lastDate"], message: "series.lastBeforeFirst" });
      const parsed = section.schema.safeParse({ ...value.session, date: value.firstDate, id: "pending" });
      for (const issue of parsed.success ? [] : parsed.error.issues)
        context.addIssue({ code: "custom", path: ["session", ...issue.path.map(String)], message: issue.message });
    }),
  async run({ tx, actor, input, now }) {
    const dates = seriesDates(input.firstDate, input.lastDate, input.everyWeeks);
    if (dates.length > maxSeriesSessions) refuse({ lastDate: "series.tooMany" });
    const portfolio = await lockPortfolio(tx, actor.userId);
    if (portfolio.reflectiveSupervision.length + dates.length > maxEntriesPerList) refuse({ form: "limit.listFull" });
    const added = dates.map(
      (date) => section.schema.parse({ ...input.session, date, id: `${section.id}-${randomBytes(5).toString("hex")}` }) as Record<string, unknown>,
    );
    await writePortfolio(
      tx,
      actor.userId,
      uniqueIdsStoredPortfolioSchema.parse({ ...portfolio, reflectiveSupervision: [...portfolio.reflectiveSupervision, ...added] }),
      now,
    );
    return done(
      { type: "portfolio", id: actor.userId },
      { count: dates.length },
      { section: section.id, count: dates.length, firstDate: dates[0], lastDate: dates.at(-1) },
    );
  },
});
