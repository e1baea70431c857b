import type { FieldProblems, Validated } from '../validation';
import { isIsoDate } from '../waves';
import {
	APPLICATION_LEVELS,
	MEASURE_STATUSES,
	PREVENTION_LEVELS,
	type ApplicationLevel,
	type MeasureStatus,
	type MeasureTargets,
	type PreventionLevel,
	type RiskDomain
} from './types';
import { RISK_DOMAINS } from '../../instruments/types';
import { isUuid } from '../validation';
import { fieldChanges, isOneOf, text, validateTargets } from './fields';

/**
 * The rules of a measure of an action plan: what a valid one holds, when it needs attention, and
 * what a manager may change of it. Pure: the service (server/action-plans/service.ts) checks what
 * needs the database (the unit exists, the owner is a member) and who may do what.
 */

/** After implementation: did management back the measure? */
export const MANAGEMENT_SUPPORT = ['yes', 'partly', 'no'] as const;
export type ManagementSupport = (typeof MANAGEMENT_SUPPORT)[number];

export interface MeasureFields {
	/** The unit the measure is for; null: the organisation as a whole. */
	unitId: string | null;
	targets: MeasureTargets;
	title: string;
	domain: RiskDomain;
	preventionLevel: PreventionLevel;
	applicationLevel: ApplicationLevel;
	/** The member who carries the measure, or null. */
	ownerUserId: string | null;
	/** Who carries it as a function ('HR business partner'), or null. */
	ownerRole: string | null;
	startsOn: string | null;
	dueOn: string;
	status: MeasureStatus;
	/** Why the measure was dropped: set exactly when the status is 'dropped'. */
	droppedReason: string | null;
	budgetEuro: number | null;
	hours: number | null;
	description: string | null;
	/** After implementation: how it went. */
	implementation: string | null;
	/** After implementation: how the people concerned perceived it. */
	perception: string | null;
	managementSupport: ManagementSupport | null;
	/** After implementation: does it need a follow-up? */
	followUp: boolean;
}

export type MeasureField = keyof MeasureFields;

/** Every field of a measure, in the order a form shows them. */
export const MEASURE_FIELDS: readonly MeasureField[] = [
	'unitId',
	'targets',
	'title',
	'domain',
	'preventionLevel',
	'applicationLevel',
	'ownerUserId',
	'ownerRole',
	'startsOn',
	'dueOn',
	'status',
	'droppedReason',
	'budgetEuro',
	'hours',
	'description',
	'implementation',
	'perception',
	'managementSupport',
	'followUp'
];

export const MEASURE_LIMITS = {
	title: 200,
	ownerRole: 100,
	droppedReason: 1000,
	description: 4000,
	implementation: 4000,
	perception: 4000,
	note: 4000,
	budgetEuro: 1_000_000_000,
	hours: 100_000
} as const;

/** A dimension or work factor of an instrument, as instruments name them. */
const DIMENSION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** A non-negative amount with at most two decimals; a decimal comma is read as a point. */
const AMOUNT = /^\d{1,12}(?:[.,]\d{1,2})?$/;

/** An optional amount: null when empty, undefined when not a valid one. */
function amount(value: unknown): number | null | undefined {
	if (value === undefined || value === null || value === '') return null;
	const raw = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : undefined) : value;
	if (typeof raw !== 'string') return undefined;
	const trimmed = raw.trim();
	if (!trimmed) return null;
	return AMOUNT.test(trimmed) ? Number(trimmed.replace(',', '.')) : undefined;
}

/** A yes/no value from a boolean or a form's text; undefined when it is neither. */
function yesNo(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === undefined || value === null || value === '' || value === 'false' || value === 'off')
		return false;
	if (value === 'true' || value === 'on') return true;
	return undefined;
}

/**
 * Checks a measure as a form or a stored measure gives it (text from a form; numbers, booleans
 * and null as stored): every problem at once, keyed by field, nothing thrown. A stored measure
 * passes unchanged, so an update can lay its input over the stored fields and check the whole.
 */
export function validateMeasure(input: Record<string, unknown>): Validated<MeasureFields> {
	const problems: FieldProblems = {};

	const unitText = text(input.unitId);
	if (unitText === undefined || (unitText !== '' && !isUuid(unitText)))
		problems.unitId = { key: 'measure.unitUnknown' };
	const unitId = unitText ? unitText.toLowerCase() : null;

	const targets = validateTargets(input.targets, (id) => DIMENSION_ID.test(id));
	if (!targets.ok) problems.targets = targets.problem;

	const title = text(input.title);
	if (title === undefined) problems.title = { key: 'measure.notText' };
	else if (!title) problems.title = { key: 'validation.required' };
	else if (title.length > MEASURE_LIMITS.title)
		problems.title = { key: 'validation.tooLong', params: { max: MEASURE_LIMITS.title } };

	if (!isOneOf(RISK_DOMAINS, input.domain)) problems.domain = { key: 'measure.domain' };
	if (!isOneOf(PREVENTION_LEVELS, input.preventionLevel))
		problems.preventionLevel = { key: 'measure.preventionLevel' };
	if (!isOneOf(APPLICATION_LEVELS, input.applicationLevel))
		problems.applicationLevel = { key: 'measure.applicationLevel' };

	const ownerText = text(input.ownerUserId);
	if (ownerText === undefined || (ownerText !== '' && !isUuid(ownerText)))
		problems.ownerUserId = { key: 'measure.ownerUnknown' };
	const ownerRole = text(input.ownerRole);
	if (ownerRole === undefined) problems.ownerRole = { key: 'measure.notText' };
	else if (ownerRole.length > MEASURE_LIMITS.ownerRole)
		problems.ownerRole = { key: 'validation.tooLong', params: { max: MEASURE_LIMITS.ownerRole } };

	const startsText = text(input.startsOn);
	if (startsText === undefined || (startsText !== '' && !isIsoDate(startsText)))
		problems.startsOn = { key: 'validation.date' };
	const dueOn = text(input.dueOn);
	if (!dueOn) problems.dueOn = { key: 'validation.required' };
	else if (!isIsoDate(dueOn)) problems.dueOn = { key: 'validation.date' };
	else if (startsText && isIsoDate(startsText) && dueOn < startsText)
		problems.dueOn = { key: 'measure.dueBeforeStart' };

	const statusText = text(input.status);
	const status = statusText === '' ? 'planned' : statusText;
	if (!isOneOf(MEASURE_STATUSES, status)) problems.status = { key: 'measure.status' };
	// The reason belongs to a dropped measure only; another status leaves it behind.
	const reason = text(input.droppedReason);
	if (status === 'dropped') {
		if (reason === undefined) problems.droppedReason = { key: 'measure.notText' };
		else if (!reason) problems.droppedReason = { key: 'measure.droppedReasonRequired' };
		else if (reason.length > MEASURE_LIMITS.droppedReason)
			problems.droppedReason = { key: 'validation.tooLong', params: { max: MEASURE_LIMITS.droppedReason } };
	}

	const budgetEuro = amount(input.budgetEuro);
	if (budgetEuro === undefined) problems.budgetEuro = { key: 'measure.amount' };
	else if (budgetEuro !== null && budgetEuro > MEASURE_LIMITS.budgetEuro)
		problems.budgetEuro = { key: 'validation.max', params: { max: MEASURE_LIMITS.budgetEuro } };
	const hours = amount(input.hours);
	if (hours === undefined) problems.hours = { key: 'measure.amount' };
	else if (hours !== null && hours > MEASURE_LIMITS.hours)
		problems.hours = { key: 'validation.max', params: { max: MEASURE_LIMITS.hours } };

	const long: Record<'description' | 'implementation' | 'perception', string | null> = {
		description: null,
		implementation: null,
		perception: null
	};
	for (const field of ['description', 'implementation', 'perception'] as const) {
		const value = text(input[field]);
		if (value === undefined) problems[field] = { key: 'measure.notText' };
		else if (value.length > MEASURE_LIMITS[field])
			problems[field] = { key: 'validation.tooLong', params: { max: MEASURE_LIMITS[field] } };
		else long[field] = value || null;
	}

	const supportText = text(input.managementSupport);
	if (supportText === undefined || (supportText !== '' && !isOneOf(MANAGEMENT_SUPPORT, supportText)))
		problems.managementSupport = { key: 'measure.managementSupport' };
	const followUp = yesNo(input.followUp);
	if (followUp === undefined) problems.followUp = { key: 'measure.followUp' };

	if (Object.keys(problems).length) return { ok: false, problems };
	return {
		ok: true,
		value: {
			unitId,
			targets: targets.ok ? targets.value : { dimensions: [], signals: [] },
			title: title!,
			domain: input.domain as RiskDomain,
			preventionLevel: input.preventionLevel as PreventionLevel,
			applicationLevel: input.applicationLevel as ApplicationLevel,
			ownerUserId: ownerText ? ownerText.toLowerCase() : null,
			ownerRole: ownerRole || null,
			startsOn: startsText || null,
			dueOn: dueOn!,
			status: status as MeasureStatus,
			droppedReason: status === 'dropped' ? reason! : null,
			budgetEuro: budgetEuro ?? null,
			hours: hours ?? null,
			description: long.description,
			implementation: long.implementation,
			perception: long.perception,
			managementSupport: (supportText || null) as ManagementSupport | null,
			followUp: followUp!
		}
	};
}

export interface MeasureNote {
	writtenOn: string;
	text: string;
}

/** A note on a measure's progress: dated today unless told otherwise, never later than today. */
export function validateNote(input: Record<string, unknown>, today: string): Validated<MeasureNote> {
	const problems: FieldProblems = {};
	const note = text(input.text);
	if (note === undefined) problems.text = { key: 'measure.notText' };
	else if (!note) problems.text = { key: 'validation.required' };
	else if (note.length > MEASURE_LIMITS.note)
		problems.text = { key: 'validation.tooLong', params: { max: MEASURE_LIMITS.note } };
	const written = text(input.writtenOn);
	const writtenOn = written === '' ? today : written;
	if (!isIsoDate(writtenOn)) problems.writtenOn = { key: 'validation.date' };
	else if (writtenOn > today) problems.writtenOn = { key: 'measure.noteInFuture' };
	if (Object.keys(problems).length) return { ok: false, problems };
	return { ok: true, value: { writtenOn: writtenOn!, text: note! } };
}

export interface MeasureFlags {
	/** Due before today and still planned or in progress. */
	overdue: boolean;
	/** Neither a person nor a function carries it. */
	noOwner: boolean;
}

export function measureFlags(
	measure: Pick<MeasureFields, 'dueOn' | 'status' | 'ownerUserId' | 'ownerRole'>,
	today: string
): MeasureFlags {
	return {
		overdue: measure.dueOn < today && (measure.status === 'planned' || measure.status === 'in-progress'),
		noOwner: !measure.ownerUserId && !measure.ownerRole
	};
}

/** What a manager may do to a measure of their own subtree: move its status along and add notes. */
const MANAGER_CHANGES: ReadonlySet<MeasureField | 'note'> = new Set(['status', 'droppedReason', 'note']);

export function canManagerChange(field: MeasureField | 'note'): boolean {
	return MANAGER_CHANGES.has(field);
}

/** The fields that differ, with their old and new values (what an audit entry records). */
export function measureChanges(
	before: MeasureFields,
	after: MeasureFields
): { fields: MeasureField[]; before: Partial<MeasureFields>; after: Partial<MeasureFields> } {
	return fieldChanges(MEASURE_FIELDS, before, after);
}

/**
 * Who carries a measure, in one line: the member's name and the function ("Lien Maes (HR business
 * partner)"), either one alone, `member` for an owning account whose name is not known (any more),
 * or null without an owner.
 */
export function ownerText(
	measure: { ownerUserId: string | null; ownerName?: string | null; ownerRole: string | null },
	member: string
): string | null {
	const person = measure.ownerUserId === null ? null : (measure.ownerName ?? member);
	if (person && measure.ownerRole) return `${person} (${measure.ownerRole})`;
	return person ?? measure.ownerRole;
}
