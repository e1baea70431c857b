import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	compareAttentionLists,
	compareHeatmaps,
	naiveAttentionList,
	naiveHeatmap
} from '../oracles/analytics-naive';
import { COLUMNS, type ColumnId } from '../../src/lib/domain/signals';
import { BAROMETER, dimensionsOf } from '../../src/lib/instruments';
import { cellAt, cellList } from '../../src/lib/domain/cells';
import { toSummary } from '../../src/lib/server/analytics/common';
import { readInputVersions } from '../../src/lib/server/analytics/inputs';
import { columnsOfSummaries } from '../../src/lib/server/analytics/packs';
import {
	ensureWaveSummaries,
	findWaveTrees,
	findWaveSummaries,
	readPacks,
	readWaveColumns
} from '../../src/lib/server/analytics/summaries';
import { newSubmissionNonce, submitResponse } from '../../src/lib/server/barometer/participation';
import { createWave, setWaveClosed } from '../../src/lib/server/barometer/waves';
import { attentionList, type AttentionList } from '../../src/lib/server/analytics/attention';
import { forgetAnalyticsResults } from '../../src/lib/server/analytics/cache';
import { heatmap, type Heatmap } from '../../src/lib/server/analytics/heatmap';
import { nl } from '../../src/lib/i18n/nl';
import { saveOrganisationSettings } from '../../src/lib/server/organisations/service';
import { importSignals, mapUnitCodes, undoUpload } from '../../src/lib/server/signals/service';
import { moveUnit } from '../../src/lib/server/units/service';
import { waveFields, waveRow, waveUnitRows } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { analyticsOrganisation, answers, PEOPLE, type Code } from '../helpers/analytics';

const testDb = useTestDatabase();

const TODAY = '2026-03-10';
const AFTER = '2026-04-15';
const DIMENSIONS = dimensionsOf(BAROMETER, true);

// The PEOPLE tree of tests/helpers/analytics.ts. B2 answers at the top of the scale, everyone
// else lower, so B2 stands out against the organisation.
const SUBTREE: Record<Code, Code[]> = {
	ROOT: ['ROOT', 'A', 'A1', 'A2', 'A3', 'B', 'B1', 'B2', 'B3'],
	A: ['A', 'A1', 'A2', 'A3'],
	A1: ['A1'],
	A2: ['A2'],
	A3: ['A3'],
	B: ['B', 'B1', 'B2', 'B3'],
	B1: ['B1'],
	B2: ['B2'],
	B3: ['B3']
};

const setup = () =>
	analyticsOrganisation(testDb.db, 'Analytics', TODAY, (code, p) =>
		answers(code === 'B2' ? 5 - (p % 2) : 1 + (p % 3), p % 2)
	);
type Setup = Awaited<ReturnType<typeof setup>>;

const close = (s: Setup, closed = true, fields: Record<string, string> = {}) =>
	setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, closed, fields, TODAY);

const rowOf = (map: Heatmap, unitId: string) => map.rows.find((r) => r.unitId === unitId);

function meanOf(s: Setup, code: Code, dimension: string) {
	const values = SUBTREE[code].flatMap((c) => (s.scores[c] ?? []).map((p) => p[dimension]!));
	return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('analytics of a closed wave', () => {
	let s: Setup;
	let map: Heatmap;
	beforeAll(async () => {
		s = await setup();
		await close(s);
		map = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
	});

	it('lists the closed wave with its frozen k', () => {
		expect(map.waves.map((w) => w.id)).toEqual([s.waveId]);
		expect(map.wave).toMatchObject({ id: s.waveId, k: 5, sensitiveK: 10 });
		expect(map.dimensions.map((d) => d.id)).toEqual(DIMENSIONS.map((d) => d.id));
		expect(map.rows.map((r) => r.unitId).sort()).toEqual(Object.values(s.ids).sort());
	});

	it('shows A1, A2 and A with A3 pooled in A; A3 is hidden below k', () => {
		expect(rowOf(map, s.ids.A1)!.respondents).toMatchObject({ shown: true, n: 6 });
		expect(rowOf(map, s.ids.A2)!.respondents).toMatchObject({ shown: true, n: 6 });
		expect(rowOf(map, s.ids.A)!.respondents).toMatchObject({ shown: true, n: 17 });
		expect(rowOf(map, s.ids.A)!.pooled).toEqual(['Unit A3']);
		const a3 = rowOf(map, s.ids.A3)!;
		expect(a3.respondents).toEqual({ shown: false, reason: 'below-k' });
		for (const cell of cellList(a3.cells)) expect(cell).toEqual({ shown: false, reason: 'below-k' });
		expect(a3.pooled).toEqual([]);
	});

	it('applies secondary suppression: B3 is below k, so the smallest shown sibling B1 is hidden too', () => {
		expect(rowOf(map, s.ids.B3)!.respondents).toEqual({ shown: false, reason: 'below-k' });
		expect(rowOf(map, s.ids.B1)!.respondents).toEqual({ shown: false, reason: 'secondary' });
		for (const cell of cellList(rowOf(map, s.ids.B1)!.cells)) expect(cell.shown).toBe(false);
		expect(rowOf(map, s.ids.B2)!.respondents).toMatchObject({ shown: true, n: 7 });
		const b = rowOf(map, s.ids.B)!;
		expect(b.respondents).toMatchObject({ shown: true, n: 16 });
		expect([...b.pooled].sort()).toEqual(['Unit B1', 'Unit B3']);
		// B minus the shown B2 now reveals B1 + B3 (9 people), not B3's 3.
	});

	it('gives a shown cell the mean of its people’s scores', () => {
		const ordinary = DIMENSIONS.map((d, i) => [d, i] as const).filter(([d]) => !d.sensitive);
		expect(ordinary.length).toBeGreaterThan(0);
		for (const code of ['A1', 'A2', 'A', 'B2', 'B', 'ROOT'] as const) {
			const row = rowOf(map, s.ids[code])!;
			for (const [d, i] of ordinary) {
				const cell = cellAt(row.cells, i);
				expect(cell.shown, `${code} ${d.id}`).toBe(true);
				if (!cell.shown) continue;
				expect(cell.n).toBe(SUBTREE[code].reduce((sum, c) => sum + (s.scores[c]?.length ?? 0), 0));
				expect(cell.value.mean, `${code} ${d.id}`).toBeCloseTo(meanOf(s, code, d.id), 9);
				expect(cell.value.green + cell.value.orange + cell.value.red).toBeCloseTo(1, 9);
			}
		}
		const org = map.organisation!;
		for (const [d, i] of ordinary) {
			const cell = cellAt(org.cells, i);
			expect(cell.shown && cell.value.mean).toBeCloseTo(meanOf(s, 'ROOT', d.id), 9);
		}
	});

	it('never shows a value based on fewer than k people (sensitive dimensions: the higher minimum)', () => {
		const k = map.wave!.k;
		const sensitiveK = map.wave!.sensitiveK;
		let checked = 0;
		for (const row of [...map.rows, map.organisation!]) {
			if (row.respondents.shown) expect(row.respondents.n).toBeGreaterThanOrEqual(k);
			else expect(row.respondents).not.toHaveProperty('n');
			// Each row's cells are an array of their own: a view into a shared buffer would send the
			// page the whole buffer, every other unit's cells with it.
			for (const pack of [row.cells, row.previous ?? row.cells])
				expect([pack.byteOffset, pack.buffer.byteLength]).toEqual([0, pack.byteLength]);
			for (const [i, cell] of cellList(row.cells).entries()) {
				checked++;
				if (cell.shown) {
					expect(cell.n, `${row.code} ${map.dimensions[i]!.id}`).toBeGreaterThanOrEqual(
						map.dimensions[i]!.sensitive ? sensitiveK : k
					);
				} else {
					expect(Object.keys(cell).sort()).toEqual(['reason', 'shown']);
					// What the page is sent: the packed row holds nothing of a hidden cell but its reason.
					const stride = row.cells.length / map.dimensions.length;
					expect([...row.cells.subarray(i * stride + 1, (i + 1) * stride)].every((x) => x === 0)).toBe(true);
				}
			}
		}
		expect(checked).toBe((map.rows.length + 1) * DIMENSIONS.length);
		// A sensitive dimension is shown for A (17) but not for A1 (6 < 10).
		const sensitive = map.dimensions.findIndex((d) => d.sensitive);
		if (sensitive >= 0) {
			expect(cellAt(rowOf(map, s.ids.A)!.cells, sensitive).shown).toBe(true);
			expect(cellAt(rowOf(map, s.ids.A1)!.cells, sensitive)).toEqual({ shown: false, reason: 'sensitive' });
		}
	});

	it('narrows a manager to the rows of their own subtree', async () => {
		const own = await heatmap(testDb.db, s.manager, s.org.id, { today: TODAY });
		expect(own.rows.map((r) => r.unitId).sort()).toEqual([s.ids.A, s.ids.A1, s.ids.A2, s.ids.A3].sort());
		expect(rowOf(own, s.ids.A)).toEqual(rowOf(map, s.ids.A));
	});

	it('lets hr see the heatmap, refuses an admin (403) and a member of another organisation (404)', async () => {
		const forHr = await heatmap(testDb.db, s.hr, s.org.id, { today: TODAY });
		expect(forHr.rows).toHaveLength(map.rows.length);
		await expect(heatmap(testDb.db, s.admin, s.org.id, { today: TODAY })).rejects.toMatchObject({
			status: 403
		});
		await expect(attentionList(testDb.db, s.admin, s.org.id, { today: TODAY })).rejects.toMatchObject({
			status: 403
		});
		await expect(heatmap(testDb.db, s.otherAdvisor, s.org.id, { today: TODAY })).rejects.toMatchObject({
			status: 404
		});
		await expect(attentionList(testDb.db, s.otherAdvisor, s.org.id, { today: TODAY })).rejects.toMatchObject({
			status: 404
		});
		// A wave of this organisation asked for through the other one is not found.
		await expect(
			heatmap(testDb.db, s.otherAdvisor, s.other.id, { today: TODAY, waveId: s.waveId })
		).rejects.toMatchObject({ status: 404 });
	});

	it('ranks units whose score is the sum of their reasons’ points, never a hidden unit', async () => {
		const list = await attentionList(testDb.db, s.advisor, s.org.id, { today: TODAY });
		expect(list.wave?.id).toBe(s.waveId);
		expect(list.items.length).toBeGreaterThan(0);
		const hidden = new Set([s.ids.A3, s.ids.B1, s.ids.B3]);
		for (const [i, item] of list.items.entries()) {
			expect(item.rank).toBe(i + 1);
			expect(item.reasons.length).toBeGreaterThan(0);
			expect(item.score).toBe(item.reasons.reduce((sum, r) => sum + r.points, 0));
			expect(hidden.has(item.unitId), item.name).toBe(false);
			for (const r of item.reasons) expect(Object.keys(nl)).toContain(r.message.key);
		}
		// B2 answered far from the rest of the organisation.
		expect(list.items.map((i) => i.unitId)).toContain(s.ids.B2);
		const own = await attentionList(testDb.db, s.manager, s.org.id, { today: TODAY });
		const subtree = new Set([s.ids.A, s.ids.A1, s.ids.A2, s.ids.A3]);
		for (const item of own.items) expect(subtree.has(item.unitId)).toBe(true);
	});
});

describe('analytics of a wave that takes answers', () => {
	it('has no results while open, drops them on reopening before anyone read them, and brings them back on closing', async () => {
		const s = await setup();
		const open = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
		expect(open.waves).toEqual([]);
		expect(open.wave).toBeNull();
		expect(open.rows).toEqual([]);
		await expect(
			heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY, waveId: s.waveId })
		).rejects.toMatchObject({ status: 404 });
		expect((await attentionList(testDb.db, s.advisor, s.org.id, { today: TODAY })).items).toEqual([]);

		await close(s);
		expect((await waveRow(testDb.db, s.waveId)).summarised_at).not.toBeNull();

		// Nobody has seen anything of it yet: it can be reopened (docs/anonymity.md, "Across waves").
		await close(s, false);
		expect((await waveRow(testDb.db, s.waveId)).summarised_at).toBeNull();
		const summaryRows = await testDb.db
			.selectFrom('wave_unit_summary')
			.select('unit_id')
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(summaryRows).toEqual([]);
		const reopened = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
		expect(reopened.waves).toEqual([]);
		expect(reopened.wave).toBeNull();

		await close(s);
		const again = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
		expect(again.wave?.id).toBe(s.waveId);
		expect(again.rows.find((r) => r.unitId === s.ids.A)!.respondents).toMatchObject({ shown: true, n: 17 });
		// Once read, it is final.
		await expect(close(s, false)).rejects.toMatchObject({
			problems: { wave: { key: 'waves.reopenReleased' } }
		});
	});

	it('summarises a wave that closed by passing its closing date', async () => {
		const s = await setup();
		const later = await heatmap(testDb.db, s.advisor, s.org.id, { today: AFTER });
		expect(later.wave?.id).toBe(s.waveId);
		expect(later.rows.find((r) => r.unitId === s.ids.A1)!.respondents).toMatchObject({ shown: true, n: 6 });
		expect((await waveRow(testDb.db, s.waveId)).summarised_at).not.toBeNull();
	});

	it('summarises a wave closed by date once when the heatmap and the attention list load together', async () => {
		// The results page loads both at once (Promise.all in +page.server.ts).
		const s = await setup();
		const [map, list] = await Promise.all([
			heatmap(testDb.db, s.advisor, s.org.id, { today: AFTER }),
			attentionList(testDb.db, s.advisor, s.org.id, { today: AFTER })
		]);
		expect(map.wave?.id).toBe(s.waveId);
		expect(list.wave?.id).toBe(s.waveId);
	});
});

// ---- What is kept between requests ---------------------------------------------------------------

/** The heatmap and the attention list as an advisor sees them, each checked against a recomputation from scratch. */
async function current(s: Setup): Promise<{ map: Heatmap; list: AttentionList }> {
	const map = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
	expect(compareHeatmaps(map, await naiveHeatmap(testDb.db, s.org.id, TODAY)).mismatches).toEqual([]);
	const list = await attentionList(testDb.db, s.advisor, s.org.id, { today: TODAY });
	expect(compareAttentionLists(list, await naiveAttentionList(testDb.db, s.org.id, TODAY))).toEqual([]);
	return { map, list };
}

/** Computes both twice, so that they are kept, and checks that the second call was served from memory. */
async function kept(s: Setup): Promise<{ map: Heatmap; list: AttentionList }> {
	const first = await current(s);
	const again = await current(s);
	expect(again.map.rows[0]).toBe(first.map.rows[0]);
	if (first.list.items[0]) expect(again.list.items[0]!.reasons).toBe(first.list.items[0].reasons);
	return again;
}

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

/**
 * A monthly signals file for every unit of PEOPLE (headcount = its own people) over `months`:
 * 3 short sick days a month where people work, and in A1 40 from `spikeFrom` on.
 */
function signalsFile(months: readonly string[], spikeFrom: string) {
	const header = SIGNAL_COLUMNS.map((id) => COLUMNS.monthly.find((c) => c.id === id)!.headers.nl[0]!);
	const rows = months.flatMap((month) =>
		PEOPLE.map(([code, , people]) => {
			const sick = people === 0 ? 0 : code === 'A1' && month >= spikeFrom ? 40 : 3;
			return [code, month, people, people, people * 21, sick, people ? 1 : 0, 0, 0, 0].map(String);
		})
	);
	const text = [header, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
	const bytes = new TextEncoder().encode(text);
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
	// Corrections replace figures in force: the test confirms them as the user would.
	const outcome = await importSignals(testDb.db, s.hr, s.org.id, [file], { today: TODAY, confirmed: true });
	expect(outcome.status).toBe('imported');
	return outcome.status === 'imported' ? outcome.uploadId : '';
}

const rateReasons = (list: AttentionList, unitId: string) =>
	(list.items.find((i) => i.unitId === unitId)?.reasons ?? []).filter((r) =>
		r.message.key.startsWith('warning.reason.rateVs')
	);

describe('analytics kept between requests', () => {
	it('keeps a closed wave on the unit tree it was summarised with, for good once it was read', async () => {
		const s = await setup();
		await close(s);
		const before = await kept(s);
		expect(rowOf(before.map, s.ids.A)!.respondents).toMatchObject({ shown: true, n: 17 });
		expect(rowOf(before.map, s.ids.B)!.respondents).toMatchObject({ shown: true, n: 16 });

		// A reorganisation after the wave: planning the wave again on the new tree would give a second
		// set of figures over the same answers, and "B before" minus "B after" would be the moved team.
		await moveUnit(testDb.db, s.admin, s.org.id, s.ids.A1, s.ids.B);
		const after = await current(s);
		expect(after.map.rows.map((r) => [r.unitId, r.depth, r.respondents, r.cells])).toEqual(
			before.map.rows.map((r) => [r.unitId, r.depth, r.respondents, r.cells])
		);
		expect(after.map.organisation).toEqual(before.map.organisation);

		// It was read, so it cannot be reopened and summarised anew on the tree of now.
		await expect(close(s, false)).rejects.toMatchObject({
			problems: { wave: { key: 'waves.reopenReleased' } }
		});
		await close(s);
		const still = await current(s);
		expect(rowOf(still.map, s.ids.A)!.respondents).toMatchObject({ shown: true, n: 17 });
		expect(rowOf(still.map, s.ids.B)!.respondents).toMatchObject({ shown: true, n: 16 });
	});

	it('shows a change made by any other process or path (a plain UPDATE of the unit table)', async () => {
		const s = await setup();
		await close(s);
		const before = await kept(s);
		await sql`update unit set name = 'Renamed A2', headcount = 60 where id = ${s.ids.A2}`.execute(testDb.db);
		const after = await current(s);
		const a2 = rowOf(after.map, s.ids.A2)!;
		expect(a2.name).toBe('Renamed A2');
		// The response rate of a closed wave is against the headcount of its own tree.
		expect(a2.respondents).toEqual(rowOf(before.map, s.ids.A2)!.respondents);
	});

	it('shows a wave reopened before anyone read it, answered once more and closed again', async () => {
		const s = await setup();
		await close(s);
		await close(s, false);
		const open = await heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY });
		expect(open.wave).toBeNull();
		expect((await attentionList(testDb.db, s.advisor, s.org.id, { today: TODAY })).wave).toBeNull();

		// A1's link took as many answers as its headcount: a newcomer makes room for one more.
		await sql`update unit set headcount = 7 where id = ${s.ids.A1}`.execute(testDb.db);
		const token = (await waveUnitRows(testDb.db, s.waveId)).find((l) => l.unit_id === s.ids.A1)!.link_token;
		const answered = await submitResponse(
			testDb.db,
			{ via: 'link', token },
			{ ...answers(1, 0), unitId: s.ids.A1, nonce: newSubmissionNonce() },
			TODAY
		);
		expect(answered.stored).toBe(true);
		await close(s);
		const after = await current(s);
		expect(rowOf(after.map, s.ids.A1)!.respondents).toMatchObject({ shown: true, n: 7 });
		expect(rowOf(after.map, s.ids.A)!.respondents).toMatchObject({ shown: true, n: 18 });
		expect(after.list.wave?.id).toBe(s.waveId);
	});

	it('shows a wave’s k however it changes', async () => {
		const s = await setup();
		await close(s);
		await kept(s);
		await testDb.db
			.updateTable('wave')
			.set({ min_group_size: 7, sensitive_min_group_size: 12 })
			.where('id', '=', s.waveId)
			.execute();
		const after = await current(s);
		expect(after.map.wave).toMatchObject({ k: 7, sensitiveK: 12 });
		// A1 and A2 (6 each) are below the new k.
		expect(rowOf(after.map, s.ids.A1)!.respondents).toEqual({ shown: false, reason: 'below-k' });
	});

	it('shows signals uploaded and undone, and a new unit code mapping changes the signals version', async () => {
		const s = await setup();
		await close(s);
		const before = await kept(s);
		expect(before.list.month).toBeNull();

		await importFile(s, signalsFile(monthsTo('2026-02', 24), '2025-09'));
		const first = await kept(s);
		expect(first.list.month).toBe('2026-02');
		expect(rateReasons(first.list, s.ids.A1).length).toBeGreaterThan(0);

		const second = await importFile(s, signalsFile(['2026-03'], '2025-09'));
		expect((await current(s)).list.month).toBe('2026-03');
		await undoUpload(testDb.db, s.hr, s.org.id, second);
		const undone = await current(s);
		expect(undone.list.month).toBe('2026-02');
		expect(undone.list).toEqual(first.list);

		const versions = await readInputVersions(testDb.db, s.org.id);
		await mapUnitCodes(testDb.db, s.hr, s.org.id, { 'HR-A1': s.ids.A1 });
		const mapped = await readInputVersions(testDb.db, s.org.id);
		expect(mapped.signals).not.toBe(versions.signals);
		expect(mapped.units).toBe(versions.units);
	});

	it('shows the organisation’s k changed: the months shown keep their k, a new month has the new one', async () => {
		const s = await setup();
		await close(s);
		await importFile(s, signalsFile(monthsTo('2026-02', 24), '2025-09'));
		const before = await kept(s);
		expect(rateReasons(before.list, s.ids.A1).length).toBeGreaterThan(0);

		await saveOrganisationSettings(testDb.db, s.admin, s.org.id, {
			name: s.org.name,
			language: 'nl',
			minGroupSize: '7',
			sensitiveMinGroupSize: '10'
		});
		const after = await current(s);
		// The months shown before were released with k = 5 and keep it, like the wave.
		expect(rateReasons(after.list, s.ids.A1)).toEqual(rateReasons(before.list, s.ids.A1));
		expect(after.map.wave).toMatchObject({ k: 5 });
		// A month shown for the first time is planned with k = 7: A1 (6 people) is hidden in it, so
		// its rates are no longer looked at.
		await importFile(s, signalsFile(['2026-03'], '2025-09'));
		expect(rateReasons((await current(s)).list, s.ids.A1)).toEqual([]);
	});

	it('reads a wave’s pack by COPY and by an ordinary query alike, and as its summary rows', async () => {
		const s = await setup();
		await close(s);
		const [wave] = (await ensureWaveSummaries(testDb.db, s.org.id, TODAY)).filter((w) => w.id === s.waveId);
		const waves = [{ id: wave!.id, summarised_at: wave!.summarised_at, dimensions: DIMENSIONS.length }];
		// Outside a transaction by COPY on PostgreSQL (bulk.ts); inside one by an ordinary query. Both
		// give the pack with its stamp, so neither falls back to the summary rows.
		const packsOf = (db: Kysely<Database>) =>
			readPacks(db, s.org.id, [s.waveId]).then((packs) =>
				packs.map((p) => ({
					...p,
					summarised_at: p.summarised_at.getTime(),
					data: Buffer.from(p.data).toString('hex')
				}))
			);
		const stored = await packsOf(testDb.db);
		expect(stored).toEqual(await testDb.db.transaction().execute((trx) => packsOf(trx)));
		expect(stored).toEqual([
			expect.objectContaining({ wave_id: s.waveId, summarised_at: wave!.summarised_at!.getTime() })
		]);
		const copied = await readWaveColumns(testDb.db, s.org.id, waves);
		const queried = await testDb.db.transaction().execute((trx) => readWaveColumns(trx, s.org.id, waves));
		expect(copied.get(s.waveId)!.unitIds.length).toBeGreaterThan(0);
		expect(copied).toEqual(queried);
		const rows = await findWaveSummaries(testDb.db, s.org.id, [s.waveId]);
		expect(copied.get(s.waveId)).toEqual(columnsOfSummaries(rows.map(toSummary), DIMENSIONS.length));
	});

	it('reads the summary rows when a wave’s pack is missing or belongs to another summary', async () => {
		const s = await setup();
		await close(s);
		const packed = await kept(s);
		forgetAnalyticsResults();
		await sql`update wave_summary_pack set summarised_at = summarised_at - interval '1 hour' where wave_id = ${s.waveId}`.execute(
			testDb.db
		);
		const stale = await current(s);
		expect(stale.map.rows).toEqual(packed.map.rows);
		forgetAnalyticsResults();
		await sql`delete from wave_summary_pack where wave_id = ${s.waveId}`.execute(testDb.db);
		const missing = await current(s);
		expect(missing.map.rows).toEqual(packed.map.rows);
		expect(missing.list).toEqual(packed.list);
	});

	it('gives the same results whether kept or computed afresh, for a manager too', async () => {
		const s = await setup();
		await close(s);
		await importFile(s, signalsFile(monthsTo('2026-02', 24), '2025-09'));
		const kept = await attentionList(testDb.db, s.manager, s.org.id, { today: TODAY });
		const naive = await naiveAttentionList(testDb.db, s.org.id, TODAY, s.ids.A);
		expect(compareAttentionLists(kept, naive)).toEqual([]);
		expect(kept.items.length).toBeGreaterThan(0);
		forgetAnalyticsResults();
		expect(await attentionList(testDb.db, s.manager, s.org.id, { today: TODAY })).toEqual(kept);
		expect(() => {
			(kept.items[0]!.reasons as unknown[]).push(null);
		}).toThrow(TypeError);
	});
});

describe('the trees closed waves were summarised with', () => {
	it('reads a tree shared by several waves once, and a changed tree as its own', async () => {
		const s = await setup();
		await close(s);
		const unitIds = PEOPLE.filter(([, , people]) => people > 0).map(([code]) => s.ids[code as Code]);
		const closeNew = async (name: string, opensOn: string, closesOn: string) => {
			const id = await createWave(
				testDb.db,
				s.advisor,
				s.org.id,
				waveFields({ name, opensOn, closesOn }),
				unitIds,
				opensOn
			);
			await setWaveClosed(testDb.db, s.advisor, s.org.id, id, true, {}, closesOn);
			return id;
		};
		const same = await closeNew('Zomer 2026', '2026-06-01', '2026-06-30');
		await sql`update unit set name = 'Renamed A2' where id = ${s.ids.A2}`.execute(testDb.db);
		const changed = await closeNew('Najaar 2026', '2026-09-01', '2026-09-30');

		const trees = await findWaveTrees(testDb.db, s.org.id, [s.waveId, same, changed]);
		expect(trees.size).toBe(3);
		// One array for the two waves of the same tree.
		expect(trees.get(same)).toBe(trees.get(s.waveId));
		expect(trees.get(changed)).not.toBe(trees.get(s.waveId));
		const nameOf = (wave: string) => trees.get(wave)!.find((u) => u.id === s.ids.A2)!.name;
		expect([nameOf(s.waveId), nameOf(same), nameOf(changed)]).toEqual(['Unit A2', 'Unit A2', 'Renamed A2']);
		// Each as read alone.
		for (const wave of [s.waveId, same, changed])
			expect((await findWaveTrees(testDb.db, s.org.id, [wave])).get(wave)).toEqual(trees.get(wave));
	});
});
