import { beforeAll, describe, expect, it } from 'vitest';
import { formatMonth } from '../../src/lib/domain/signals/calendar';
import { HEALTH_INDICATORS, INDICATORS } from '../../src/lib/domain/signals/indicators';
import { isoMonth } from '../../src/lib/domain/signals/parse';
import { cellAt, cellList } from '../../src/lib/domain/cells';
import { heatmap } from '../../src/lib/server/analytics/heatmap';
import { unitResults, type UnitResults } from '../../src/lib/server/analytics/unit';
import { newSubmissionNonce, submitResponse } from '../../src/lib/server/barometer/participation';
import { createWave, setWaveClosed } from '../../src/lib/server/barometer/waves';
import { importSignals, undoUpload } from '../../src/lib/server/signals/service';
import { addUnit, archiveUnit, moveUnit } from '../../src/lib/server/units/service';
import { analyticsOrganisation, answers, PEOPLE, type Code } from '../helpers/analytics';
import { waveFields, waveUnitRows } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { monthlyFile, peopleMonths, uploadOf } from '../helpers/signals-upload';

const testDb = useTestDatabase();

const TODAY = '2026-03-10';
const AFTER = '2026-04-15';

// The PEOPLE tree of tests/helpers/analytics.ts, its people as respondents and as month-end
// headcount. In the signals, A1 drops to 4 people in DIP_MONTH only.
const FIRST_MONTH = '2024-09';
const MONTHS = 18; // 2024-09 … 2026-02
const DIP_MONTH = '2025-11';
const LAST_MONTH = formatMonth(isoMonth(FIRST_MONTH) + MONTHS - 1);

/** Per unit and month: planned days 20 per person, sick days growing with the month, one leaver a year. */
function monthRow(code: string, people: number, month: string, m: number): Array<string | number> {
	const headcount = code === 'A1' && month === DIP_MONTH ? 4 : people;
	return [code, month, headcount, headcount, headcount * 20, 1 + (m % 4), 0, 0, m % 2, m % 12 === 0 ? 1 : 0];
}

async function setup() {
	const s = await analyticsOrganisation(testDb.db, 'Unit results', TODAY, (_, p) => answers(1 + (p % 4)));
	await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
	const outcome = await importSignals(
		testDb.db,
		s.hr,
		s.org.id,
		[uploadOf('maandcijfers.csv', monthlyFile(peopleMonths(FIRST_MONTH, MONTHS, monthRow)))],
		{ today: AFTER }
	);
	if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
	return { ...s, uploadId: outcome.uploadId };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const monthOf = (r: UnitResults, month: string) => r.signals.months.find((m) => m.month === month)!;

describe('unitResults', () => {
	let s: Setup;
	const results = (code: Code, actor: 'advisor' | 'hr' | 'manager' = 'advisor') =>
		unitResults(testDb.db, s[actor], s.org.id, s.ids[code], { today: AFTER });
	beforeAll(async () => {
		s = await setup();
	});

	it('shows a unit wave by wave with the same figures as the heatmap, the organisation beside it', async () => {
		const map = await heatmap(testDb.db, s.advisor, s.org.id, { today: AFTER });
		const r = await results('A1');
		expect(r.history.dimensions.map((d) => d.id)).toEqual(map.dimensions.map((d) => d.id));
		expect(r.history.waves).toHaveLength(1);
		const [entry] = r.history.waves;
		const row = map.rows.find((x) => x.unitId === s.ids.A1)!;
		expect(entry!.respondents).toEqual(row.respondents);
		expect(entry!.cells).toEqual(cellList(row.cells));
		expect(entry!.organisation).toEqual(cellList(map.organisation!.cells));
		expect(entry!.respondents).toMatchObject({ shown: true, n: 6 });
		expect(entry!.pooledInto).toBeNull();
	});

	it('says where a pooled unit counts, shows none of its figures, and names what a unit includes', async () => {
		const small = await results('A3');
		expect(small.history.waves[0]!.pooledInto).toBe('Unit A');
		expect(small.history.waves[0]!.respondents).toEqual({ shown: false, reason: 'below-k' });
		expect(small.history.waves[0]!.cells.every((c) => c && !c.shown)).toBe(true);
		const parent = await results('A');
		expect(parent.history.waves[0]!.pooled).toEqual(['Unit A3']);
		const secondary = await results('B1');
		expect(secondary.history.waves[0]!.respondents).toEqual({ shown: false, reason: 'secondary' });
	});

	it('gives every month of signals up to the last, with the unit subtree and the organisation summed', async () => {
		const r = await results('A');
		expect(r.signals.k).toBe(5);
		expect(r.signals.months.at(-1)!.month).toBe(LAST_MONTH);
		expect(r.signals.months[0]!.month).toBe(FIRST_MONTH);
		// A's subtree: A (2) + A1 (6) + A2 (6) + A3 (3) = 17 at month end, 20 planned days each, 1 + m % 4
		// sick days per unit. In the first month each unit also had a leaver: n counts the people the
		// month is about (17 + 4), the rate is per person at month end.
		const first = monthOf(r, FIRST_MONTH);
		expect(first.unit.absenceRate).toEqual({ shown: true, n: 21, value: ((4 * 1) / (17 * 20)) * 100 });
		const organisationPeople = 2 + 6 + 6 + 3 + 6 + 7 + 3;
		expect(first.organisation.absenceRate).toEqual({
			shown: true,
			n: organisationPeople + 7,
			value: ((7 * 1) / (organisationPeople * 20)) * 100
		});
		expect(monthOf(r, formatMonth(isoMonth(FIRST_MONTH) + 1)).unit.absenceRate).toMatchObject({ n: 17 });
	});

	it('hides a month below k and every twelve-month figure that contains it, and nothing else', async () => {
		const r = await results('A1');
		const dip = isoMonth(DIP_MONTH);
		for (const month of r.signals.months) {
			const m = isoMonth(month.month);
			expect(month.unit.absenceRate.shown, month.month).toBe(m !== dip);
			const hasTwelve = m - isoMonth(FIRST_MONTH) >= 11;
			expect(month.unitRolling.absenceRate.shown, month.month).toBe(hasTwelve && (m < dip || m > dip + 11));
		}
		expect(monthOf(r, DIP_MONTH).unit.absenceRate).toEqual({ shown: false, reason: 'below-k' });
		expect(monthOf(r, LAST_MONTH).unitRolling.absenceRate).toEqual({ shown: false, reason: 'below-k' });
		const beforeDip = monthOf(r, formatMonth(dip - 1)).unitRolling.absenceRate;
		expect(beforeDip).toMatchObject({ shown: true, n: 6 });
	});

	it('gates health signals with the monthly plan: pooled and secondary units show no health figure', async () => {
		for (const [code, reason] of [
			['A3', 'below-k'],
			['B1', 'secondary'],
			['B3', 'below-k']
		] as const) {
			const r = await results(code);
			for (const month of r.signals.months)
				for (const id of HEALTH_INDICATORS) {
					expect(month.unit[id], `${code} ${month.month} ${id}`).toEqual({ shown: false, reason });
					const hasTwelve = isoMonth(month.month) - isoMonth(FIRST_MONTH) >= 11;
					expect(month.unitRolling[id]).toEqual({ shown: false, reason: hasTwelve ? reason : 'no-data' });
				}
		}
		// Turnover counts people who left: it goes through the month's plan like every figure about
		// the people of a month (docs/anonymity.md, "Health signals").
		const small = monthOf(await results('A3'), FIRST_MONTH);
		expect(small.unit.turnoverVoluntary).toEqual({ shown: false, reason: 'below-k' });
		expect(monthOf(await results('A1'), FIRST_MONTH).unit.turnoverVoluntary).toMatchObject({
			shown: true,
			n: 7
		});
	});

	it('carries no number in any hidden figure', async () => {
		for (const code of ['A', 'A1', 'A3', 'B1'] as const) {
			const r = await results(code);
			const figures = [
				...r.history.waves.flatMap((w) => [w.respondents, ...w.cells, ...w.organisation]),
				...r.signals.months.flatMap((m) =>
					[m.unit, m.organisation, m.unitRolling, m.organisationRolling].flatMap((f) =>
						INDICATORS.map((id) => f[id])
					)
				)
			];
			for (const figure of figures)
				if (figure && !figure.shown) expect(Object.keys(figure).sort()).toEqual(['reason', 'shown']);
		}
	});

	it('lets a manager open units of their own subtree only; HR sees results too', async () => {
		await expect(results('A1', 'manager')).resolves.toMatchObject({ unit: { id: s.ids.A1 } });
		await expect(results('B1', 'manager')).rejects.toMatchObject({ status: 404 });
		await expect(results('A1', 'hr')).resolves.toMatchObject({ unit: { id: s.ids.A1 } });
		await expect(unitResults(testDb.db, s.admin, s.org.id, s.ids.A1, { today: AFTER })).rejects.toMatchObject(
			{ status: 403 }
		);
		await expect(
			unitResults(testDb.db, s.otherAdvisor, s.org.id, s.ids.A1, { today: AFTER })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			unitResults(testDb.db, s.advisor, s.org.id, '00000000-0000-0000-0000-000000000000', { today: AFTER })
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('unitResults after a change', () => {
	it('shows what changed since the last call: an upload undone, a team moved', async () => {
		const s = await setup();
		const of = (code: Code) => unitResults(testDb.db, s.advisor, s.org.id, s.ids[code], { today: AFTER });
		const before = await of('A');
		expect(monthOf(before, FIRST_MONTH).unit.absenceRate).toMatchObject({ shown: true, n: 21 });

		// A1 moves under B: the months shown before keep the tree they were released with, as the
		// closed wave keeps the tree it was summarised with.
		await moveUnit(testDb.db, s.admin, s.org.id, s.ids.A1, s.ids.B);
		const moved = await of('A');
		expect(moved.signals).toEqual(before.signals);
		expect(moved.history.waves[0]!.respondents).toEqual(before.history.waves[0]!.respondents);

		await undoUpload(testDb.db, s.hr, s.org.id, s.uploadId);
		expect((await of('A')).signals.months).toEqual([]);
	});

	it('keeps a released month to its units: a unit added later is not in it, an archived one stays', async () => {
		const s = await setup();
		const of = (code: Code) => unitResults(testDb.db, s.advisor, s.org.id, s.ids[code], { today: AFTER });
		const before = await of('A');
		expect(monthOf(before, FIRST_MONTH).unit.absenceRate).toMatchObject({ shown: true, n: 21 });

		// A new team under A gets figures for a month that was shown already: not in that month's plan.
		const added = await addUnit(testDb.db, s.admin, s.org.id, {
			code: 'A4',
			name: 'Unit A4',
			headcount: '8',
			parentId: s.ids.A
		});
		const outcome = await importSignals(
			testDb.db,
			s.hr,
			s.org.id,
			[uploadOf('a4.csv', monthlyFile([['A4', FIRST_MONTH, '8', '8', '160', '3', '0', '0', '0', '0']]))],
			{
				today: AFTER,
				// Replaces figures in force: confirmed as the user would.
				confirmed: true
			}
		);
		expect(outcome.status).toBe('imported');
		const newTeam = await unitResults(testDb.db, s.advisor, s.org.id, added.id, { today: AFTER });
		for (const month of newTeam.signals.months)
			expect(month.unit.absenceRate, month.month).toEqual({ shown: false, reason: 'no-data' });
		expect((await of('A')).signals).toEqual(before.signals);

		// An archived team stays in the months it was released in.
		await archiveUnit(testDb.db, s.admin, s.org.id, s.ids.A3, AFTER);
		expect((await of('A')).signals).toEqual(before.signals);
	});

	it('hides a month whole, with its reason, when a correction would show too few people, and shows it again after the undo', async () => {
		const s = await setup();
		const of = (code: Code) => unitResults(testDb.db, s.advisor, s.org.id, s.ids[code], { today: AFTER });
		const before = await of('A1');
		expect(monthOf(before, FIRST_MONTH).unit.absenceRate).toMatchObject({ shown: true, n: 7 });

		// HR corrects A1's first month to 2 people: A1 was shown in that month, and would now show 2.
		const correction = await importSignals(
			testDb.db,
			s.hr,
			s.org.id,
			[
				uploadOf('correctie.csv', monthlyFile([['A1', FIRST_MONTH, '2', '2', '40', '1', '0', '0', '0', '0']]))
			],
			{
				today: AFTER,
				// Replaces figures in force: confirmed as the user would.
				confirmed: true
			}
		);
		if (correction.status !== 'imported') throw new Error(correction.status);
		const corrected = monthOf(await of('A1'), FIRST_MONTH);
		for (const figures of [corrected.unit, corrected.organisation])
			for (const id of INDICATORS) expect(figures[id]).toEqual({ shown: false, reason: 'changed' });
		// The other months keep their plan and figures.
		const next = formatMonth(isoMonth(FIRST_MONTH) + 1);
		expect(monthOf(await of('A1'), next)).toEqual(monthOf(before, next));

		await undoUpload(testDb.db, s.hr, s.org.id, correction.uploadId);
		expect(await of('A1')).toEqual(before);
	});
});

/** An answer set without the module's items (q_wf-…), for a wave run without the module. */
const withoutModule = (fields: Record<string, string>) =>
	Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith('q_wf-')));

describe('unitResults across waves that asked different themes', () => {
	it('keeps the themes an earlier wave asked and the latest did not, shown as not asked in the latest', async () => {
		const db = testDb.db;
		const s = await analyticsOrganisation(db, 'Themes', TODAY, (_, p) => answers(1 + (p % 4)));
		await setWaveClosed(db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		// A later wave of the same units without the module, answered and closed.
		const LATER = '2026-09-20';
		const later = await createWave(
			db,
			s.advisor,
			s.org.id,
			waveFields({ name: 'Najaar 2026', opensOn: '2026-09-01', closesOn: '2026-09-30' }),
			PEOPLE.filter(([, , people]) => people > 0).map(([code]) => s.ids[code as Code]),
			'2026-09-01'
		);
		const links = await waveUnitRows(db, later);
		for (const [code, , people] of PEOPLE)
			for (let p = 0; p < people; p++) {
				const token = links.find((l) => l.unit_id === s.ids[code as Code])!.link_token;
				await submitResponse(
					db,
					{ via: 'link', token },
					{
						...withoutModule(answers(2 + (p % 3))),
						unitId: s.ids[code as Code],
						nonce: newSubmissionNonce()
					},
					'2026-09-10'
				);
			}
		await setWaveClosed(db, s.advisor, s.org.id, later, true, {}, LATER);

		const first = await heatmap(db, s.advisor, s.org.id, { waveId: s.waveId, today: LATER });
		const second = await heatmap(db, s.advisor, s.org.id, { waveId: later, today: LATER });
		const latestIds = second.dimensions.map((d) => d.id);
		const dropped = first.dimensions.map((d) => d.id).filter((id) => !latestIds.includes(id));
		expect(dropped.length).toBeGreaterThan(0);

		for (const code of ['A1', 'A', 'B2'] as const) {
			const r = await unitResults(db, s.advisor, s.org.id, s.ids[code], { today: LATER });
			expect(r.history.dimensions.map((d) => d.id)).toEqual([...latestIds, ...dropped]);
			const [latest, earlier] = r.history.waves;
			expect(latest!.wave.id).toBe(later);
			expect(earlier!.wave.id).toBe(s.waveId);
			const rowOf = (map: typeof first) => map.rows.find((x) => x.unitId === s.ids[code])!;
			r.history.dimensions.forEach((d, i) => {
				const inLatest = latestIds.indexOf(d.id);
				const inEarlier = first.dimensions.findIndex((x) => x.id === d.id);
				// Each wave's cell is the heatmap's cell of that wave, or none where it did not ask.
				expect(latest!.cells[i], `${code} ${d.id} latest`).toEqual(
					inLatest < 0 ? null : cellAt(rowOf(second).cells, inLatest)
				);
				expect(earlier!.cells[i], `${code} ${d.id} earlier`).toEqual(cellAt(rowOf(first).cells, inEarlier));
				expect(latest!.organisation[i]).toEqual(
					inLatest < 0 ? null : cellAt(second.organisation!.cells, inLatest)
				);
			});
		}
	});
});
