import { describe, expect, it } from 'vitest';
import { AS_OF, figures } from '../../../../tests/helpers/early-warning';
import { formatMonth } from '../signals/calendar';
import { isoMonth } from '../signals/parse';
import { indicatorFindings } from './rates';
import { rateTimeline } from './timeline';

// A team of 20 (400 planned days) at 3 % short absence through 2024, then 6.25 % from March 2025;
// the organisation at 3 % throughout. As in the attention list's tests, March to June are above.
const months = Array.from({ length: 18 }, (_, i) => formatMonth(isoMonth('2024-01') + i));
const unit = months.map((month, i) => figures(month, 20, { sickDaysShort: i >= 14 ? 25 : 12 }));
const organisation = months.map((month) => figures(month, 500, { sickDaysShort: 300 }));

describe('rateTimeline', () => {
	it('draws the baseline and watched months with the band and the months above it', () => {
		const timeline = rateTimeline('absenceRateShort', unit, organisation, AS_OF);
		expect(timeline.unit).toBe('percent');
		expect(timeline.months.map((m) => m.month)).toEqual(months);
		expect(timeline.months[0]).toMatchObject({ rate: 3, organisation: 3, band: null, baseline: 3 });
		// The band exists only for the six watched months, above the baseline.
		const watched = timeline.months.slice(12);
		for (const m of watched) expect(m.band).toBeGreaterThan(3);
		expect(timeline.months.slice(0, 12).every((m) => m.band === null)).toBe(true);
		expect(watched.map((m) => m.above.ownHistory)).toEqual([false, false, true, true, true, true]);
		expect(watched.map((m) => m.rate)).toEqual([3, 3, 6.25, 6.25, 6.25, 6.25]);
		expect(timeline.recentAbove.ownHistory).toBe(4);
	});

	it('marks the months the attention list counts: the same computation', () => {
		const timeline = rateTimeline('absenceRateShort', unit, organisation, AS_OF);
		const findings = indicatorFindings('absenceRateShort', unit, organisation, AS_OF);
		for (const finding of findings)
			expect(finding.monthsAbove).toBe(
				finding.comparison === 'own-history'
					? timeline.recentAbove.ownHistory
					: timeline.recentAbove.organisation
			);
		expect(findings.length).toBeGreaterThan(0);
	});

	it('leaves a month out of the gate as a gap, and says an annual rate per month', () => {
		const gapped = unit.filter((f) => f.month !== '2025-04');
		const timeline = rateTimeline('turnoverVoluntary', gapped, organisation, AS_OF);
		expect(timeline.unit).toBe('percentPerMonth');
		expect(timeline.months.find((m) => m.month === '2025-04')).toMatchObject({ rate: null, band: null });
		// One leaver of 20 in a month: 5 % that month, not 60 % a year.
		expect(timeline.months[0]!.rate).toBeCloseTo(5, 12);
	});
});
