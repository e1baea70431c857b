import { INDICATORS, type IndicatorId } from '../signals/registry';
import type { Problem } from '../validation';
import type { MeasureTargets } from './types';

/**
 * What a measure and a catalogue entry check alike: text as typed, their targets, and which fields
 * an update changed. Pure.
 */

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);

/** Text as typed, trimmed; '' when missing; undefined when not text at all. */
export function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value.trim() : undefined;
}

/** A list of strings from an array or a single string, trimmed, empties and repeats dropped. */
function stringList(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return [];
	const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
	if (!items || !items.every((i) => typeof i === 'string')) return undefined;
	return [...new Set((items as string[]).map((i) => i.trim()).filter(Boolean))];
}

/**
 * Targets as a form or a stored row gives them: at least one, each a dimension `isDimension`
 * accepts or a signal indicator. Either the targets or the problem.
 */
export function validateTargets(
	raw: unknown,
	isDimension: (id: string) => boolean
): { ok: true; value: MeasureTargets } | { ok: false; problem: Problem } {
	if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw)))
		return { ok: false, problem: { key: 'measure.targetRequired' } };
	const t = (raw ?? {}) as Record<string, unknown>;
	const dimensions = stringList(t.dimensions);
	const signals = stringList(t.signals);
	const unknown = [
		...(dimensions ?? ['?']).filter((d) => !isDimension(d)),
		...(signals ?? ['?']).filter((s) => !isOneOf(INDICATORS, s))
	];
	if (unknown.length)
		return { ok: false, problem: { key: 'measure.targetUnknown', params: { target: unknown.join(', ') } } };
	if (!dimensions!.length && !signals!.length)
		return { ok: false, problem: { key: 'measure.targetRequired' } };
	return { ok: true, value: { dimensions: dimensions!, signals: signals as IndicatorId[] } };
}

function same(a: unknown, b: unknown): boolean {
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		// Targets: the same whatever their order.
		const key = (t: MeasureTargets) => JSON.stringify([[...t.dimensions].sort(), [...t.signals].sort()]);
		return key(a as MeasureTargets) === key(b as MeasureTargets);
	}
	return a === b;
}

/** Of `fields`, those that differ, with their old and new values (what an audit entry records). */
export function fieldChanges<T extends object>(
	fields: readonly (keyof T)[],
	before: T,
	after: T
): { fields: (keyof T)[]; before: Partial<T>; after: Partial<T> } {
	const changed = fields.filter((f) => !same(before[f], after[f]));
	const pick = (row: T) => Object.fromEntries(changed.map((f) => [f, row[f]])) as Partial<T>;
	return { fields: changed, before: pick(before), after: pick(after) };
}
