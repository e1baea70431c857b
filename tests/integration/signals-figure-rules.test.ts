import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { transactionWithCopy } from '../../src/lib/server/db/bulk';
import type { Database, SignalFigures } from '../../src/lib/server/db/schema';
import {
	findAbovePlanned,
	storeLatestFigures,
	type FigureAccess
} from '../../src/lib/server/signals/queries';
import { useTestDatabase } from '../helpers/db';
import { makeOrganisation, makeUnits, nextNumber } from '../helpers/factories';

/**
 * The database's own rules for an upload's figures: each refers to an upload that exists (checked
 * per statement by triggers, migration 2026-12-05-34), deleting an upload or its organisation
 * deletes its figures, and the check for absence above 100% gives the same unit-months whether it
 * reads the upload's own figures (nothing was in force before) or the figures in force.
 */
const testDb = useTestDatabase();

async function setup(db: Kysely<Database>) {
	const n = nextNumber();
	const org = await makeOrganisation(db, `Regels ${n}`);
	const ids = await makeUnits(db, org.id, [
		['ROOT', null, 40],
		['A', 'ROOT', 12],
		['B', 'ROOT', 9],
		['C', 'ROOT', 7]
	]);
	return { org, ids };
}

async function insertUpload(db: Kysely<Database>, organisationId: string): Promise<string> {
	const row = await db
		.insertInto('signal_upload')
		.values({
			organisation_id: organisationId,
			format: 'monthly',
			file_name: 'maand.csv',
			content_hash: `hash ${nextNumber()}`,
			byte_size: 1,
			row_count: 1,
			period_from: '2025-01-01',
			period_to: '2025-01-01',
			unit_count: 1
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

function figureRow(organisationId: string, uploadId: string, unitId: string, month: string) {
	return {
		organisation_id: organisationId,
		upload_id: uploadId,
		unit_id: unitId,
		month,
		headcount: 10
	};
}

/** The PostgreSQL error code of a failed promise, or null when it did not fail. */
async function failureCode(promise: Promise<unknown>): Promise<string | null> {
	return promise.then(
		() => null,
		(e: unknown) => String((e as { code?: unknown }).code ?? 'no code')
	);
}

const countFigures = async (organisationId: string) =>
	Number(
		(
			await testDb.db
				.selectFrom('signal_figure')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('organisation_id', '=', organisationId)
				.executeTakeFirstOrThrow()
		).n
	);

describe('the figures of an upload', () => {
	it('refuse an upload that does not exist, by insert or update, and change nothing', async () => {
		const db = testDb.db;
		const { org, ids } = await setup(db);
		const other = await setup(db);
		const upload = await insertUpload(db, org.id);
		await db
			.insertInto('signal_figure')
			.values(figureRow(org.id, upload, ids.A!, '2025-01-01'))
			.execute();
		const missing = '00000000-0000-4000-8000-000000000000';
		const otherUpload = await insertUpload(db, other.org.id);
		// Among valid rows, one row of another upload id, or of an upload of another organisation.
		for (const wrong of [missing, otherUpload])
			expect(
				await failureCode(
					db
						.insertInto('signal_figure')
						.values([
							figureRow(org.id, upload, ids.B!, '2025-01-01'),
							figureRow(org.id, wrong, ids.C!, '2025-01-01')
						])
						.execute()
				)
			).toBe('23503');
		expect(
			await failureCode(
				db.updateTable('signal_figure').set({ upload_id: missing }).where('upload_id', '=', upload).execute()
			)
		).toBe('23503');
		expect(
			await failureCode(
				db.updateTable('signal_upload').set({ id: missing }).where('id', '=', upload).execute()
			)
		).toBe('23503');
		expect(await countFigures(org.id)).toBe(1);
		const kept = await db
			.selectFrom('signal_figure')
			.select('upload_id')
			.where('organisation_id', '=', org.id)
			.execute();
		expect(kept).toEqual([{ upload_id: upload }]);
	});

	it('go with their upload and with their organisation', async () => {
		const db = testDb.db;
		const { org, ids } = await setup(db);
		const [first, second] = [await insertUpload(db, org.id), await insertUpload(db, org.id)];
		for (const upload of [first, second])
			await db
				.insertInto('signal_figure')
				.values(['2025-01-01', '2025-02-01'].map((m) => figureRow(org.id, upload, ids.A!, m)))
				.execute();
		await db.deleteFrom('signal_upload').where('id', '=', first).execute();
		const left = await db
			.selectFrom('signal_figure')
			.select('upload_id')
			.where('organisation_id', '=', org.id)
			.execute();
		expect(left.map((r) => r.upload_id)).toEqual([second, second]);
		await db.deleteFrom('organisation').where('id', '=', org.id).execute();
		expect(await countFigures(org.id)).toBe(0);
	});
});

type Figures = Partial<Record<keyof SignalFigures, number | null>> & { unitId: string; month: string };
const ACCESS: FigureAccess<Figures> = {
	unitId: (r) => r.unitId,
	month: (r) => r.month,
	value: (r, column) => r[column] ?? null
};
const MONTHS = ['2025-01-01', '2025-02-01', '2025-03-01'];

class Discard extends Error {}

describe('absence above 100% of a first upload', () => {
	it("is the same read from the upload's own figures as from the figures in force", async () => {
		const { org, ids } = await setup(testDb.db);
		const units = [ids.A!, ids.B!, ids.C!];
		const days = fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: null, freq: 4 });
		const cell = fc.record({ planned: days, short: days, medium: days, long: days, present: fc.boolean() });
		let above = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(cell, { minLength: 9, maxLength: 9 }), async (cells) => {
				const figures: Figures[] = cells.flatMap((c, i) =>
					c.present
						? [
								{
									unitId: units[i % 3]!,
									month: MONTHS[Math.floor(i / 3)]!,
									planned_days: c.planned,
									sick_days_short: c.short,
									sick_days_medium: c.medium,
									sick_days_long: c.long
								}
							]
						: []
				);
				if (figures.length === 0) return;
				const results = await transactionWithCopy(testDb.db, async (trx, copy) => {
					const upload = await insertUpload(trx, org.id);
					const { shared } = await storeLatestFigures(trx, copy, org.id, upload, figures, ACCESS);
					expect(shared).toBe(0);
					const own = await findAbovePlanned(trx, org.id, upload, { onlyUpload: true });
					const inForce = await findAbovePlanned(trx, org.id, upload);
					throw new Discard(JSON.stringify({ own, inForce }));
				}).catch((e: unknown) => {
					if (!(e instanceof Discard)) throw e;
					return JSON.parse(e.message) as Record<'own' | 'inForce', unknown>;
				});
				expect(results.own).toEqual(results.inForce);
				if ((results.inForce as { count: number }).count > 0) above++;
			}),
			{ numRuns: 40 }
		);
		// Both ways find some unit-months: the comparison is not only of empty lists.
		expect(above).toBeGreaterThan(5);
		// Every transaction was rolled back.
		expect(
			Number(
				(
					await sql<{
						n: number;
					}>`select count(*) as n from signal_upload where organisation_id = ${org.id}`.execute(testDb.db)
				).rows[0]!.n
			)
		).toBe(0);
	});
});
