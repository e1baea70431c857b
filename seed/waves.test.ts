import { describe, expect, it } from 'vitest';
import { waveStatus } from '../src/lib/domain/waves';
import { itemsOf } from '../src/lib/instruments';
import { demoUnits } from './structure';
import {
	demoWaveDates,
	generateDemoWaves,
	IMPROVING_UNITS,
	seasonName,
	WORSENING_UNITS,
	type DemoResponse
} from './waves';

const today = '2026-11-22';
const units = demoUnits().map((u) => ({ id: `id-${u.code}`, code: u.code, headcount: u.headcount }));
const generated = generateDemoWaves(units, { today });
const { waves, responses } = generated;

function mean(values: number[]): number {
	return values.reduce((s, v) => s + v, 0) / values.length;
}

function meanScore(rows: DemoResponse[], dimension: string): number {
	return mean(rows.map((r) => r.scores[dimension]).filter((s): s is number => typeof s === 'number'));
}

function rowsOf(wave: number, codes?: readonly string[]): DemoResponse[] {
	const ids = codes ? new Set(codes.map((c) => `id-${c}`)) : null;
	return responses.filter((r) => r.wave === wave && (!ids || ids.has(r.unitId)));
}

describe('demo waves', () => {
	it('is deterministic', () => {
		expect(generateDemoWaves(units, { today })).toEqual(generated);
		expect(generateDemoWaves(units, { today, seed: 7 }).responses).not.toEqual(responses);
	});

	it('has four waves about six months apart, exactly one open today, with the module', () => {
		expect(waves).toHaveLength(4);
		expect(waves.map((w) => waveStatus(w, today))).toEqual(['closed', 'closed', 'closed', 'open']);
		expect(waves.map((w) => w.name)).toEqual([
			'Voorjaar 2025',
			'Najaar 2025',
			'Voorjaar 2026',
			'Najaar 2026'
		]);
		expect(waves[3]).toMatchObject({ opensOn: '2026-11-12', closesOn: '2026-12-10' });
		for (const wave of waves.slice(0, 3)) {
			expect(new Date(`${wave.opensOn}T00:00:00Z`).getUTCDay()).toBe(1);
			expect(wave.closesOn < today).toBe(true);
		}
		expect(generated.includeModule).toBe(true);
	});

	it('names waves uniquely and in order whatever today is', () => {
		for (let day = 0; day < 800; day += 3) {
			const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
			const dated = demoWaveDates(date);
			expect(new Set(dated.map((w) => w.name)).size).toBe(4);
			expect(dated.map((w) => waveStatus(w, date))).toEqual(['closed', 'closed', 'closed', 'open']);
			for (let i = 1; i < 4; i++) expect(dated[i]!.opensOn > dated[i - 1]!.closesOn).toBe(true);
		}
		expect(seasonName('2026-03-02')).toBe('Voorjaar 2026');
		expect(seasonName('2026-08-31')).toBe('Voorjaar 2026');
		expect(seasonName('2026-09-01')).toBe('Najaar 2026');
		expect(seasonName('2027-02-15')).toBe('Najaar 2026');
	});

	it('never has more responses per unit than its headcount, and 50-80% in past waves', () => {
		for (const unit of units) {
			for (let w = 0; w < 4; w++) {
				const n = responses.filter((r) => r.wave === w && r.unitId === unit.id).length;
				expect(n).toBeLessThanOrEqual(unit.headcount);
				if (w < 3) {
					expect(n).toBeGreaterThanOrEqual(1);
					if (unit.headcount >= 10) {
						expect(n / unit.headcount).toBeGreaterThanOrEqual(0.45);
						expect(n / unit.headcount).toBeLessThanOrEqual(0.85);
					}
				}
			}
		}
		const total = units.reduce((s, u) => s + u.headcount, 0);
		expect(rowsOf(3).length / rowsOf(2).length).toBeGreaterThan(0.35);
		expect(rowsOf(3).length / rowsOf(2).length).toBeLessThan(0.65);
		expect(rowsOf(2).length / total).toBeGreaterThan(0.55);
		expect(responses.length).toBeGreaterThan(2000);
		expect(responses.length).toBeLessThan(4000);
	});

	it('leaves some units below k in the open wave', () => {
		const belowK = units.filter((u) => u.headcount >= 10 && rowsOf(3, [u.code]).length < 5);
		expect(belowK.length).toBeGreaterThan(0);
	});

	it('keeps every answer on the scale and every score within 0-100', () => {
		const itemIds = itemsOf(generated.definition, true)
			.map((i) => i.id)
			.sort();
		const problems: string[] = [];
		for (const [n, r] of responses.entries()) {
			if (Object.keys(r.answers).sort().join() !== itemIds.join()) problems.push(`${n}: items`);
			for (const [id, value] of Object.entries(r.answers)) {
				if (!Number.isInteger(value) || value < 1 || value > 5) problems.push(`${n}: ${id}=${value}`);
			}
			for (const [id, score] of Object.entries(r.scores)) {
				if (score !== null && !(score >= 0 && score <= 100)) problems.push(`${n}: ${id} scored ${score}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('dates every response inside its wave and not after today', () => {
		const wrong = responses.filter((r) => {
			const wave = waves[r.wave]!;
			return r.submittedOn < wave.opensOn || r.submittedOn > wave.closesOn || r.submittedOn > today;
		});
		expect(wrong).toEqual([]);
		// The open wave's responses so far run up to today.
		expect(rowsOf(3).some((r) => r.submittedOn === waves[3]!.opensOn)).toBe(true);
	});

	it('shows worsening teams, one improving team and a stable organisation', () => {
		const worseFirst = meanScore(rowsOf(0, WORSENING_UNITS), 'burnout');
		const worseLast = meanScore(rowsOf(3, WORSENING_UNITS), 'burnout');
		const orgFirst = meanScore(rowsOf(0), 'burnout');
		const orgLast = meanScore(rowsOf(3), 'burnout');
		expect(worseLast - worseFirst).toBeGreaterThanOrEqual(10);
		expect(Math.abs(orgLast - orgFirst)).toBeLessThan(worseLast - worseFirst);
		for (const code of WORSENING_UNITS) {
			const first = rowsOf(0, [code]);
			const last = rowsOf(2, [code]);
			expect(meanScore(last, 'burnout')).toBeGreaterThan(meanScore(first, 'burnout') + 10);
			expect(meanScore(last, 'workload')).toBeGreaterThan(meanScore(first, 'workload') + 5);
			expect(meanScore(last, 'engagement')).toBeLessThan(meanScore(first, 'engagement') - 5);
			expect(meanScore(last, 'support-manager')).toBeLessThan(meanScore(first, 'support-manager') - 5);
		}
		for (const code of IMPROVING_UNITS) {
			expect(meanScore(rowsOf(2, [code]), 'burnout')).toBeLessThan(
				meanScore(rowsOf(0, [code]), 'burnout') - 5
			);
		}
		// Mostly green: the organisation's mean burn-out score stays under the orange threshold (40).
		expect(orgFirst).toBeLessThan(40);
		expect(orgLast).toBeLessThan(40);
	});

	it('respects reverse-scored items', () => {
		// As the worsening teams lose engagement, the reversed clock-watching item gets higher raw
		// answers while the other engagement items get lower ones; and it runs the other way round
		// in the improving team.
		const raw = (rows: DemoResponse[], id: string) => mean(rows.map((r) => r.answers[id]!));
		const [worseFirst, worseLast] = [rowsOf(0, WORSENING_UNITS), rowsOf(2, WORSENING_UNITS)];
		expect(raw(worseLast, 'engagement-clock')).toBeGreaterThan(raw(worseFirst, 'engagement-clock') + 0.3);
		expect(raw(worseLast, 'engagement-energy')).toBeLessThan(raw(worseFirst, 'engagement-energy') - 0.3);
		const [betterFirst, betterLast] = [rowsOf(0, IMPROVING_UNITS), rowsOf(2, IMPROVING_UNITS)];
		expect(raw(betterLast, 'engagement-clock')).toBeLessThan(raw(betterFirst, 'engagement-clock'));
		expect(raw(betterLast, 'engagement-energy')).toBeGreaterThan(raw(betterFirst, 'engagement-energy'));
		// A healthy organisation mostly does not watch the clock.
		expect(raw(rowsOf(0), 'engagement-clock')).toBeLessThan(raw(rowsOf(0), 'engagement-energy'));
	});
});
