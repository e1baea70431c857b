import { error } from '@sveltejs/kit';
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
	PERCEPTION_ANSWERS,
	isPerceptionCandidate,
	perceptionFigure,
	previousClose,
	type PerceptionShares
} from '../../domain/action-plans/perception';
import { suppressed, type Disclosed } from '../../domain/anonymity';
import { pathToRoot, subtreeIds, type UnitNode } from '../../domain/units';
import { ValidationError, isUuid } from '../../domain/validation';
import { waveStatus, type WaveStatus } from '../../domain/waves';
import { authorize, type Actor } from '../access';
import { ORGANISATION_ROOT } from '../analytics/common';
import { ensureWaveSummaries } from '../analytics/summaries';
import { closedWaveResults, overfullUnits } from '../analytics/wave-results';
import { readingReleased, releaseWaves } from '../analytics/wave-release';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import { findMeasure } from './queries';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Perception in the barometer (docs/action-plans.md, "Perception in the barometer"; rules in
 * domain/action-plans/perception.ts). A wave keeps the measures it asks about in `wave_measure`.
 * The answers travel sealed with the response while the wave is open and are written to
 * `perception_answer` when it closes, in random order (barometer/sealed.ts). This module reads
 * them only for a closed wave, through the wave's released plan of respondents: it is a part of
 * the analytics gate, and the only reader of `perception_answer`.
 */

export interface PerceptionCandidate {
	id: string;
	title: string;
	/** Null: the organisation as a whole. */
	unitId: string | null;
	changedOn: string;
}

/** A measure a wave asks about, as the respondent sees it. */
export interface WaveMeasure {
	measureId: string;
	title: string;
	unitId: string | null;
}

/**
 * The closing day of the organisation's previous closed wave. A wave closed by hand before its
 * closing date closed on the day it was summarised (its answers mixed), not on that date.
 */
async function previousCloseOf(db: Db, organisationId: string, today: string): Promise<string | null> {
	const waves = await db
		.selectFrom('wave')
		.select(['opens_on', 'closes_on', 'closed', 'summarised_at'])
		.where('organisation_id', '=', organisationId)
		.execute();
	return previousClose(
		waves.map((w) => {
			const summarisedOn = w.summarised_at ? todayInBelgium(new Date(w.summarised_at)) : null;
			return {
				closesOn: summarisedOn && summarisedOn < w.closes_on ? summarisedOn : w.closes_on,
				status: waveStatus({ opensOn: w.opens_on, closesOn: w.closes_on, closed: w.closed }, today)
			};
		})
	);
}

/**
 * The done measures a new wave may ask about, whatever units it will cover (the form's units are
 * chosen beside them; `chooseWaveMeasures` checks the pair): done and changed on or after the closing
 * day of the previous closed wave. `since` is that day, null when no wave has closed yet.
 */
export async function perceptionCandidates(
	db: Db,
	organisationId: string,
	today: string
): Promise<{ since: string | null; measures: PerceptionCandidate[] }> {
	const [since, rows, units] = await Promise.all([
		previousCloseOf(db, organisationId, today),
		db
			.selectFrom('measure')
			.select(['id', 'title', 'unit_id', 'status', 'updated_at'])
			.where('organisation_id', '=', organisationId)
			.where('status', '=', 'done')
			.orderBy('title')
			.orderBy('id')
			.execute(),
		findUnits(db, organisationId)
	]);
	const everyUnit = new Set(units.map((u) => u.id));
	const measures = rows
		.map((r) => ({ id: r.id, title: r.title, unitId: r.unit_id, changedOn: todayInBelgium(r.updated_at) }))
		.filter((m) => isPerceptionCandidate({ ...m, status: 'done' }, { since, waveUnitIds: everyUnit, units }));
	return { since, measures };
}

/**
 * The measures a new wave asks about, checked: each must be a candidate of the organisation (done,
 * since the previous closed wave). A ticked measure that nobody of the wave's units could answer
 * (its unit is not covered by the wave) is left out rather than refused: the form ticks every
 * candidate, whatever units are chosen beside them. Anything else refuses the whole choice with one
 * message.
 */
export async function chooseWaveMeasures(
	db: Db,
	organisationId: string,
	measureIds: readonly string[],
	waveUnitIds: readonly string[],
	today: string
): Promise<WaveMeasure[]> {
	if (measureIds.length === 0) return [];
	const refuse = () => new ValidationError({ measureIds: { key: 'perception.notCandidate' } });
	if (new Set(measureIds).size !== measureIds.length || !measureIds.every(isUuid)) throw refuse();
	const [since, rows, units] = await Promise.all([
		previousCloseOf(db, organisationId, today),
		db
			.selectFrom('measure')
			.select(['id', 'title', 'unit_id', 'status', 'updated_at'])
			.where('organisation_id', '=', organisationId)
			.where('id', 'in', measureIds)
			.execute(),
		findUnits(db, organisationId)
	]);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const everyUnit = new Set(units.map((u) => u.id));
	const waveUnits = new Set(waveUnitIds);
	const chosen: WaveMeasure[] = [];
	for (const id of measureIds) {
		const row = byId.get(id);
		if (!row) throw refuse();
		const measure = { status: row.status, unitId: row.unit_id, changedOn: todayInBelgium(row.updated_at) };
		if (!isPerceptionCandidate(measure, { since, waveUnitIds: everyUnit, units })) throw refuse();
		if (isPerceptionCandidate(measure, { since, waveUnitIds: waveUnits, units }))
			chosen.push({ measureId: row.id, title: row.title, unitId: row.unit_id });
	}
	return chosen;
}

/** Stores the measures a wave asks about, in the given order, with their title and unit as now. */
export async function insertWaveMeasures(
	trx: Db,
	organisationId: string,
	waveId: string,
	measures: readonly WaveMeasure[]
): Promise<void> {
	if (measures.length === 0) return;
	await trx
		.insertInto('wave_measure')
		.values(
			measures.map((m, i) => ({
				organisation_id: organisationId,
				wave_id: waveId,
				measure_id: m.measureId,
				position: i + 1,
				title: m.title,
				unit_id: m.unitId
			}))
		)
		.execute();
}

/** The measures a wave asks about, in order. */
export async function findWaveMeasures(
	db: Db,
	organisationId: string,
	waveId: string
): Promise<WaveMeasure[]> {
	const rows = await db
		.selectFrom('wave_measure')
		.select(['measure_id', 'title', 'unit_id'])
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.orderBy('position')
		.execute();
	return rows.map((r) => ({ measureId: r.measure_id, title: r.title, unitId: r.unit_id }));
}

export type PerceptionWave = {
	waveId: string;
	waveName: string;
	closesOn: string;
	/** The wave's k. */
	k: number;
} & (
	| { status: Exclude<WaveStatus, 'closed'>; figure: null }
	| { status: 'closed'; figure: Disclosed<PerceptionShares> }
);

/**
 * What the barometer's respondents said of a measure, per wave that asked about it (newest first),
 * for whoever may see the measure (404 otherwise). A wave that still takes answers (or has not
 * opened) shows nothing. For a closed wave, the figure of the measure's unit (as it was when the
 * wave was created) goes through the wave's plan of respondents, which is released by this reading
 * if it was not yet (docs/anonymity.md, "Releases"): shown only when the plan shows that unit and
 * at least k answered (`perceptionFigure`). Answers of a unit left out of the wave for having more
 * link answers than staff count nowhere, as in every other figure of the wave.
 */
export async function perceptionOf(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	measureId: string,
	today: string = todayInBelgium()
): Promise<PerceptionWave[]> {
	if (!isUuid(measureId)) error(404, 'error.notFound');
	const measure = await findMeasure(db, organisationId, measureId);
	if (!measure) error(404, 'error.notFound');
	const units = await findUnits(db, organisationId);
	authorize(actor, 'measure.view', {
		organisationId,
		unitPath: measure.unitId ? pathToRoot(units, measure.unitId) : []
	});
	const asked = await db
		.selectFrom('wave_measure as wm')
		.innerJoin('wave as w', (j) =>
			j.onRef('w.organisation_id', '=', 'wm.organisation_id').onRef('w.id', '=', 'wm.wave_id')
		)
		.select(['w.id', 'w.name', 'w.opens_on', 'w.closes_on', 'w.closed', 'w.min_group_size', 'wm.unit_id'])
		.where('wm.organisation_id', '=', organisationId)
		.where('wm.measure_id', '=', measureId)
		.orderBy('w.closes_on', 'desc')
		.orderBy('w.id')
		.execute();
	if (asked.length === 0) return [];
	const statusOf = (w: (typeof asked)[number]) =>
		waveStatus({ opensOn: w.opens_on, closesOn: w.closes_on, closed: w.closed }, today);
	const figures = asked.some((w) => statusOf(w) === 'closed')
		? await closedFigures(db, organisationId, measureId, today)
		: new Map<string, Disclosed<PerceptionShares>>();
	return asked.map((w) => {
		const base = { waveId: w.id, waveName: w.name, closesOn: w.closes_on, k: w.min_group_size };
		const status = statusOf(w);
		if (status !== 'closed') return { ...base, status, figure: null };
		// A wave closed by its date is summarised on the read above; one that is not known there has no figure.
		return { ...base, status, figure: figures.get(w.id) ?? suppressed('no-data') };
	});
}

/** The figure of each closed wave that asked about the measure, released with the wave's plan. */
async function closedFigures(
	db: Kysely<Database>,
	organisationId: string,
	measureId: string,
	today: string
): Promise<Map<string, Disclosed<PerceptionShares>>> {
	return readingReleased(async () => {
		const closed = await ensureWaveSummaries(db, organisationId, today);
		const asked = await db
			.selectFrom('wave_measure')
			.select(['wave_id', 'unit_id'])
			.where('organisation_id', '=', organisationId)
			.where('measure_id', '=', measureId)
			.execute();
		const unitOf = new Map(asked.map((a) => [a.wave_id, a.unit_id]));
		const waves = closed.filter((w) => unitOf.has(w.id));
		if (waves.length === 0) return new Map();
		const results = await closedWaveResults(db, organisationId, waves);
		// Nothing of a wave leaves the gate before its release is recorded.
		await releaseWaves(db, organisationId, waves, today, async (pending) =>
			pending.map((p) => results[waves.indexOf(p)]!)
		);
		const answers = await db
			.selectFrom('perception_answer')
			.select(['wave_id', 'unit_id', 'answer'])
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('organisation_id', '=', organisationId)
			.where('measure_id', '=', measureId)
			.where(
				'wave_id',
				'in',
				waves.map((w) => w.id)
			)
			.groupBy(['wave_id', 'unit_id', 'answer'])
			.execute();
		const figures = new Map<string, Disclosed<PerceptionShares>>();
		waves.forEach((wave, i) => {
			const { result, units } = results[i]!;
			const unitId = unitOf.get(wave.id) ?? null;
			const counted = countedUnits(units, unitId);
			const counts = PERCEPTION_ANSWERS.map(() => 0);
			for (const a of answers)
				if (a.wave_id === wave.id && counted.has(a.unit_id)) counts[a.answer - 1]! += Number(a.count);
			figures.set(wave.id, perceptionFigure(result.respondentPlan, unitId ?? ORGANISATION_ROOT, counts));
		});
		return figures;
	});
}

/**
 * The units whose answers make up a measure's figure on a wave's tree: the measure's unit and those
 * below it (every unit for the whole organisation), leaving out units the wave left out for having
 * more link answers than staff. A unit unknown to the wave's tree counts nobody.
 */
function countedUnits(units: readonly UnitNode[], unitId: string | null): Set<string> {
	const overfull = overfullUnits(units);
	const below = unitId === null ? new Set(units.map((u) => u.id)) : subtreeIds(units, unitId);
	if (unitId !== null && !units.some((u) => u.id === unitId)) return new Set();
	return new Set([...below].filter((id) => !overfull.has(id)));
}

/** Fisher-Yates with a cryptographic random source. */
function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}

/**
 * For demo data only: asks a closed wave about measures after the fact and stores answers for them,
 * as if they had come in sealed and been mixed at the close (random order, random ids, no link to
 * a response). Use it before anything of the wave is shown (before its release), like the rest of
 * a seed; each unit's answers must stay within the wave's respondents of that unit. `answers` per
 * measure: per unit, how many gave each answer 1 to 4 (`[notNoticed, notHelped, somewhat, helped]`).
 */
export async function attachPerceptionToClosedWave(
	db: Kysely<Database>,
	organisationId: string,
	waveId: string,
	measures: ReadonlyArray<{
		measureId: string;
		answers: ReadonlyArray<{ unitId: string; counts: readonly number[] }>;
	}>
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const existing = await findWaveMeasures(trx, organisationId, waveId);
		const chosen: WaveMeasure[] = [];
		for (const m of measures) {
			const measure = await findMeasure(trx, organisationId, m.measureId);
			if (!measure) throw new Error(`Unknown measure ${m.measureId}`);
			chosen.push({ measureId: measure.id, title: measure.title, unitId: measure.unitId });
		}
		await trx
			.insertInto('wave_measure')
			.values(
				chosen.map((m, i) => ({
					organisation_id: organisationId,
					wave_id: waveId,
					measure_id: m.measureId,
					position: existing.length + i + 1,
					title: m.title,
					unit_id: m.unitId
				}))
			)
			.execute();
		const rows = shuffle(
			measures.flatMap((m) =>
				m.answers.flatMap((a) =>
					a.counts.flatMap((count, i) =>
						Array.from({ length: count }, () => ({
							organisation_id: organisationId,
							wave_id: waveId,
							measure_id: m.measureId,
							unit_id: a.unitId,
							answer: i + 1
						}))
					)
				)
			)
		);
		await insertPerceptionRows(trx, rows);
	});
}

/** Inserts perception answers as given (already in random order), each with a fresh random id. */
async function insertPerceptionRows(
	trx: Db,
	rows: ReadonlyArray<{
		organisation_id: string;
		wave_id: string;
		measure_id: string;
		unit_id: string;
		answer: number;
	}>
): Promise<void> {
	for (let i = 0; i < rows.length; i += 500)
		await trx
			.insertInto('perception_answer')
			.values(rows.slice(i, i + 500).map((r) => ({ ...r, id: randomUUID() })))
			.execute();
}
