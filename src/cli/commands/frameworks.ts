import { loadFrameworks } from "../../frameworks/load-frameworks.ts";

/** Lists every framework and its categories with the ids the other commands take. */
export function listFrameworks(): void {
  for (const framework of loadFrameworks()) {
    console.log(`${framework.id}  ${framework.name.en} (version ${framework.version})`);
    for (const category of framework.categories) {
      console.log(`  ${category.id.padEnd(10)} ${category.abbreviation.padEnd(8)} ${category.name.en}`);
    }
  }
}
