import { writeFileSync } from "node:fs";
import { portfolioJsonSchema } from "../domain/portfolio-json-schema.ts";

/** `npm run schema`: regenerates docs/portfolio.schema.json from the zod schema (a test checks it is current). */
writeFileSync("docs/portfolio.schema.json", JSON.stringify(portfolioJsonSchema(), null, 2) + "\n");
console.log("Wrote docs/portfolio.schema.json");
