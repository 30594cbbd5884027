import { writeFileSync } from "node:fs";
import path from "node:path";
import { databaseTypesFile, generateDatabaseTypes } from "../data/generate-database-types.ts";

// npm run db:types: rewrites src/data/database-types.generated.ts from the migrations.
const target = path.resolve(import.meta.dirname, "../..", databaseTypesFile);
writeFileSync(target, await generateDatabaseTypes());
console.log(`Wrote ${databaseTypesFile}`);
