import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkLayout, type LayoutRules } from '../../src/lib/server/db/layout-check';
import { GLOBAL_UNIQUE_INDEXES, TABLE_LAYOUT } from '../../src/lib/server/db/layout';
import type { Database } from '../../src/lib/server/db/schema';
import { useTestDatabase } from '../helpers/db';

const testDb = useTestDatabase();

describe('the migrated schema', () => {
	it('can be distributed by organisation_id as the table layout declares', async () => {
		const problems = await checkLayout(testDb.db, 'public', {
			tables: TABLE_LAYOUT,
			globalUniqueIndexes: GLOBAL_UNIQUE_INDEXES
		});
		expect(problems).toEqual([]);
	});

	it('has no global unique index beyond the declared ones', async () => {
		const problems = await checkLayout(testDb.db, 'public', { tables: TABLE_LAYOUT });
		expect(problems.sort()).toEqual(
			[
				'response_claim: unique index response_claim_hash_unique leaves out organisation_id',
				'wave_code: unique index wave_code_hash_unique leaves out organisation_id',
				'wave_unit: unique index wave_unit_token_unique leaves out organisation_id'
			].sort()
		);
	});

	it('has every table the layout names, and every accepted exception still exists', async () => {
		const tables = await sql<{ name: string }>`
			select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(testDb.db);
		expect(tables.rows.map((t) => t.name).sort()).toEqual(Object.keys(TABLE_LAYOUT).sort());
		const indexes = await sql<{ name: string }>`
			select indexname as name from pg_indexes where schemaname = 'public'`.execute(testDb.db);
		const names = new Set(indexes.rows.map((i) => i.name));
		for (const index of GLOBAL_UNIQUE_INDEXES) expect(names).toContain(index);
	});
});

// Each probe builds a small schema that breaks one rule and checks that the checker names it.
// The schema is created inside a transaction that is always rolled back, so nothing remains.
const PROBE = 'layout_probe';

const probeRules: LayoutRules = {
	tables: {
		tenant: 'distributed',
		other: 'distributed',
		shared: 'reference',
		private: 'local'
	}
};

const base = `
	create table shared (id uuid primary key);
	create table private (id uuid primary key);
	create table tenant (
		organisation_id uuid not null, id uuid not null, primary key (organisation_id, id));`;

class RolledBack extends Error {}

/** Runs `work` in a transaction that is always rolled back. */
async function rolledBack(database: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<void>) {
	try {
		await database.transaction().execute(async (trx) => {
			await work(trx);
			throw new RolledBack();
		});
	} catch (e) {
		if (!(e instanceof RolledBack)) throw e;
	}
}

async function probe(db: Kysely<Database>, ddl: string, rules = probeRules): Promise<string[]> {
	let problems: string[] = [];
	await rolledBack(db, async (trx) => {
		await sql.raw(`create schema ${PROBE}; set local search_path to ${PROBE};`).execute(trx);
		await sql.raw(base + ddl).execute(trx);
		problems = await checkLayout(trx, PROBE, rules);
	});
	return problems;
}

describe('the layout check', () => {
	it.each([
		{
			rule: 'a well-laid-out schema passes',
			ddl: `create table other (
				organisation_id uuid not null, tenant_id uuid not null, shared_id uuid references shared,
				primary key (organisation_id, tenant_id),
				unique (tenant_id, organisation_id),
				foreign key (organisation_id, tenant_id) references tenant (organisation_id, id));
				create table private_child (id uuid primary key, shared_id uuid references shared);`,
			expected: ['private_child: not classified in the table layout']
		},
		{
			rule: 'every table is classified',
			ddl: `create table stray (id int primary key);`,
			expected: ['stray: not classified in the table layout']
		},
		{
			rule: 'a distributed table has organisation_id',
			ddl: `create table other (id uuid primary key);`,
			expected: [
				'other: distributed but has no organisation_id',
				'other: unique index other_pkey leaves out organisation_id'
			]
		},
		{
			rule: 'organisation_id is not null',
			ddl: `create table other (organisation_id uuid, id uuid, unique (organisation_id, id));`,
			expected: ['other: distributed but organisation_id may be null']
		},
		{
			rule: 'the primary key includes organisation_id',
			ddl: `create table other (organisation_id uuid not null, id uuid primary key);`,
			expected: ['other: unique index other_pkey leaves out organisation_id']
		},
		{
			rule: 'unique constraints include organisation_id',
			ddl: `create table other (
				organisation_id uuid not null, id uuid not null, code text not null,
				primary key (organisation_id, id), constraint other_code_key unique (code));`,
			expected: ['other: unique index other_code_key leaves out organisation_id']
		},
		{
			rule: 'unique indexes include organisation_id',
			ddl: `create table other (
				organisation_id uuid not null, id uuid not null, code text not null,
				primary key (organisation_id, id));
				create unique index other_code_unique on other (lower(code));`,
			expected: ['other: unique index other_code_unique leaves out organisation_id']
		},
		{
			rule: 'a foreign key between distributed tables pairs organisation_id',
			ddl: `create table other (
				organisation_id uuid not null, tenant_id uuid not null,
				primary key (organisation_id, tenant_id),
				constraint other_tenant_fk foreign key (tenant_id, organisation_id)
					references tenant (organisation_id, id));`,
			expected: [
				'other: foreign key other_tenant_fk to tenant: does not pair organisation_id with organisation_id'
			]
		},
		{
			rule: 'a foreign key between distributed tables includes organisation_id',
			ddl: `create unique index tenant_id_unique on tenant (id);
				create table other (
				organisation_id uuid not null, tenant_id uuid not null,
				primary key (organisation_id, tenant_id),
				constraint other_tenant_fk foreign key (tenant_id) references tenant (id));`,
			expected: [
				'tenant: unique index tenant_id_unique leaves out organisation_id',
				'other: foreign key other_tenant_fk to tenant: does not pair organisation_id with organisation_id'
			]
		},
		{
			rule: 'a reference table does not refer to a distributed one',
			ddl: `alter table shared add column tenant_org uuid, add column tenant_id uuid,
				add constraint shared_tenant_fk foreign key (tenant_org, tenant_id)
					references tenant (organisation_id, id);`,
			expected: [
				'shared: foreign key shared_tenant_fk to tenant: a reference table may not refer to a distributed one'
			]
		},
		{
			rule: 'a local table does not refer to a distributed one',
			ddl: `alter table private add column tenant_org uuid, add column tenant_id uuid,
				add constraint private_tenant_fk foreign key (tenant_org, tenant_id)
					references tenant (organisation_id, id);`,
			expected: [
				'private: foreign key private_tenant_fk to tenant: a local table may not refer to a distributed one'
			]
		},
		{
			rule: 'a distributed table does not refer to a local one',
			ddl: `alter table tenant add column private_id uuid,
				add constraint tenant_private_fk foreign key (private_id) references private;`,
			expected: [
				'tenant: foreign key tenant_private_fk to private: a distributed table may refer only to distributed or reference tables'
			]
		},
		{
			rule: 'a reference table has no organisation_id',
			ddl: `alter table shared add column organisation_id uuid;`,
			expected: ['shared: reference but has organisation_id']
		},
		{
			rule: 'a local table has no organisation_id',
			ddl: `alter table private add column organisation_id uuid not null;`,
			expected: ['private: local but has organisation_id']
		}
	])('reports a break of: $rule', async ({ ddl, expected }) => {
		const problems = await probe(testDb.db, ddl);
		expect([...problems].sort()).toEqual([...expected].sort());
	});

	it('leaves nothing behind', async () => {
		const schemas = await sql<{ n: number }>`
			select count(*)::int as n from pg_namespace where nspname = ${PROBE}`.execute(testDb.db);
		expect(schemas.rows[0]!.n).toBe(0);
	});

	it('accepts a declared global unique index and nothing else', async () => {
		const rules: LayoutRules = { ...probeRules, globalUniqueIndexes: ['tenant_token_unique'] };
		const problems = await probe(
			testDb.db,
			`alter table tenant add column token text, add column code text;
			create unique index tenant_token_unique on tenant (token);
			create unique index tenant_code_unique on tenant (code);`,
			rules
		);
		expect(problems).toEqual(['tenant: unique index tenant_code_unique leaves out organisation_id']);
	});
});
