import "../load-env-file.ts";
import type { AssociationInput } from "../commands/shared/association-input.ts";
import { createAssociation } from "../commands/create-association.ts";
import { createVerifiedAccount } from "../commands/create-verified-account.ts";
import { createOwnerAccount } from "./commands/create-owner.ts";
import { runCommand } from "../commands/define-command.ts";
import { grantRole } from "../commands/grant-role.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import { person, systemActor } from "../policies/actor.ts";
import { findUserByEmail } from "../data/users.ts";
import type { AssociationRole } from "../data/schema.ts";
import { withCliDatabase } from "./open-cli-database.ts";
import { endorseDemoHolders, lapseAndRevoke, setDemoRenewalCycle } from "./seed-demo-endorsements.ts";

/** Demo data for trying Cradle locally: never run it on a real installation (every password is the same). */
const demoPassword = "cradle-demo-2026";

const associations: Array<AssociationInput & { shortName: string }> = [
  {
    shortName: "California Center",
    name: "California Center for Infant-Family and Early Childhood Mental Health (demo)",
    slug: "ca-center",
    frameworks: ["california-ifecmh"],
    locale: "en",
    timeZone: "America/Los_Angeles",
    contactEmail: "endorsement@ca-center.example.org",
    contactPhone: null,
    website: null,
  },
  {
    shortName: "South Carolina",
    name: "South Carolina Infant Mental Health Association (demo)",
    slug: "sc-imh",
    frameworks: ["alliance-iecmh-e"],
    locale: "en",
    timeZone: "America/New_York",
    contactEmail: "endorsement@sc-imh.example.org",
    contactPhone: null,
    website: null,
  },
  {
    shortName: "Michigan",
    name: "Michigan Association for Infant Mental Health (demo)",
    slug: "mi-imh",
    frameworks: ["alliance-iecmh-e"],
    locale: "en",
    timeZone: "America/Detroit",
    contactEmail: "endorsement@mi-imh.example.org",
    contactPhone: null,
    website: null,
  },
];

const people: Array<{ local: string; name: string; role: AssociationRole; locale?: "es" }> = [
  { local: "admin", name: "Administrator", role: "admin" },
  { local: "reviewer", name: "Reviewer", role: "reviewer" },
  // More reviewers, so one file can have two reviewers and its exam three blind raters, none of them the same person.
  { local: "reviewer2", name: "Tomás Reyes", role: "reviewer" },
  { local: "reviewer3", name: "Uma Patel", role: "reviewer" },
  { local: "reviewer4", name: "Victor Osei", role: "reviewer" },
  { local: "reviewer5", name: "Wendy Liu", role: "reviewer" },
  { local: "reviewer6", name: "Yara Haddad", role: "reviewer" },
  { local: "applicant1", name: "Applicant One", role: "member" },
  { local: "applicant2", name: "Solicitante Dos", role: "member", locale: "es" },
];

const seed = systemActor("seed-demo");

await withCliDatabase(async (context) => {
  const rows: string[][] = [];
  await createOwnerAccount(context, { email: "owner@demo.cradle.test", name: "Demo Owner", password: demoPassword }, "seed-demo");
  rows.push(["(all)", "owner", "owner@demo.cradle.test"]);
  for (const fields of associations) {
    const existing = await findAssociationBySlug(context.db, fields.slug);
    const created = existing ? undefined : await runCommand(context, createAssociation, seed, fields);
    const associationId = existing?.id ?? (created?.ok ? created.value.id : undefined);
    if (!associationId) throw new Error(`Could not create ${fields.slug}`);
    for (const person of people) {
      const email = `${person.local}@${fields.slug}.demo.cradle.test`;
      const name = `${person.name} (${fields.shortName})`;
      const account = await runCommand(context, createVerifiedAccount, seed, { email, name, password: demoPassword, locale: person.locale });
      if (!account.ok) throw new Error(`Could not create ${email}`);
      await runCommand(context, grantRole, seed, { associationId, email, role: person.role });
      rows.push([fields.slug, person.role, email]);
    }
  }
  // Endorsed through the whole journey, so a new demo has credentials to look at and verify: one
  // active, one lapsed (endorsed a month ago, due two weeks ago in the demo's cycle), one revoked.
  const southCarolina = (await findAssociationBySlug(context.db, "sc-imh"))!;
  const staff = await findUserByEmail(context.db, "admin@sc-imh.demo.cradle.test");
  const staffActor = person(staff!.id, [{ association_id: southCarolina.id, role: "admin" }]);
  const firstRun = !(await context.db.selectFrom("credentials").select("id").where("association_id", "=", southCarolina.id).executeTakeFirst());
  if (firstRun) await setDemoRenewalCycle(context, southCarolina.id, staffActor);
  const holders = await endorseDemoHolders(
    context,
    southCarolina,
    [
      { local: "holder1", name: "Alma Activa (South Carolina)", listed: true },
      { local: "holder2", name: "Lena Lapsa (South Carolina)", locale: "es", endorsedDaysAgo: 30 },
      { local: "holder3", name: "Rhea Revoked (South Carolina)" },
    ],
    demoPassword,
  );
  if (firstRun) await lapseAndRevoke(context, southCarolina.id, staffActor, holders[2]!.credentialId);
  for (const holder of holders) rows.push(["sc-imh", "holder", holder.email]);
  console.log(`Demo data is ready. Every demo account's password is: ${demoPassword}\n`);
  console.log(["association".padEnd(12), "role".padEnd(9), "email"].join("  "));
  for (const [slug, role, email] of rows) console.log([slug!.padEnd(12), role!.padEnd(9), email].join("  "));
  console.log("\nCredentials to verify (open /verify/<number>):");
  const statuses = await context.db.selectFrom("credentials").select(["id", "status"]).where("association_id", "=", southCarolina.id).execute();
  const statusOf = new Map(statuses.map((row) => [row.id, row.status]));
  for (const holder of holders) console.log(`  ${holder.number}  ${(statusOf.get(holder.credentialId) ?? "").padEnd(8)}  ${holder.email}`);
});
