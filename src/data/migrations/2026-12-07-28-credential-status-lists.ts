import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Each credential's place in its association's Bitstring Status Lists (decision 032): one index for
    // both purposes, drawn at random among the list's 131072 places so a list's readers learn nothing from it.
    `alter table credentials add column status_list_index integer check (status_list_index between 0 and 131071)`,
    `create unique index credentials_status_list_index on credentials (association_id, status_list_index)`,
    // The lists themselves: bit 0 is the leftmost, as in the spec, and a bit(n) string numbers its bits so.
    // The version grows with every bit that flips: the served credential's ETag and its signing memo.
    `create table credential_status_lists (
      association_id uuid not null references associations (id) on delete cascade,
      purpose text not null check (purpose in ('revocation', 'suspension')),
      bits bit(131072) not null default B'0'::bit(131072),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (association_id, purpose)
    )`,
    // Credentials issued before this: distinct random places per association.
    `with numbered as (
        select id, association_id, row_number() over (partition by association_id order by id) as n from credentials
      ), places as (
        select association_id, place, row_number() over (partition by association_id order by random()) as n
        from (select distinct association_id from credentials) holders cross join generate_series(0, 131071) place
      )
      update credentials set status_list_index = places.place
      from numbered join places using (association_id, n)
      where credentials.id = numbered.id`,
    `alter table credentials alter column status_list_index set not null`,
    `insert into credential_status_lists (association_id, purpose)
      select distinct association_id, purpose from credentials cross join (values ('revocation'), ('suspension')) purposes (purpose)`,
    // Their bits as their statuses say (src/domain/status-list.ts, statusListBits).
    `do $$
    declare credential record;
    begin
      for credential in select association_id, status_list_index, status from credentials where status <> 'active' loop
        update credential_status_lists set bits = set_bit(bits, credential.status_list_index, 1), version = version + 1
          where association_id = credential.association_id
            and purpose = case when credential.status = 'revoked' then 'revocation' else 'suspension' end;
      end loop;
    end $$`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table credential_status_lists", "alter table credentials drop column status_list_index"]);
}
