import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSealed, sealResponse, type SealedContent, type Via } from './sealed';

const content = fc.record({
	instrumentVersion: fc.integer({ min: 1, max: 99 }),
	answers: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 7 })),
	scores: fc.dictionary(
		fc.string({ minLength: 1, maxLength: 12 }),
		fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })
	)
}) as fc.Arbitrary<SealedContent>;
const place = fc.record({
	organisationId: fc.uuid(),
	waveId: fc.uuid(),
	unitId: fc.uuid(),
	via: fc.constantFrom<Via>('link', 'code')
});

describe('sealResponse and openSealed', () => {
	it('open what they sealed, and nothing of it is readable in the sealed bytes', () => {
		fc.assert(
			fc.property(place, content, (where, what) => {
				const row = sealResponse(where, what);
				expect(row).toMatchObject({
					organisation_id: where.organisationId,
					wave_id: where.waveId,
					unit_id: where.unitId,
					via: where.via
				});
				expect(openSealed(row)).toEqual(JSON.parse(JSON.stringify(what)));
				const text = Buffer.from(row.sealed).toString('latin1');
				expect(text).not.toContain('instrumentVersion');
				expect(text).not.toContain('answers');
			}),
			{ numRuns: 200 }
		);
	});

	it('refuse a sealed value moved to another row, unit, channel, wave or organisation, or altered', () => {
		fc.assert(
			fc.property(
				place,
				content,
				fc.constantFrom('id', 'unit_id', 'via', 'wave_id', 'organisation_id', 'byte'),
				fc.nat(),
				(where, what, change, at) => {
					const row = sealResponse(where, what);
					const sealed = Buffer.from(row.sealed);
					const i = at % sealed.length;
					sealed[i] = sealed[i]! ^ (1 + (at % 255));
					const moved =
						change === 'byte'
							? { ...row, sealed }
							: change === 'via'
								? { ...row, via: (row.via === 'link' ? 'code' : 'link') as Via }
								: { ...row, [change]: randomUUID() };
					expect(() => openSealed(moved)).toThrow();
				}
			),
			{ numRuns: 200 }
		);
	});

	it('seal the same content differently every time', () => {
		const where = {
			organisationId: randomUUID(),
			waveId: randomUUID(),
			unitId: randomUUID(),
			via: 'code' as const
		};
		const what = { instrumentVersion: 1, answers: { a: 3 }, scores: { d: 50 } };
		const a = sealResponse(where, what);
		const b = sealResponse(where, what);
		expect(a.id).not.toBe(b.id);
		expect(Buffer.from(a.sealed).equals(Buffer.from(b.sealed))).toBe(false);
	});
});
