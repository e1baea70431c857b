import { describe, expect, it } from 'vitest';
import { auditDetailLines, auditFilterQuery, parseAuditFilter, AUDIT_KINDS } from './audit';

const params = (query: string) => new URLSearchParams(query);
const USER = '0b7c1a52-6a1e-4a3b-9a55-2f1f0c9d8e71';

describe('parseAuditFilter', () => {
	it.each([
		['', { kind: null, user: null, from: null, to: null }],
		['kind=&user=&from=&to=', { kind: null, user: null, from: null, to: null }],
		['kind=wave', { kind: 'wave', user: null, from: null, to: null }],
		[`user=${USER.toUpperCase()}`, { kind: null, user: USER, from: null, to: null }],
		['from=2026-12-01&to=2026-12-01', { kind: null, user: null, from: '2026-12-01', to: '2026-12-01' }],
		['from=2024-02-29', { kind: null, user: null, from: '2024-02-29', to: null }],
		['kind=+auth+', { kind: 'auth', user: null, from: null, to: null }]
	])('reads %j', (query, filter) => {
		expect(parseAuditFilter(params(query))).toEqual({ ok: true, filter });
	});

	it.each([
		['kind=waves', 'kind'],
		['kind=constructor', 'kind'],
		['user=42', 'user'],
		["user=1' or '1'='1", 'user'],
		['from=2026-13-01', 'from'],
		['from=2025-02-29', 'from'],
		['from=1.12.2026', 'from'],
		['to=2026-12-32', 'to'],
		['from=2026-12-02&to=2026-12-01', 'to']
	])('refuses %j, naming %s', (query, field) => {
		expect(parseAuditFilter(params(query))).toEqual({ ok: false, field });
	});

	it('reads every kind it offers, and its query reads back the same filter', () => {
		for (const kind of AUDIT_KINDS) {
			const filter = { kind, user: USER, from: '2026-01-01', to: '2026-12-31' };
			const read = parseAuditFilter(params(auditFilterQuery(filter)));
			expect(read).toEqual({ ok: true, filter });
		}
		expect(auditFilterQuery({ kind: null, user: null, from: null, to: null })).toBe('');
	});
});

describe('auditDetailLines', () => {
	it.each([
		['nothing', {}, []],
		['not an object', 'x', []],
		[
			'old and new k, unchanged fields left out',
			{ before: { name: 'A', minGroupSize: 5 }, after: { name: 'A', minGroupSize: 7 } },
			[{ field: 'minGroupSize', before: 5, after: 7 }]
		],
		[
			'a field only before or only after',
			{ before: {}, after: { title: 'X' } },
			[{ field: 'title', before: null, after: 'X' }]
		],
		[
			'plain fields',
			{ code: 'LIN', validTo: '2026-12-05', deactivatedManagers: 0, active: false },
			[
				{ field: 'code', value: 'LIN' },
				{ field: 'validTo', value: '2026-12-05' },
				{ field: 'deactivatedManagers', value: 0 },
				{ field: 'active', value: false }
			]
		],
		['a list', { measures: ['a', 'b'] }, [{ field: 'measures', value: 'a, b' }]],
		[
			'a nested object',
			{ after: 'x', note: { id: 1 } },
			[
				{ field: 'after', value: 'x' },
				{ field: 'note', value: '{"id":1}' }
			]
		],
		[
			'before and after with other fields',
			{ before: { closesOn: '2026-12-21' }, after: { closesOn: '2026-12-03' }, file: 'a.csv' },
			[
				{ field: 'closesOn', before: '2026-12-21', after: '2026-12-03' },
				{ field: 'file', value: 'a.csv' }
			]
		]
	])('%s', (_name, detail, lines) => {
		expect(auditDetailLines(detail)).toEqual(lines);
	});
});
