import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compareHeatmaps, naiveHeatmap } from '../oracles/analytics-naive';
import { forgetAnalyticsResults } from '../../src/lib/server/analytics/cache';
import { heatmap } from '../../src/lib/server/analytics/heatmap';
import { unitResults } from '../../src/lib/server/analytics/unit';
import { setWaveClosed } from '../../src/lib/server/barometer/waves';
import { useTestDatabase } from '../helpers/db';
import { analyticsOrganisation, answers } from '../helpers/analytics';

// A closed wave's planned results stored under the key of their inputs (analytics/wave-store.ts):
// stored by the first reader, read by the next process, never read under other inputs or when
// they do not decode, and a failure to store them fails no reader.

const testDb = useTestDatabase();
const TODAY = '2026-03-10';

async function setup() {
	const s = await analyticsOrganisation(testDb.db, 'Stored wave', TODAY, (code, p) =>
		answers(code === 'B2' ? 5 - (p % 2) : 1 + (p % 3), p % 2)
	);
	await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
	return s;
}
type Setup = Awaited<ReturnType<typeof setup>>;

const stored = (s: Setup) =>
	testDb.db
		.selectFrom('wave_result')
		.select(['wave_id', 'input_key', 'data', 'computed_at'])
		.where('organisation_id', '=', s.org.id)
		.execute();

/** The heatmap as a process that keeps nothing reads it, and how it differs from the naive computation. */
async function coldHeatmap(s: Setup) {
	forgetAnalyticsResults();
	const map = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
	return { map, mismatches: compareHeatmaps(map, await naiveHeatmap(testDb.db, s.org.id, TODAY)).mismatches };
}

/** Every sum of every unit set to 0 in a stored value, which still decodes: figures nobody computed. */
async function tamper(s: Setup) {
	const [row] = await stored(s);
	const data = new Uint8Array(row!.data);
	const view = new DataView(data.buffer);
	const head = view.getUint32(0, true);
	const header = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + head))) as {
		n: number;
		width: number;
	};
	const sums = ((4 + head + 7) & ~7) + header.n * 8;
	for (let i = 0; i < header.n * header.width; i++) view.setFloat64(sums + i * 8, 0, true);
	await testDb.db
		.updateTable('wave_result')
		.set({ data: Buffer.from(data) })
		.where('organisation_id', '=', s.org.id)
		.execute();
}

describe('stored wave results', () => {
	it('are stored by the first reader and read by the next, which shows the same figures', async () => {
		const s = await setup();
		expect(await stored(s)).toEqual([]);
		const first = await coldHeatmap(s);
		expect(first.mismatches).toEqual([]);
		const rows = await stored(s);
		expect(rows.map((r) => r.wave_id)).toEqual([s.waveId]);
		const again = await coldHeatmap(s);
		expect(again.mismatches).toEqual([]);
		expect(again.map).toEqual(first.map);
		// Read, not computed and stored again.
		expect(await stored(s)).toEqual(rows);
		// A unit's page reads the same results.
		forgetAnalyticsResults();
		const page = await unitResults(testDb.db, s.advisor, s.org.id, s.ids.B, { today: TODAY });
		expect(page).toBeTruthy();
	});

	it('are read under the key of the inputs as they are, and never under other inputs', async () => {
		const s = await setup();
		await coldHeatmap(s);
		// A value that differs from the truth, under the key of the inputs as they are, is read as it
		// is: the key decides (so the checks below do test the key).
		await tamper(s);
		expect((await coldHeatmap(s)).mismatches.length).toBeGreaterThan(0);
		// A closed wave is planned on its own tree: a change to today's units leaves its key as it is.
		await sql`update unit set headcount = coalesce(headcount, 0) + 1 where id = ${s.ids.A1}`.execute(
			testDb.db
		);
		await sql`update unit set parent_id = ${s.ids.B} where id = ${s.ids.A3}`.execute(testDb.db);
		expect((await coldHeatmap(s)).mismatches.length).toBeGreaterThan(0);

		// Every change to what the wave's results are computed from: the stored value is not read.
		// (A shown wave is final, so each change comes with its release forgotten: what is tested
		// here is the key, wave-releases.test.ts tests the releases.)
		const changes = [
			sql`update wave set min_group_size = 4 where id = ${s.waveId}`,
			sql`update wave set sensitive_min_group_size = 7 where id = ${s.waveId}`,
			sql`update wave set summarised_at = summarised_at + interval '1 second' where id = ${s.waveId}`,
			sql`update wave set include_module = not include_module where id = ${s.waveId}`
		];
		for (const change of changes) {
			await tamper(s);
			await change.execute(testDb.db);
			await sql`delete from disclosure_release where organisation_id = ${s.org.id}`.execute(testDb.db);
			const after = await coldHeatmap(s);
			expect(after.mismatches).toEqual([]);
			// Stored again under the new key.
			const rows = await stored(s);
			expect(rows).toHaveLength(1);
			expect((await coldHeatmap(s)).map).toEqual(after.map);
			expect(await stored(s)).toEqual(rows);
		}
	});

	it('are computed afresh when the value does not decode, and stored again', async () => {
		const s = await setup();
		const first = await coldHeatmap(s);
		const cuts = [
			sql`update wave_result set data = substring(data from 1 for length(data) - 8) where organisation_id = ${s.org.id}`,
			sql`update wave_result set data = data || '\\x0000000000000000'::bytea where organisation_id = ${s.org.id}`,
			sql`update wave_result set data = '\\x00'::bytea where organisation_id = ${s.org.id}`,
			sql`update wave_result set data = overlay(data placing '\\x7b7b'::bytea from 5) where organisation_id = ${s.org.id}`
		];
		for (const cut of cuts) {
			await cut.execute(testDb.db);
			const after = await coldHeatmap(s);
			expect(after.mismatches).toEqual([]);
			expect(after.map).toEqual(first.map);
			const [row] = await stored(s);
			expect(row!.data.length).toBeGreaterThan(100);
		}
	});

	it('lets a reader through when they cannot be stored; the next reader stores them', async () => {
		const s = await setup();
		await sql`create function refuse_wave_result() returns trigger language plpgsql as $$
			begin raise exception 'refused'; end $$`.execute(testDb.db);
		await sql`create trigger refuse_wave_result before insert or update on wave_result
			for each row execute function refuse_wave_result()`.execute(testDb.db);
		try {
			expect((await coldHeatmap(s)).mismatches).toEqual([]);
			expect(await stored(s)).toEqual([]);
		} finally {
			await sql`drop trigger refuse_wave_result on wave_result`.execute(testDb.db);
			await sql`drop function refuse_wave_result()`.execute(testDb.db);
		}
		expect((await coldHeatmap(s)).mismatches).toEqual([]);
		expect(await stored(s)).toHaveLength(1);
	});

	it('go with their wave', async () => {
		const s = await setup();
		await coldHeatmap(s);
		expect(await stored(s)).toHaveLength(1);
		await sql`delete from wave where id = ${s.waveId}`.execute(testDb.db);
		expect(await stored(s)).toEqual([]);
	});
});
