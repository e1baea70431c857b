import { describe, expect, it } from 'vitest';
import {
	MEASURE_FIELDS,
	canManagerChange,
	measureChanges,
	measureFlags,
	validateMeasure,
	validateNote,
	ownerText,
	type MeasureField,
	type MeasureFields
} from './measures';

const UNIT = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const USER = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

/** A measure as a form sends it: text everywhere. */
const form: Record<string, unknown> = {
	unitId: UNIT,
	targets: { dimensions: ['workload'], signals: [] },
	title: '  Planningsoverleg over de werkdruk  ',
	domain: 'work-organisation',
	preventionLevel: 'primary',
	applicationLevel: 'group',
	ownerUserId: USER,
	ownerRole: '',
	startsOn: '2027-01-10',
	dueOn: '2027-03-31',
	status: 'planned',
	droppedReason: '',
	budgetEuro: '1250,50',
	hours: '12',
	description: '',
	implementation: '',
	perception: '',
	managementSupport: '',
	followUp: ''
};

const valid: MeasureFields = {
	unitId: UNIT,
	targets: { dimensions: ['workload'], signals: [] },
	title: 'Planningsoverleg over de werkdruk',
	domain: 'work-organisation',
	preventionLevel: 'primary',
	applicationLevel: 'group',
	ownerUserId: USER,
	ownerRole: null,
	startsOn: '2027-01-10',
	dueOn: '2027-03-31',
	status: 'planned',
	droppedReason: null,
	budgetEuro: 1250.5,
	hours: 12,
	description: null,
	implementation: null,
	perception: null,
	managementSupport: null,
	followUp: false
};

describe('validateMeasure', () => {
	it('reads a form into the fields of a measure', () => {
		expect(validateMeasure(form)).toEqual({ ok: true, value: valid });
	});

	it('takes a stored measure back unchanged', () => {
		expect(validateMeasure({ ...valid })).toEqual({ ok: true, value: valid });
		const done: MeasureFields = {
			...valid,
			unitId: null,
			status: 'done',
			implementation: 'Elke maandag overleg.',
			perception: 'Positief',
			managementSupport: 'partly',
			followUp: true,
			budgetEuro: 0,
			hours: 0.25
		};
		expect(validateMeasure({ ...done })).toEqual({ ok: true, value: done });
	});

	it.each<[string, Record<string, unknown>, Partial<MeasureFields>]>([
		['an empty unit is the organisation', { unitId: '' }, { unitId: null }],
		['a missing unit is the organisation', { unitId: undefined }, { unitId: null }],
		['a unit id in capitals', { unitId: UNIT.toUpperCase() }, { unitId: UNIT }],
		[
			'signals only',
			{ targets: { dimensions: [], signals: ['absenceRate'] } },
			{ targets: { dimensions: [], signals: ['absenceRate'] } }
		],
		[
			'one dimension as text, repeats dropped',
			{ targets: { dimensions: ' burnout ', signals: ['frequency', 'frequency'] } },
			{ targets: { dimensions: ['burnout'], signals: ['frequency'] } }
		],
		[
			'no owner at all is allowed (flagged later)',
			{ ownerUserId: '', ownerRole: ' ' },
			{ ownerUserId: null, ownerRole: null }
		],
		[
			'an owner by function only',
			{ ownerUserId: null, ownerRole: 'HR-business partner' },
			{ ownerUserId: null, ownerRole: 'HR-business partner' }
		],
		['no start date', { startsOn: '' }, { startsOn: null }],
		['due on the start date', { dueOn: '2027-01-10' }, { dueOn: '2027-01-10' }],
		['a missing status is planned', { status: '' }, { status: 'planned' }],
		[
			'a reason is kept only for a dropped measure',
			{ status: 'in-progress', droppedReason: 'oud' },
			{ status: 'in-progress', droppedReason: null }
		],
		[
			'dropped with its reason',
			{ status: 'dropped', droppedReason: ' Team opgeheven ' },
			{ status: 'dropped', droppedReason: 'Team opgeheven' }
		],
		['amounts as numbers', { budgetEuro: 99.99, hours: 0 }, { budgetEuro: 99.99, hours: 0 }],
		['amounts with a decimal point', { budgetEuro: '0.5', hours: '1.25' }, { budgetEuro: 0.5, hours: 1.25 }],
		['empty amounts', { budgetEuro: '', hours: null }, { budgetEuro: null, hours: null }],
		['the highest budget', { budgetEuro: '1000000000' }, { budgetEuro: 1_000_000_000 }],
		['a checked follow-up box', { followUp: 'on' }, { followUp: true }],
		['management support', { managementSupport: 'no' }, { managementSupport: 'no' }],
		[
			'texts at their limits',
			{ title: 't'.repeat(200), ownerRole: 'r'.repeat(100), description: 'd'.repeat(4000) },
			{ title: 't'.repeat(200), ownerRole: 'r'.repeat(100), description: 'd'.repeat(4000) }
		]
	])('%s', (_name, change, expected) => {
		const result = validateMeasure({ ...form, ...change });
		expect(result).toEqual({ ok: true, value: { ...valid, ...expected } });
	});

	it.each<[string, Record<string, unknown>, Partial<Record<MeasureField, { key: string; params?: object }>>]>(
		[
			['a unit id that is no id', { unitId: 'CARE' }, { unitId: { key: 'measure.unitUnknown' } }],
			['a unit id that is not text', { unitId: 42 }, { unitId: { key: 'measure.unitUnknown' } }],
			[
				'no targets',
				{ targets: { dimensions: [], signals: [] } },
				{ targets: { key: 'measure.targetRequired' } }
			],
			['targets missing', { targets: undefined }, { targets: { key: 'measure.targetRequired' } }],
			['targets as a list', { targets: ['workload'] }, { targets: { key: 'measure.targetRequired' } }],
			[
				'an unknown signal',
				{ targets: { dimensions: [], signals: ['happiness'] } },
				{ targets: { key: 'measure.targetUnknown', params: { target: 'happiness' } } }
			],
			[
				'a dimension id that no instrument uses',
				{ targets: { dimensions: ['Work Load'], signals: [] } },
				{ targets: { key: 'measure.targetUnknown', params: { target: 'Work Load' } } }
			],
			[
				'targets that are not text',
				{ targets: { dimensions: [1], signals: [] } },
				{ targets: { key: 'measure.targetUnknown', params: { target: '?' } } }
			],
			['no title', { title: '   ' }, { title: { key: 'validation.required' } }],
			['a title that is not text', { title: ['a'] }, { title: { key: 'measure.notText' } }],
			[
				'a title too long',
				{ title: 't'.repeat(201) },
				{ title: { key: 'validation.tooLong', params: { max: 200 } } }
			],
			['an unknown domain', { domain: 'leadership' }, { domain: { key: 'measure.domain' } }],
			[
				'no prevention level',
				{ preventionLevel: '' },
				{ preventionLevel: { key: 'measure.preventionLevel' } }
			],
			[
				'an unknown application level',
				{ applicationLevel: 'team' },
				{ applicationLevel: { key: 'measure.applicationLevel' } }
			],
			[
				'an owner id that is no id',
				{ ownerUserId: 'jan@example.test' },
				{ ownerUserId: { key: 'measure.ownerUnknown' } }
			],
			[
				'an owner role too long',
				{ ownerRole: 'r'.repeat(101) },
				{ ownerRole: { key: 'validation.tooLong', params: { max: 100 } } }
			],
			['a start that is no date', { startsOn: '2027-02-30' }, { startsOn: { key: 'validation.date' } }],
			['no due date', { dueOn: '' }, { dueOn: { key: 'validation.required' } }],
			['a due date in another format', { dueOn: '31/03/2027' }, { dueOn: { key: 'validation.date' } }],
			['due before the start', { dueOn: '2027-01-09' }, { dueOn: { key: 'measure.dueBeforeStart' } }],
			['an unknown status', { status: 'late' }, { status: { key: 'measure.status' } }],
			[
				'dropped without a reason',
				{ status: 'dropped', droppedReason: ' ' },
				{ droppedReason: { key: 'measure.droppedReasonRequired' } }
			],
			[
				'dropped with a reason too long',
				{ status: 'dropped', droppedReason: 'r'.repeat(1001) },
				{ droppedReason: { key: 'validation.tooLong', params: { max: 1000 } } }
			],
			['a negative budget', { budgetEuro: '-5' }, { budgetEuro: { key: 'measure.amount' } }],
			['a negative number of hours', { hours: -1 }, { hours: { key: 'measure.amount' } }],
			['three decimals', { budgetEuro: '10.123' }, { budgetEuro: { key: 'measure.amount' } }],
			[
				'a budget with thousands separators',
				{ budgetEuro: '1.250,50' },
				{ budgetEuro: { key: 'measure.amount' } }
			],
			['a budget that is not a number', { budgetEuro: 'veel' }, { budgetEuro: { key: 'measure.amount' } }],
			['an infinite number of hours', { hours: Infinity }, { hours: { key: 'measure.amount' } }],
			['hours as a boolean', { hours: true }, { hours: { key: 'measure.amount' } }],
			[
				'a budget over the limit',
				{ budgetEuro: '1000000000.01' },
				{ budgetEuro: { key: 'validation.max', params: { max: 1_000_000_000 } } }
			],
			[
				'hours over the limit',
				{ hours: 100_001 },
				{ hours: { key: 'validation.max', params: { max: 100_000 } } }
			],
			[
				'a description too long',
				{ description: 'd'.repeat(4001) },
				{ description: { key: 'validation.tooLong', params: { max: 4000 } } }
			],
			['a perception that is not text', { perception: { a: 1 } }, { perception: { key: 'measure.notText' } }],
			[
				'an unknown management support',
				{ managementSupport: 'maybe' },
				{ managementSupport: { key: 'measure.managementSupport' } }
			],
			[
				'a follow-up that is neither yes nor no',
				{ followUp: 'perhaps' },
				{ followUp: { key: 'measure.followUp' } }
			]
		]
	)('refuses %s', (_name, change, problems) => {
		expect(validateMeasure({ ...form, ...change })).toEqual({ ok: false, problems });
	});

	it('names every problem at once, and throws on nothing', () => {
		const result = validateMeasure({});
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(Object.keys(result.problems).sort()).toEqual(
				['targets', 'title', 'domain', 'preventionLevel', 'applicationLevel', 'dueOn'].sort()
			);
		for (const junk of [null, 1, 'x', [], { toString: 1 }])
			expect(() => validateMeasure(Object.fromEntries(MEASURE_FIELDS.map((f) => [f, junk])))).not.toThrow();
	});
});

describe('validateNote', () => {
	const today = '2027-02-15';
	it.each<[string, Record<string, unknown>, ReturnType<typeof validateNote>]>([
		[
			'dated today when no date is given',
			{ text: ' Eerste overleg gehouden. ' },
			{ ok: true, value: { writtenOn: today, text: 'Eerste overleg gehouden.' } }
		],
		[
			'dated earlier',
			{ text: 'x', writtenOn: '2027-02-01' },
			{ ok: true, value: { writtenOn: '2027-02-01', text: 'x' } }
		],
		['dated today', { text: 'x', writtenOn: today }, { ok: true, value: { writtenOn: today, text: 'x' } }],
		['without text', { text: '' }, { ok: false, problems: { text: { key: 'validation.required' } } }],
		['text that is not text', { text: 5 }, { ok: false, problems: { text: { key: 'measure.notText' } } }],
		[
			'too long',
			{ text: 'x'.repeat(4001) },
			{ ok: false, problems: { text: { key: 'validation.tooLong', params: { max: 4000 } } } }
		],
		[
			'dated tomorrow',
			{ text: 'x', writtenOn: '2027-02-16' },
			{ ok: false, problems: { writtenOn: { key: 'measure.noteInFuture' } } }
		],
		[
			'dated wrongly',
			{ text: 'x', writtenOn: 'gisteren' },
			{ ok: false, problems: { writtenOn: { key: 'validation.date' } } }
		]
	])('%s', (_name, input, expected) => expect(validateNote(input, today)).toEqual(expected));
});

describe('measureFlags', () => {
	const today = '2027-04-01';
	it.each<[string, Partial<MeasureFields>, { overdue: boolean; noOwner: boolean }]>([
		['planned, due yesterday', { status: 'planned', dueOn: '2027-03-31' }, { overdue: true, noOwner: false }],
		[
			'in progress, due yesterday',
			{ status: 'in-progress', dueOn: '2027-03-31' },
			{ overdue: true, noOwner: false }
		],
		['planned, due today', { status: 'planned', dueOn: today }, { overdue: false, noOwner: false }],
		['planned, due later', { status: 'planned', dueOn: '2027-06-30' }, { overdue: false, noOwner: false }],
		['done late', { status: 'done', dueOn: '2027-01-01' }, { overdue: false, noOwner: false }],
		['dropped late', { status: 'dropped', dueOn: '2027-01-01' }, { overdue: false, noOwner: false }],
		['no person, no function', { ownerUserId: null, ownerRole: null }, { overdue: false, noOwner: true }],
		[
			'a function only',
			{ ownerUserId: null, ownerRole: 'Preventieadviseur' },
			{ overdue: false, noOwner: false }
		],
		['a person only', { ownerUserId: USER, ownerRole: null }, { overdue: false, noOwner: false }],
		[
			'late and without owner',
			{ dueOn: '2026-12-31', ownerUserId: null, ownerRole: null },
			{ overdue: true, noOwner: true }
		]
	])('%s', (_name, change, expected) => {
		expect(measureFlags({ ...valid, dueOn: '2027-06-30', ...change }, today)).toEqual(expected);
	});
});

describe('canManagerChange', () => {
	it.each<[MeasureField | 'note', boolean]>([
		['status', true],
		['droppedReason', true],
		['note', true],
		...MEASURE_FIELDS.filter((f) => f !== 'status' && f !== 'droppedReason').map(
			(f): [MeasureField, boolean] => [f, false]
		)
	])('%s: %s', (field, allowed) => expect(canManagerChange(field)).toBe(allowed));
});

describe('measureChanges', () => {
	it.each<[string, Partial<MeasureFields>, Partial<MeasureFields>, Partial<MeasureFields>]>([
		['nothing changed', {}, {}, {}],
		['targets in another order are the same', { targets: { dimensions: ['b', 'a'], signals: [] } }, {}, {}],
		[
			'status and reason',
			{ status: 'dropped', droppedReason: 'Geen budget' },
			{ status: 'planned', droppedReason: null },
			{ status: 'dropped', droppedReason: 'Geen budget' }
		],
		[
			'targets',
			{ targets: { dimensions: ['a'], signals: ['frequency'] } },
			{ targets: { dimensions: ['a', 'b'], signals: [] } },
			{ targets: { dimensions: ['a'], signals: ['frequency'] } }
		],
		['budget to nothing', { budgetEuro: null }, { budgetEuro: 1250.5 }, { budgetEuro: null }]
	])('%s', (_name, change, before, after) => {
		const base = { ...valid, targets: { dimensions: ['a', 'b'], signals: [] } };
		const result = measureChanges(base, { ...base, ...change });
		expect(result).toEqual({ fields: Object.keys(after), before, after });
	});
});

describe('ownerText', () => {
	const id = '11111111-1111-4111-8111-111111111111';
	it.each([
		{
			ownerUserId: id,
			ownerName: 'Lien Maes',
			ownerRole: 'HR business partner',
			text: 'Lien Maes (HR business partner)'
		},
		{ ownerUserId: id, ownerName: 'Lien Maes', ownerRole: null, text: 'Lien Maes' },
		{ ownerUserId: null, ownerName: null, ownerRole: 'HR business partner', text: 'HR business partner' },
		{ ownerUserId: id, ownerName: null, ownerRole: null, text: 'a member' },
		{ ownerUserId: id, ownerName: undefined, ownerRole: 'Directeur', text: 'a member (Directeur)' },
		// A name without an owning account is not an owner.
		{ ownerUserId: null, ownerName: 'Lien Maes', ownerRole: null, text: null },
		{ ownerUserId: null, ownerName: null, ownerRole: null, text: null }
	])('$ownerUserId / $ownerName / $ownerRole: $text', ({ text, ...measure }) => {
		expect(ownerText(measure, 'a member')).toBe(text);
	});
});
