import { sql, type Kysely } from 'kysely';
import type { WarningMessage } from '../../domain/early-warning';
import type { ReleasePlan } from '../../domain/releases';
import { planSignalMonth } from '../../domain/signals/month-plans';
import type { Localised } from '../../instruments/types';
import type { Database } from '../db/schema';
import { findMonthPeople } from '../signals/queries';
import { treeOf } from './common';
import { recordReleases, type Release } from './releases';

/**
 * The attention list of an organisation as stored under the key of its inputs (the table
 * attention_list_result): the ranked list of all units before a reader's scope is applied, with
 * nothing in it that the list does not show (reasons are made of figures that passed the gate).
 */
export interface StoredAttention {
	month: string | null;
	dimensionNames: Record<string, Localised>;
	items: ReadonlyArray<{
		unitId: string;
		name: string;
		code: string;
		score: number;
		reasons: Array<{ points: number; persistent: boolean; target: string; message: WarningMessage }>;
	}>;
	/** The unit tree the list was computed on (ids and parents only): a manager's scope is taken from it. */
	units: ReadonlyArray<{ id: string; parentId: string | null }>;
}

/** The stored list under exactly `inputKey`, with the months it planned that are not released yet. */
export async function findStoredAttention(
	db: Kysely<Database>,
	organisationId: string,
	inputKey: string
): Promise<{ result: StoredAttention; unreleased: string[] } | null> {
	const row = await db
		.selectFrom('attention_list_result')
		.select(['result', 'fresh_months'])
		.where('organisation_id', '=', organisationId)
		.where('input_key', '=', inputKey)
		.executeTakeFirst();
	if (!row) return null;
	// The json column may come back as text, depending on the driver's parsers.
	const result = (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as StoredAttention;
	return { result, unreleased: row.fresh_months };
}

/**
 * Stores the list under `inputKey` and drops the organisation's lists under any other key: only
 * the newest inputs are ever read again (an older key never comes back, the versions only grow).
 */
export async function storeAttention(
	db: Kysely<Database>,
	organisationId: string,
	inputKey: string,
	result: StoredAttention,
	unreleased: readonly string[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('attention_list_result')
			.values({
				organisation_id: organisationId,
				input_key: inputKey,
				result: JSON.stringify(result),
				fresh_months: JSON.stringify(unreleased)
			})
			.onConflict((oc) =>
				oc.columns(['organisation_id', 'input_key']).doUpdateSet({
					result: (eb) => eb.ref('excluded.result'),
					fresh_months: (eb) => eb.ref('excluded.fresh_months'),
					computed_at: sql`now()`
				})
			)
			.execute();
		await trx
			.deleteFrom('attention_list_result')
			.where('organisation_id', '=', organisationId)
			.where('input_key', '<>', inputKey)
			.execute();
	});
}

/**
 * A stored list whose months were released since (by its first reader): the same list under the
 * key with the new releases version, with nothing left to release.
 */
export async function moveStoredAttention(
	db: Kysely<Database>,
	organisationId: string,
	fromKey: string,
	toKey: string
): Promise<void> {
	await db
		.updateTable('attention_list_result')
		.set({ input_key: toKey, fresh_months: '[]', computed_at: sql`now()` })
		.where('organisation_id', '=', organisationId)
		.where('input_key', '=', fromKey)
		.execute();
}

function sameRelease(a: ReleasePlan, b: ReleasePlan): boolean {
	const sorted = (ids: readonly string[]) => [...ids].sort().join(',');
	const owns = (own: Readonly<Record<string, number>>) =>
		Object.entries(own)
			.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
			.map(([id, n]) => `${id}:${n}`)
			.join(',');
	return a.k === b.k && sorted(a.shown) === sorted(b.shown) && owns(a.own) === owns(b.own);
}

/**
 * Releases the months a stored list planned (docs/anonymity.md, "Releases") before anything of it
 * is shown: each planned again as signalPlans plans it, on the same tree, k and people (the list's
 * key names their versions), and recorded. False when a month would now be planned otherwise or
 * was released in another form meanwhile: the stored list is then not to be shown.
 */
export async function releaseStoredMonths(
	db: Kysely<Database>,
	organisationId: string,
	k: number,
	units: StoredAttention['units'],
	months: readonly string[],
	today: string
): Promise<boolean> {
	if (months.length === 0) return true;
	const rows = await findMonthPeople(db, organisationId, months);
	const own = new Map(months.map((m) => [m, new Map<string, number>()]));
	for (const row of rows) {
		// As signalPlans reads a month's people (signal-window.ts: the figure as text, '' for none).
		const value = row.people === null ? NaN : Number(row.people);
		if (!Number.isNaN(value) && value > 0) own.get(row.month)?.set(row.unit_id, value);
	}
	const current = treeOf(units);
	const releases: Array<Omit<Release, 'kind'>> = [];
	for (const month of months) {
		const { release, detail } = planSignalMonth(current, own.get(month)!, k);
		if (release.shown.length === 0) return false;
		releases.push({ ...release, subject: month, detail: { ...detail }, releasedOn: today });
	}
	const inForce = await recordReleases(db, organisationId, 'signal-month', releases);
	return releases.every((r) => {
		const recorded = inForce.get(r.subject);
		return recorded !== undefined && sameRelease(recorded, r);
	});
}
