import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compareAttentionLists, naiveAttentionList } from '../oracles/analytics-naive';
import { COLUMNS, type ColumnId } from '../../src/lib/domain/signals';
import {
	attentionList,
	attentionRefreshesSettled,
	precomputeAttentionList,
	type AttentionList
} from '../../src/lib/server/analytics/attention';
import { forgetAnalyticsResults } from '../../src/lib/server/analytics/cache';
import { setWaveClosed } from '../../src/lib/server/barometer/waves';
import { saveOrganisationSettings } from '../../src/lib/server/organisations/service';
import { importSignals, undoUpload } from '../../src/lib/server/signals/service';
import { moveUnit } from '../../src/lib/server/units/service';
import { useTestDatabase } from '../helpers/db';
import { analyticsOrganisation, answers, PEOPLE } from '../helpers/analytics';

// The attention list stored per organisation under the key of its inputs: computed after every
// change that can alter it, read by the next request, and never served under other inputs.

const testDb = useTestDatabase();

const TODAY = '2026-03-10';

const setup = () =>
	analyticsOrganisation(testDb.db, 'Stored attention', TODAY, (code, p) =>
		answers(code === 'B2' ? 5 - (p % 2) : 1 + (p % 3), p % 2)
	);
type Setup = Awaited<ReturnType<typeof setup>>;

const SIGNAL_COLUMNS: ColumnId[] = [
	'unitCode',
	'month',
	'headcount',
	'fte',
	'plannedDays',
	'sickDaysShort',
	'spells',
	'leaversVoluntary',
	'newIncapacity4w',
	'workAccidents'
];

/** A monthly signals file for every unit of PEOPLE: 3 short sick days a month, in A1 40 from `spikeFrom` on. */
function signalsFile(months: readonly string[], spikeFrom: string) {
	const header = SIGNAL_COLUMNS.map((id) => COLUMNS.monthly.find((c) => c.id === id)!.headers.nl[0]!);
	const rows = months.flatMap((month) =>
		PEOPLE.map(([code, , people]) => {
			const sick = people === 0 ? 0 : code === 'A1' && month >= spikeFrom ? 40 : 3;
			return [code, month, people, people, people * 21, sick, people ? 1 : 0, 0, 0, 0].map(String);
		})
	);
	const bytes = new TextEncoder().encode([header, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n');
	return {
		name: 'maandcijfers.csv',
		stream: (async function* () {
			yield bytes;
		})()
	};
}

/** `count` months ending with `last` (yyyy-mm). */
function monthsTo(last: string, count: number): string[] {
	const [year, month] = last.split('-').map(Number) as [number, number];
	return Array.from({ length: count }, (_, i) => {
		const m = year * 12 + month - 1 - (count - 1 - i);
		return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
	});
}

async function importFile(s: Setup, file: ReturnType<typeof signalsFile>) {
	const outcome = await importSignals(testDb.db, s.hr, s.org.id, [file], { today: TODAY, confirmed: true });
	expect(outcome.status).toBe('imported');
	return outcome.status === 'imported' ? outcome.uploadId : '';
}

const storedRows = (s: Setup) =>
	testDb.db
		.selectFrom('attention_list_result')
		.select(['input_key', 'fresh_months', 'computed_at'])
		.where('organisation_id', '=', s.org.id)
		.execute();

const releasedMonths = async (s: Setup) =>
	(
		await testDb.db
			.selectFrom('disclosure_release')
			.select('subject')
			.where('organisation_id', '=', s.org.id)
			.where('kind', '=', 'signal-month')
			.execute()
	).length;

const read = (s: Setup) => attentionList(testDb.db, s.advisor, s.org.id, { today: TODAY });

/** The list as a fresh process reads it, checked against the recomputation from scratch. */
async function coldRead(s: Setup): Promise<AttentionList> {
	forgetAnalyticsResults();
	const list = await read(s);
	expect(compareAttentionLists(list, await naiveAttentionList(testDb.db, s.org.id, TODAY))).toEqual([]);
	return list;
}

/** The list computed afresh, with nothing stored or kept. */
async function computedAfresh(s: Setup): Promise<AttentionList> {
	await testDb.db.deleteFrom('attention_list_result').where('organisation_id', '=', s.org.id).execute();
	forgetAnalyticsResults();
	return read(s);
}

type Change = 'close' | 'upload' | 'undo' | 'move' | 'k' | 'read';

describe('the stored attention list', () => {
	it('equals a fresh computation after every kind of change, in any order', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.constantFrom<Change>('close', 'upload', 'undo', 'move', 'k', 'read'), {
					minLength: 3,
					maxLength: 6
				}),
				async (changes) => {
					const s = await setup();
					await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
					const uploads: string[] = [];
					let last = '2025-12';
					let movedToB = false;
					let k = 5;
					for (const change of changes) {
						if (change === 'close')
							await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
						else if (change === 'upload') {
							// The first file brings two years; each next one a month more (or corrects the last).
							if (uploads.length > 0 && last < '2026-02') last = nextMonth(last);
							const months = uploads.length === 0 ? monthsTo(last, 24) : [last];
							uploads.push(await importFile(s, signalsFile(months, '2025-09')));
						} else if (change === 'undo') {
							const upload = uploads.pop();
							if (upload) await undoUpload(testDb.db, s.hr, s.org.id, upload);
						} else if (change === 'move') {
							await moveUnit(testDb.db, s.admin, s.org.id, s.ids.A3, movedToB ? s.ids.A : s.ids.B);
							movedToB = !movedToB;
						} else if (change === 'k') {
							k = k === 5 ? 6 : 5;
							await saveOrganisationSettings(testDb.db, s.admin, s.org.id, {
								name: s.org.name,
								language: 'nl',
								minGroupSize: String(k),
								sensitiveMinGroupSize: '10'
							});
						} else await read(s);
						await attentionRefreshesSettled();
						// Stored under the inputs as they are now: a cold read is a read.
						expect(await precomputeAttentionList(testDb.db, s.org.id, { today: TODAY })).toBe('kept');
						const stored = await coldRead(s);
						expect(await storedRows(s)).toHaveLength(1);
						expect(stored).toEqual(await computedAfresh(s));
					}
				}
			),
			{ numRuns: 4 }
		);
	});

	it('is computed after an upload without releasing anything; its first reader releases the months', async () => {
		const s = await setup();
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		await importFile(s, signalsFile(monthsTo('2026-02', 24), '2025-09'));
		await attentionRefreshesSettled();
		const [row] = await storedRows(s);
		expect(row!.fresh_months.length).toBeGreaterThan(0);
		expect(await releasedMonths(s)).toBe(0);

		const list = await coldRead(s);
		expect(list.month).toBe('2026-02');
		expect(await releasedMonths(s)).toBe(row!.fresh_months.length);
		// The same list, now under the releases it made, with nothing left to release.
		const [moved] = await storedRows(s);
		expect(moved!.fresh_months).toEqual([]);
		expect(moved!.input_key).not.toBe(row!.input_key);
		expect(await coldRead(s)).toEqual(list);
		expect((await storedRows(s))[0]!.computed_at).toEqual(moved!.computed_at);
		expect(list).toEqual(await computedAfresh(s));
	});

	it('never serves a list stored under other inputs, and serves one stored under these', async () => {
		const s = await setup();
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		await importFile(s, signalsFile(monthsTo('2026-02', 24), '2025-09'));
		const list = await coldRead(s);
		expect(list.items.length).toBeGreaterThan(0);
		// The computation the import started in the background must not overwrite the row below.
		await attentionRefreshesSettled();
		// A list that differs from the truth, under the key of the inputs as they are now, is read
		// as it is: the key alone decides (so the checks below do test the key).
		const tamper = sql`update attention_list_result
			set result = json_build_object('month', '1999-01', 'dimensionNames', '{}'::json,
				'items', '[]'::json, 'units', result->'units')
			where organisation_id = ${s.org.id}`;
		await tamper.execute(testDb.db);
		forgetAnalyticsResults();
		expect((await read(s)).month).toBe('1999-01');

		// Every way an input changes without the change being followed by a computation (a plain
		// UPDATE by another process): the tampered row is left under the old key and not served.
		const changes = [
			sql`update unit set headcount = coalesce(headcount, 0) + 1 where id = ${s.ids.A1}`,
			sql`update unit set parent_id = ${s.ids.B} where id = ${s.ids.A3}`,
			sql`update organisation set min_group_size = 6 where id = ${s.org.id}`,
			sql`update wave set min_group_size = 6 where id = ${s.waveId}`,
			sql`update signal_month set sick_days_short = sick_days_short + 1 where organisation_id = ${s.org.id} and unit_id = ${s.ids.B2}`
		];
		for (const change of changes) {
			await tamper.execute(testDb.db);
			await change.execute(testDb.db);
			const after = await coldRead(s);
			expect(after.month).not.toBe('1999-01');
			expect(after).toEqual(await computedAfresh(s));
		}
	});

	it('lets a change succeed when the list cannot be computed after it; the next reader computes it', async () => {
		const s = await setup();
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		const before = await coldRead(s);
		// Storing fails, after the change as for any reader, until the trigger goes.
		await sql`create function refuse_attention_list() returns trigger language plpgsql as $$
			begin raise exception 'refused'; end $$`.execute(testDb.db);
		await sql`create trigger refuse_attention_list before insert or update on attention_list_result
			for each row execute function refuse_attention_list()`.execute(testDb.db);
		try {
			const rows = await storedRows(s);
			await moveUnit(testDb.db, s.admin, s.org.id, s.ids.A3, s.ids.B);
			await attentionRefreshesSettled();
			// Only the list of the inputs before the move, which is not read again.
			expect(await storedRows(s)).toEqual(rows);
			const list = await coldRead(s);
			expect(list.wave).toEqual(before.wave);
		} finally {
			await sql`drop trigger refuse_attention_list on attention_list_result`.execute(testDb.db);
			await sql`drop function refuse_attention_list()`.execute(testDb.db);
		}
		const list = await coldRead(s);
		expect(await storedRows(s)).toHaveLength(1);
		expect(list).toEqual(await computedAfresh(s));
	});
});

function nextMonth(month: string): string {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
