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
		['no answers yet', 0, 30, 5, 'open', { kind: 'belowK', k: 5 }],
		['one fewer than k', 4, 30, 5, 'open', { kind: 'belowK', k: 5 }],
		['below k stays hidden after closing too', 4, 30, 5, 'closed', { kind: 'belowK', k: 5 }],
		['k reached, low rate', 5, 30, 5, 'open', { kind: 'band', band: 'under25' }],
		['a quarter exactly', 10, 40, 5, 'open', { kind: 'band', band: '25to50' }],
		['half exactly', 20, 40, 5, 'open', { kind: 'band', band: '50to75' }],
		['three quarters', 30, 40, 5, 'open', { kind: 'band', band: '75plus' }],
		['more answers than headcount', 50, 40, 5, 'open', { kind: 'band', band: '75plus' }],
		['no headcount known', 7, null, 5, 'open', { kind: 'band', band: 'unknown' }],
		['closed: the count and the rate', 12, 40, 5, 'closed', { kind: 'final', count: 12, rate: 30 }],
		['closed without headcount', 12, null, 5, 'closed', { kind: 'final', count: 12, rate: null }]
	] as const)('%s', (_name, count, headcount, k, status, expected) => {
		expect(responseProgress(count, headcount, k, status)).toEqual(expected);
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
		['an unknown language', { language: 'de' }, ['u1'], 'language', 'validation.language']
	])('refuses %s', (_name, change, units, field, key) => {
		const result = validateWaveInput({ ...fields, ...change }, units, context);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[field]?.key).toBe(key);
	});
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
