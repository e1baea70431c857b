import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
	computeIndicators,
	detectSignalsFormat,
	FIGURES,
	rollingMonths,
	rollUpFigures,
	SignalsAccumulator,
	type UnitMonthFigures
} from '../src/lib/domain/signals';
import { signalFigureColumns } from '../src/lib/server/db/schema';
import { readCsvStream } from '../src/lib/server/signals/reader';
import {
	FIGURE_COLUMN,
	figureRow,
	generateDemoSignals,
	monthlyCsv,
	strainTrend,
	type DemoUnitMonth
} from './signals';
import { demoUnits } from './structure';
import { IMPROVING_UNITS, WORSENING_UNITS } from './waves';

const today = '2026-11-22';
const seedUnits = demoUnits();
const units = seedUnits.map((u) => ({ id: `id-${u.code}`, code: u.code, headcount: u.headcount }));
const generated = generateDemoSignals(units, { today });
const { months, figures } = generated;

/** The indicators of one unit, or of the whole organisation, over the 12 months ending `to`. */
function indicators(code: string | null, to: string) {
	let records: UnitMonthFigures[] = figures.filter((f) => code === null || f.code === code);
	if (code === null) {
		const tree = seedUnits.map((u) => ({
			id: `id-${u.code}`,
			parentId: u.parentCode ? `id-${u.parentCode}` : null,
			code: u.code,
			name: u.name,
			headcount: u.headcount,
			archived: false
		}));
		records = rollUpFigures(tree, records).filter((r) => r.unitId === 'id-ZZ');
	}
	const result = computeIndicators(records, rollingMonths(to, 12));
	return Object.fromEntries(
		Object.entries(result).map(([id, gated]) => [id, gated.shown ? gated.value : NaN])
	) as Record<keyof typeof result, number>;
}

async function importMonthly(rows: readonly DemoUnitMonth[]) {
	const reader = readCsvStream(Readable.from([Buffer.from(monthlyCsv(rows), 'utf8')]));
	const header = await reader.readHeader();
	const match = detectSignalsFormat(header.cells);
	if (!match.ok) throw new Error(JSON.stringify(match.problems));
	const accumulator = new SignalsAccumulator({
		knownUnitCodes: new Map(units.map((u) => [u.code, u.id])),
		today
	});
	accumulator.begin(match);
	let readProblems = 0;
	for await (const batch of reader) {
		for (const record of batch.records) accumulator.add(record.line, record.cells);
		readProblems += batch.problems.length;
	}
	return { delimiter: reader.delimiter, readProblems, result: accumulator.finish() };
}

describe('demo signals', () => {
	it('is deterministic', () => {
		expect(generateDemoSignals(units, { today })).toEqual(generated);
		expect(generateDemoSignals(units, { today, seed: 7 }).figures).not.toEqual(figures);
	});

	it('covers the 24 months before the month of today', () => {
		expect(months).toHaveLength(24);
		expect([months[0], months.at(-1)]).toEqual(['2024-11', '2026-10']);
		// The month of today is never complete, not even on its last day.
		expect(generateDemoSignals(units, { today: '2026-11-30' }).months.at(-1)).toBe('2026-10');
		expect(generateDemoSignals(units, { today: '2027-01-01' }).months).toEqual(
			expect.arrayContaining(['2025-01', '2026-12'])
		);
	});

	it('gives every unit every month and every figure', () => {
		expect(figures).toHaveLength(units.length * 24);
		const wrong = figures.flatMap((row) =>
			FIGURES.filter((id) => !(Number.isFinite(row[id]) && row[id] >= 0)).map(
				(id) => `${row.code} ${row.month} ${id}`
			)
		);
		expect(wrong).toEqual([]);
		// Every column of the database gets a value.
		expect(new Set(Object.values(FIGURE_COLUMN))).toEqual(new Set(Object.keys(signalFigureColumns)));
		const row = figureRow(figures[0]!);
		for (const column of Object.keys(signalFigureColumns))
			expect(row[column as keyof typeof row]).not.toBeNull();
		expect(row.month).toBe('2024-11-01');
	});

	it('ends each unit on its headcount', () => {
		for (const unit of units) {
			const last = figures.find((f) => f.code === unit.code && f.month === '2026-10')!;
			expect(last.headcount).toBe(unit.headcount);
			expect(last.fte).toBeLessThanOrEqual(last.headcount);
		}
	});

	it('imports as a monthly file through the real domain, figures unchanged', async () => {
		const { delimiter, readProblems, result } = await importMonthly(figures);
		expect(delimiter).toBe(';');
		expect(readProblems).toBe(0);
		if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
		expect(result.formats).toEqual(['monthly']);
		expect(result.rows).toBe(figures.length);
		expect(result.supplied).toEqual([...FIGURES]);
		const imported = new Map(result.figures.map((f) => [`${f.unitId} ${f.month}`, f]));
		const changed = figures.flatMap((row) => {
			const back = imported.get(`${row.unitId} ${row.month}`);
			return FIGURES.filter((id) => back?.[id] !== row[id]).map((id) => `${row.code} ${row.month} ${id}`);
		});
		expect(changed).toEqual([]);
	});

	it('has plausible Belgian levels over the organisation', () => {
		for (const to of [months[11]!, months[23]!]) {
			const org = indicators(null, to);
			expect(org.absenceRateShort).toBeGreaterThan(2.8);
			expect(org.absenceRateShort).toBeLessThan(3.7);
			expect(org.absenceRateShort + org.absenceRateMedium).toBeGreaterThan(5.5);
			expect(org.absenceRateShort + org.absenceRateMedium).toBeLessThan(7.1);
			expect(org.absenceRateLong).toBeGreaterThan(2.6);
			expect(org.absenceRateLong).toBeLessThan(4.6);
			expect(org.frequency).toBeGreaterThan(1.5);
			expect(org.frequency).toBeLessThan(1.9);
			expect(org.turnoverVoluntary).toBeGreaterThan(9);
			expect(org.turnoverVoluntary).toBeLessThan(13);
			expect(org.frequentAbsenteeism).toBeLessThan(25);
		}
	});

	it('tells the barometer story: worsening teams fall ill and leave more, the improving one less', () => {
		// The teams with a trend are exactly those of the barometer story.
		const trending = units.filter((u) => strainTrend(u.code) !== 0).map((u) => u.code);
		expect(trending.sort()).toEqual([...WORSENING_UNITS, ...IMPROVING_UNITS].sort());
		for (const code of WORSENING_UNITS) expect(strainTrend(code)).toBeGreaterThan(0);
		for (const code of IMPROVING_UNITS) expect(strainTrend(code)).toBeLessThan(0);

		// Whatever the day of seeding (the season moves under the window).
		for (const day of ['2026-11-22', '2027-02-10', '2027-05-03', '2027-08-31']) {
			const story = generateDemoSignals(units, { today: day });
			const rolling = (code: string, index: number) => {
				const records = story.figures.filter((f) => f.code === code);
				return computeIndicators(records, rollingMonths(story.months[index]!, 12));
			};
			const value = (g: ReturnType<typeof rolling>[keyof ReturnType<typeof rolling>]) =>
				g.shown ? g.value : NaN;
			for (const code of WORSENING_UNITS) {
				const [before, after] = [rolling(code, 11), rolling(code, 23)];
				expect(value(after.absenceRateShort) / value(before.absenceRateShort), code).toBeGreaterThan(1.2);
				expect(value(after.frequency), code).toBeGreaterThan(value(before.frequency));
				expect(value(after.turnoverVoluntary), code).toBeGreaterThan(value(before.turnoverVoluntary));
			}
			for (const code of IMPROVING_UNITS) {
				const [before, after] = [rolling(code, 11), rolling(code, 23)];
				expect(value(after.absenceRateShort), code).toBeLessThan(value(before.absenceRateShort));
				expect(value(after.turnoverVoluntary), code).toBeLessThan(value(before.turnoverVoluntary));
			}
		}
	});
});
