import { z } from "zod";
import { portfolioSchema } from "./portfolio-schema.ts";

/** The JSON Schema of the portable portfolio (what a file may contain: defaults may be left out). */
export function portfolioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(portfolioSchema, { io: "input", unrepresentable: "any" }),
    $id: "https://cradle.example/portfolio.schema.json",
    title: "Cradle portable portfolio",
    description:
      "A person's education, work, training, reflective supervision/consultation, references and documents, as Cradle imports and exports them. Dates are YYYY-MM-DD. Every entry's id is unique within the file.",
  };
}
