import { describe, expect, it } from 'vitest';
import {
	formatCode,
	isIsoDate,
	normaliseCode,
	responseProgress,
	validateWaveInput,
	waveStatus
} from './waves';

describe('waveStatus', () => {
	const wave = { opensOn: '2026-03-01', closesOn: '2026-03-31', closed: false };
	it.each([
		['2026-02-28', 'planned'],
		['2026-03-01', 'open'],
		['2026-03-31', 'open'],
		['2026-04-01', 'closed']
	] as const)('on %s it is %s', (today, status) => expect(waveStatus(wave, today)).toBe(status));
	it('is closed when closed by hand, whatever the date', () => {
		expect(waveStatus({ ...wave, closed: true }, '2026-03-10')).toBe('closed');
	});
});

describe('responseProgress', () => {
	it.each([
		['no answers yet', 0, 30, 5, { kind: 'belowK', k: 5 }],
		['one fewer than k', 4, 30, 5, { kind: 'belowK', k: 5 }],
		['k reached, low rate', 5, 40, 5, { kind: 'band', band: 'under25' }],
		['k reached, headcount below 8k', 5, 30, 5, { kind: 'band', band: 'under50' }],
		['a quarter exactly', 10, 40, 5, { kind: 'band', band: '25to50' }],
		['half exactly', 20, 40, 5, { kind: 'band', band: '50to75' }],
		['three quarters', 30, 40, 5, { kind: 'band', band: '75plus' }],
		['more answers than headcount', 50, 40, 5, { kind: 'band', band: '75plus' }],
		['headcount 4k: every band spans k people', 5, 20, 5, { kind: 'band', band: 'under50' }],
		['headcount below 4k: no band', 6, 19, 5, { kind: 'atLeastK', k: 5 }],
		['a team of exactly k: no band', 5, 5, 5, { kind: 'atLeastK', k: 5 }],
		['no headcount known', 7, null, 5, { kind: 'atLeastK', k: 5 }]
	] as const)('%s', (_name, count, headcount, k, expected) => {
		expect(responseProgress(count, headcount, k)).toEqual(expected);
	});

	it('never narrows a count to fewer than k possible values', () => {
		// Whatever the band says, at least k different counts in [k, headcount] agree with it.
		for (let k = 3; k <= 10; k++)
			for (let headcount = 1; headcount <= 60; headcount++) {
				const seen = new Map<string, number>();
				for (let count = k; count <= headcount; count++) {
					const key = JSON.stringify(responseProgress(count, headcount, k));
					seen.set(key, (seen.get(key) ?? 0) + 1);
				}
				for (const [key, counts] of seen) {
					if (JSON.parse(key).kind === 'band')
						expect(counts, `${k} ${headcount} ${key}`).toBeGreaterThanOrEqual(k);
				}
			}
	});
});

describe('validateWaveInput', () => {
	const context = {
		instruments: ['knipperlicht-barometer@1'],
		units: new Set(['u1', 'u2']),
		today: '2026-03-01'
	};
	const fields = {
		name: ' Voorjaar 2026 ',
		instrument: 'knipperlicht-barometer@1',
		language: 'nl',
		opensOn: '2026-03-01',
		closesOn: '2026-03-21',
		includeModule: 'on'
	};
	it('accepts a valid wave, trims the name and drops repeated units', () => {
		expect(validateWaveInput(fields, ['u1', 'u2', 'u1'], context)).toEqual({
			ok: true,
			value: {
				name: 'Voorjaar 2026',
				instrument: { key: 'knipperlicht-barometer', version: 1 },
				includeModule: true,
				language: 'nl',
				opensOn: '2026-03-01',
				closesOn: '2026-03-21',
				entry: 'codes',
				unitIds: ['u1', 'u2']
			}
		});
	});
	it.each([
		['no name', { name: '' }, ['u1'], 'name', 'validation.required'],
		['an instrument not offered', { instrument: 'other@1' }, ['u1'], 'instrument', 'waves.unknownInstrument'],
		['a malformed date', { opensOn: '2026-02-30' }, ['u1'], 'opensOn', 'validation.date'],
		[
			'closing before opening',
			{ opensOn: '2026-03-10', closesOn: '2026-03-05' },
			['u1'],
			'closesOn',
			'waves.closesBeforeOpens'
		],
		[
			'closing in the past',
			{ opensOn: '2026-02-01', closesOn: '2026-02-20' },
			['u1'],
			'closesOn',
			'waves.closesInPast'
		],
		['no units', {}, [], 'unitIds', 'waves.noUnits'],
		['a unit of elsewhere', {}, ['u9'], 'unitIds', 'units.parentUnknown'],
		['an unknown language', { language: 'de' }, ['u1'], 'language', 'validation.language'],
		['an unknown way to answer', { entry: 'mail' }, ['u1'], 'entry', 'waves.entryUnknown']
	])('refuses %s', (_name, change, units, field, key) => {
		const result = validateWaveInput({ ...fields, ...change }, units, context);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[field]?.key).toBe(key);
	});
});

it('takes unit links only when asked for', () => {
	const context = { instruments: ['knipperlicht-barometer@1'], units: new Set(['u1']), today: '2026-03-01' };
	const base = {
		name: 'W',
		instrument: 'knipperlicht-barometer@1',
		language: 'nl',
		opensOn: '2026-03-01',
		closesOn: '2026-03-21'
	};
	const entry = (fields: Record<string, string>) => {
		const result = validateWaveInput({ ...base, ...fields }, ['u1'], context);
		return result.ok ? result.value.entry : null;
	};
	expect(entry({})).toBe('codes');
	expect(entry({ entry: '' })).toBe('codes');
	expect(entry({ entry: 'codes' })).toBe('codes');
	expect(entry({ entry: 'links' })).toBe('links');
});

describe('codes', () => {
	it('formats 12 characters in three groups without look-alikes', () => {
		const code = formatCode(new Uint8Array(Array.from({ length: 16 }, (_, i) => i * 17)));
		expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
	});
	it.each([
		['abcd-efgh-jkmn', 'ABCD-EFGH-JKMN'],
		[' ABCD EFGH JKMN ', 'ABCD-EFGH-JKMN'],
		['ABCDEFGHJKMN', 'ABCD-EFGH-JKMN'],
		['ABCD-EFGH-JKM0', null],
		['ABCD-EFGH', null],
		['', null]
	])('%j → %j', (typed, code) => expect(normaliseCode(typed)).toBe(code));
});

describe('isIsoDate', () => {
	it.each([
		['2026-02-28', true],
		['2024-02-29', true],
		['2026-02-29', false],
		['2026-13-01', false],
		['26-01-01', false],
		[undefined, false]
	])('%j → %j', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});
