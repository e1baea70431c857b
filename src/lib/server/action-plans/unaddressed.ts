import type { Kysely } from 'kysely';
import type { WarningMessage } from '../../domain/early-warning';
import { formatMonth } from '../../domain/signals/calendar';
import { isoMonth } from '../../domain/signals/parse';
import { INDICATORS } from '../../domain/signals/registry';
import { pathToRoot } from '../../domain/units';
import { dimensionsOf } from '../../instruments';
import type { Localised } from '../../instruments/types';
import type { Actor } from '../access';
import { attentionList } from '../analytics/attention';
import { ensureWaveSummaries } from '../analytics/summaries';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import { findMeasures, type MeasureRecord } from './queries';

/**
 * "Not yet addressed" (docs/action-plans.md): a finding of the attention list (a unit and a
 * dimension, work factor or signal, which only exists when its figures passed the gate) that no
 * measure takes up, flagged for at least UNADDRESSED_AFTER_DAYS days.
 */

/** Days a finding may stay without a measure before it is listed. The one place this number lives. */
export const UNADDRESSED_AFTER_DAYS = 60;

export interface UnaddressedFinding {
	unitId: string;
	name: string;
	code: string;
	kind: 'dimension' | 'signal';
	/** A dimension or work factor id, or a signal indicator id: what a measure would target. */
	target: string;
	/** The day the finding was first flagged: the close of the first wave of its run, or the day after its first month. */
	since: string;
	/** The strongest reason about this target, to render as the attention list does. */
	message: WarningMessage;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
	return Math.round(dayNumber(to) - dayNumber(from));
}

/** How many waves or months in a row the reason reports (its persistence detail), at least 1. */
function runLength(message: WarningMessage): number {
	const detail = message.detail;
	if (!detail) return 1;
	const count = detail.params.count;
	const inARow = [
		'warning.persistence.run',
		'warning.persistence.wavesWorse',
		'warning.persistence.wavesWorseThanOrganisation'
	];
	return inARow.includes(detail.key) && typeof count === 'number' && count >= 1 ? count : 1;
}

/**
 * The day a reason was first flagged. A survey reason: the closing date of the first wave of its
 * run (`waveCloses`: the closing dates of the waves it compares, newest first). A signal reason:
 * the first day after the first month of its run of months above the band (a month's figures
 * exist only once it is over).
 */
export function flaggedSince(
	kind: 'dimension' | 'signal',
	message: WarningMessage,
	context: { waveCloses: readonly string[]; month: string | null }
): string | null {
	const run = runLength(message);
	if (kind === 'dimension') return context.waveCloses[Math.min(run, context.waveCloses.length) - 1] ?? null;
	if (!context.month) return null;
	return `${formatMonth(isoMonth(context.month) - run + 2)}-01`;
}

/**
 * A finding is taken up by a measure that is not dropped, for its unit, a unit above it or the
 * whole organisation, aimed at the same target, and not finished before the finding was flagged
 * (done with a due date before `since`: that measure is evaluated, not a new answer).
 */
export function isAddressed(
	finding: { path: readonly string[]; target: string; since: string },
	measures: readonly Pick<MeasureRecord, 'unitId' | 'status' | 'dueOn' | 'targets'>[]
): boolean {
	return measures.some(
		(m) =>
			m.status !== 'dropped' &&
			!(m.status === 'done' && m.dueOn < finding.since) &&
			(m.unitId === null || finding.path.includes(m.unitId)) &&
			(m.targets.dimensions.includes(finding.target) ||
				(m.targets.signals as readonly string[]).includes(finding.target))
	);
}

export interface UnaddressedList {
	days: number;
	findings: UnaddressedFinding[];
	/** Names of the dimensions, per language, for the messages. */
	dimensionNames: Record<string, Localised>;
}

/**
 * The findings the actor may see (the attention list within their scope, through the gate) that
 * no measure takes up after UNADDRESSED_AFTER_DAYS days, most attention first. Whether a measure
 * takes one up is decided on every measure of the organisation, also those the actor does not see
 * (a manager's finding may be taken up by a measure for the whole organisation).
 */
export async function unaddressedFindings(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string } = {}
): Promise<UnaddressedList> {
	const today = options.today ?? todayInBelgium();
	const list = await attentionList(db, actor, organisationId, { today });
	const [closed, units, measures] = await Promise.all([
		ensureWaveSummaries(db, organisationId, today),
		findUnits(db, organisationId),
		findMeasures(db, organisationId, { unitIds: null, organisationLevel: true })
	]);
	// The waves the survey reasons compare: the latest and those before it that asked the same.
	const latest = closed[0];
	const same = (w: (typeof closed)[number]) =>
		latest &&
		dimensionsOf(w.definition, w.include_module)
			.map((d) => d.id)
			.join() ===
			dimensionsOf(latest.definition, latest.include_module)
				.map((d) => d.id)
				.join();
	const waveCloses = closed.filter(same).map((w) => w.closes_on);
	const signals = new Set<string>(INDICATORS);
	const findings: UnaddressedFinding[] = [];
	for (const item of list.items) {
		const path = pathToRoot(units, item.unitId);
		// One finding per target: its strongest reason's message, flagged since the earliest of its reasons.
		const byTarget = new Map<string, { message: WarningMessage; since: string }>();
		for (const reason of item.reasons) {
			const kind = signals.has(reason.target) ? 'signal' : 'dimension';
			const since = flaggedSince(kind, reason.message, { waveCloses, month: list.month });
			if (!since) continue;
			const kept = byTarget.get(reason.target);
			if (!kept) byTarget.set(reason.target, { message: reason.message, since });
			else if (since < kept.since) kept.since = since;
		}
		for (const [target, { message, since }] of byTarget) {
			if (daysBetween(since, today) < UNADDRESSED_AFTER_DAYS) continue;
			if (isAddressed({ path, target, since }, measures)) continue;
			const kind = signals.has(target) ? 'signal' : 'dimension';
			findings.push({ unitId: item.unitId, name: item.name, code: item.code, kind, target, since, message });
		}
	}
	return { days: UNADDRESSED_AFTER_DAYS, findings, dimensionNames: list.dimensionNames };
}
