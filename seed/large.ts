import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, UnitTable } from '../src/lib/server/db/schema';
import { largeUnits, type SeedUnit } from './structure';

/** Rows per INSERT statement: 500 units × 7 columns stays far below PostgreSQL's 65,535 parameters. */
export const LARGE_BATCH_SIZE = 500;

export const LARGE_ORGANISATION_NAME = 'Synthetische organisatie';

export type UnitRow = Insertable<UnitTable> & { id: string };

/**
 * The unit rows of `units` for one organisation, with ids made here (so a child knows its parent's
 * id without a round trip). Parents must come before their children, as the generators emit them.
 */
export function unitRows(
	organisationId: string,
	units: SeedUnit[]
): { rows: UnitRow[]; unitIds: Map<string, string> } {
	const unitIds = new Map<string, string>();
	const rows = units.map((u): UnitRow => {
		if (unitIds.has(u.code)) throw new Error(`Unit code ${u.code} occurs twice`);
		let parentId: string | null = null;
		if (u.parentCode !== null) {
			const id = unitIds.get(u.parentCode);
			if (!id) throw new Error(`Unit ${u.code} comes before its parent ${u.parentCode}`);
			parentId = id;
		}
		const id = randomUUID();
		unitIds.set(u.code, id);
		return {
			organisation_id: organisationId,
			id,
			parent_id: parentId,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			valid_from: '2024-01-01'
		};
	});
	return { rows, unitIds };
}

/** Splits `items` into consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size = LARGE_BATCH_SIZE): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/**
 * Inserts one new organisation with the large synthetic unit tree of `largeUnits()` (2,500 units,
 * 50,000 employees by default) in one transaction, in multi-row batches. For benchmarks.
 */
export async function seedLargeOrganisation(
	db: Kysely<Database>,
	options: { units?: number; employees?: number } = {}
): Promise<{ organisationId: string; unitIds: Map<string, string> }> {
	const organisationId = randomUUID();
	const { rows, unitIds } = unitRows(organisationId, largeUnits(options));
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('organisation')
			.values({ id: organisationId, name: LARGE_ORGANISATION_NAME, language: 'nl', is_demo: false })
			.execute();
		for (const batch of batches(rows)) await trx.insertInto('unit').values(batch).execute();
	});
	return { organisationId, unitIds };
}
