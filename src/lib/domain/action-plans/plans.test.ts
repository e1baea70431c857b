import { describe, expect, it } from 'vitest';
import {
	belongsToPlan,
	isIdentifiedRisk,
	isLocked,
	periodOf,
	submittedLate,
	validatePlanStart,
	validateSections,
	validateStep,
	type PlanState,
	type PlanStatus
} from './plans';

const TODAY = '2026-12-04';

const draft: PlanState = {
	kind: 'annual',
	firstYear: 2027,
	lastYear: 2027,
	status: 'draft',
	submittedOn: null,
	adviceOn: null,
	adviceText: null,
	adoptedOn: null
};
const submitted: PlanState = { ...draft, status: 'submitted', submittedOn: '2026-10-20' };
const advised: PlanState = { ...submitted, status: 'advised', adviceOn: '2026-11-10', adviceText: 'Gunstig' };
const adopted: PlanState = { ...advised, status: 'adopted', adoptedOn: '2026-11-20' };

describe('periodOf', () => {
	it.each([
		['annual', 2027, 2027],
		['global', 2027, 2031]
	] as const)('a %s plan from %i runs to %i', (kind, first, last) => {
		expect(periodOf(kind, first)).toEqual({ firstYear: first, lastYear: last });
	});
});

describe('validatePlanStart', () => {
	it.each([
		[
			{ kind: 'annual', firstYear: '2027' },
			{ kind: 'annual', firstYear: 2027, lastYear: 2027 }
		],
		[
			{ kind: 'global', firstYear: ' 2026 ' },
			{ kind: 'global', firstYear: 2026, lastYear: 2030 }
		],
		[
			{ kind: 'global', firstYear: 2096 },
			{ kind: 'global', firstYear: 2096, lastYear: 2100 }
		]
	])('accepts %o', (input, value) => {
		expect(validatePlanStart(input)).toEqual({ ok: true, value });
	});
	it.each<[Record<string, unknown>, string, string]>([
		[{ kind: 'monthly', firstYear: '2027' }, 'kind', 'plan.kindRequired'],
		[{ firstYear: '2027' }, 'kind', 'plan.kindRequired'],
		[{ kind: 'annual', firstYear: '27' }, 'firstYear', 'plan.yearInvalid'],
		[{ kind: 'annual', firstYear: '1999' }, 'firstYear', 'plan.yearInvalid'],
		[{ kind: 'annual', firstYear: '2097' }, 'firstYear', 'plan.yearInvalid'],
		[{ kind: 'annual', firstYear: '2027.5' }, 'firstYear', 'plan.yearInvalid'],
		[{ kind: 'annual', firstYear: ['2027'] }, 'firstYear', 'plan.yearInvalid']
	])('refuses %o on %s', (input, field, key) => {
		expect(validatePlanStart(input)).toMatchObject({ ok: false, problems: { [field]: { key } } });
	});
});

describe('validateSections', () => {
	it('trims, keeps only the sections given, and stores an empty one as null', () => {
		expect(validateSections('annual', { objectives: '  Werkdruk verlagen ', means: '' })).toEqual({
			ok: true,
			value: { objectives: 'Werkdruk verlagen', means: null }
		});
	});
	it.each<[Parameters<typeof validateSections>[0], Record<string, unknown>, string, string]>([
		['annual', { riskAnalysis: 'x' }, 'riskAnalysis', 'plan.sectionNotOfKind'],
		['global', { globalChanges: 'x' }, 'globalChanges', 'plan.sectionNotOfKind'],
		['global', { objectives: 'x'.repeat(20_001) }, 'objectives', 'plan.sectionTooLong'],
		['annual', { roles: 3 }, 'roles', 'plan.sectionInvalid']
	])('a %s plan refuses %o', (kind, input, field, key) => {
		expect(validateSections(kind, input)).toMatchObject({ ok: false, problems: { [field]: { key } } });
	});
	it('accepts an empty section of another kind (a form may send every field)', () => {
		expect(validateSections('annual', { riskAnalysis: '', objectives: 'x' })).toEqual({
			ok: true,
			value: { objectives: 'x' }
		});
	});
});

describe('isLocked', () => {
	it.each<[PlanStatus, boolean]>([
		['draft', false],
		['submitted', true],
		['advised', true],
		['adopted', true]
	])('%s: locked %s', (status, locked) => {
		expect(isLocked({ status })).toBe(locked);
	});
});

describe('validateStep', () => {
	it.each<[PlanState, string, Record<string, unknown>, unknown]>([
		[draft, 'submitted', { submittedOn: '2026-10-20' }, { status: 'submitted', submittedOn: '2026-10-20' }],
		[draft, 'submitted', { submittedOn: TODAY }, { status: 'submitted', submittedOn: TODAY }],
		[
			submitted,
			'advised',
			{ adviceOn: '2026-10-20', adviceText: ' Gunstig advies ' },
			{ status: 'advised', adviceOn: '2026-10-20', adviceText: 'Gunstig advies' }
		],
		[advised, 'adopted', { adoptedOn: '2026-11-10' }, { status: 'adopted', adoptedOn: '2026-11-10' }]
	])('from %o takes the step to %s', (plan, step, input, value) => {
		expect(validateStep(plan, step, input, TODAY)).toEqual({ ok: true, value });
	});
	it.each<[string, PlanState, string, Record<string, unknown>, string, string]>([
		['skips a step', draft, 'advised', { adviceOn: TODAY, adviceText: 'x' }, 'status', 'plan.stepNotAllowed'],
		['goes back', advised, 'submitted', { submittedOn: TODAY }, 'status', 'plan.stepNotAllowed'],
		['goes past adopted', adopted, 'adopted', { adoptedOn: TODAY }, 'status', 'plan.stepNotAllowed'],
		['repeats a step', submitted, 'submitted', { submittedOn: TODAY }, 'status', 'plan.stepNotAllowed'],
		['has no date', draft, 'submitted', {}, 'submittedOn', 'plan.dateRequired'],
		[
			'has no real date',
			draft,
			'submitted',
			{ submittedOn: '2026-02-30' },
			'submittedOn',
			'plan.dateRequired'
		],
		[
			'is dated after today',
			draft,
			'submitted',
			{ submittedOn: '2026-12-05' },
			'submittedOn',
			'plan.dateInFuture'
		],
		[
			'has advice before the submission',
			submitted,
			'advised',
			{ adviceOn: '2026-10-19', adviceText: 'x' },
			'adviceOn',
			'plan.adviceBeforeSubmission'
		],
		[
			'has advice without text',
			submitted,
			'advised',
			{ adviceOn: TODAY, adviceText: '  ' },
			'adviceText',
			'plan.adviceTextRequired'
		],
		[
			'is adopted before the advice',
			advised,
			'adopted',
			{ adoptedOn: '2026-11-09' },
			'adoptedOn',
			'plan.adoptedBeforeAdvice'
		]
	])('refuses a step that %s', (_what, plan, step, input, field, key) => {
		expect(validateStep(plan, step, input, TODAY)).toMatchObject({
			ok: false,
			problems: { [field]: { key } }
		});
	});
});

describe('submittedLate', () => {
	it.each<[Partial<PlanState>, boolean]>([
		[{ submittedOn: '2026-11-01' }, false],
		[{ submittedOn: '2026-11-02' }, true],
		[{ submittedOn: '2026-03-01' }, false],
		[{ submittedOn: null }, false],
		[{ kind: 'global', lastYear: 2031, submittedOn: '2026-12-01' }, false]
	])('an annual plan for 2027 with %o is late: %s', (change, late) => {
		expect(submittedLate({ ...draft, ...change })).toBe(late);
	});
});

describe('belongsToPlan', () => {
	const year = { firstYear: 2027, lastYear: 2027 };
	const fiveYears = { firstYear: 2027, lastYear: 2031 };
	it.each<[string, { startsOn: string | null; dueOn: string }, typeof year, boolean]>([
		['due in the year', { startsOn: null, dueOn: '2027-06-30' }, year, true],
		['due on its first day', { startsOn: null, dueOn: '2027-01-01' }, year, true],
		['due on its last day', { startsOn: null, dueOn: '2027-12-31' }, year, true],
		['due the year before', { startsOn: null, dueOn: '2026-12-31' }, year, false],
		['due the year after, not started', { startsOn: null, dueOn: '2028-01-01' }, year, false],
		['active across the year', { startsOn: '2026-09-01', dueOn: '2028-03-31' }, year, true],
		['started in the year, due after it', { startsOn: '2027-12-31', dueOn: '2028-03-31' }, year, true],
		['starts after the year', { startsOn: '2028-01-01', dueOn: '2028-03-31' }, year, false],
		['due in the fourth year of five', { startsOn: null, dueOn: '2030-05-01' }, fiveYears, true],
		['due after the five years', { startsOn: null, dueOn: '2032-01-01' }, fiveYears, false]
	])('a measure %s: %s', (_what, measure, period, belongs) => {
		expect(belongsToPlan(measure, period)).toBe(belongs);
	});
});

describe('isIdentifiedRisk', () => {
	it.each([
		[{ orange: 0.2, red: 0.2 }, true],
		[{ orange: 0.1, red: 0.29 }, false],
		[{ orange: 0, red: 0.5 }, true],
		[{ orange: 0, red: 0 }, false]
	])('%o: %s', (figure, risk) => {
		expect(isIdentifiedRisk(figure)).toBe(risk);
	});
});
