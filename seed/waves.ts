import type { Kysely, Transaction } from 'kysely';
import { scoreAnswers } from '../src/lib/domain/scoring';
import { BAROMETER, dimensionsOf, itemsOf } from '../src/lib/instruments';
import type { Answers, InstrumentDefinition } from '../src/lib/instruments/types';
import type { Database } from '../src/lib/server/db/schema';
import { createRandom, hash, normal, type Random } from './random';
import { randomToken } from '../src/lib/server/crypto';
import { sealResponse } from '../src/lib/server/barometer/sealed';

/**
 * Demo barometer waves for Zorggroep Zonnedael: three past waves about six months apart and one
 * open wave, with deterministic responses. Every answer comes from a latent strain level per unit
 * and wave (plus per-respondent and per-answer noise), so the dimension scores tell a story: most
 * units stable and green, a few worsening, one improving.
 */

export interface DemoWaveUnit {
	id: string;
	code: string;
	headcount: number | null;
}

export interface DemoWaveOptions {
	/** yyyy-mm-dd */
	today: string;
	seed?: number;
}

export interface DemoWave {
	name: string;
	opensOn: string;
	closesOn: string;
	closed: boolean;
}

export interface DemoResponse {
	/** Index into `waves`. */
	wave: number;
	unitId: string;
	submittedOn: string;
	answers: Answers;
	scores: Record<string, number | null>;
}

export interface DemoWaves {
	definition: InstrumentDefinition;
	includeModule: boolean;
	waves: DemoWave[];
	responses: DemoResponse[];
}

/** The teams whose barometer gets worse from wave to wave, and the one that gets better. */
export const WORSENING_UNITS = ['AZ-SPO', 'LIN-EIK', 'THZ-GEZ'] as const;
export const IMPROVING_UNITS = ['PC-OPN'] as const;

// ---------------------------------------------------------------------------------------------
// Dates (plain yyyy-mm-dd, computed in UTC so there is no time zone or DST in play).

function parseDate(date: string): Date {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a date: ${date}`);
	const d = new Date(`${date}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${date}`);
	return d;
}

function formatDate(d: Date): string {
	return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
	const d = parseDate(date);
	d.setUTCDate(d.getUTCDate() + days);
	return formatDate(d);
}

/** `months` months earlier, the day clamped to the end of a shorter month. */
function subtractMonths(date: string, months: number): string {
	const d = parseDate(date);
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return formatDate(target);
}

/** The Monday on or before the date, or the next Monday when that would fall in the previous month. */
function mondayInMonth(date: string): string {
	const d = parseDate(date);
	const back = (d.getUTCDay() + 6) % 7;
	return back < d.getUTCDate() ? addDays(date, -back) : addDays(date, (7 - back) % 7);
}

function daysBetween(from: string, to: string): number {
	return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / 86_400_000);
}

/**
 * "Voorjaar 2026" for a wave opening March-August, "Najaar 2026" for September-December, and
 * January-February counts with the autumn of the year before (a wave opening in January 2027
 * is "Najaar 2026"), so names run in the order of the waves.
 */
export function seasonName(opensOn: string): string {
	const year = Number(opensOn.slice(0, 4));
	const month = Number(opensOn.slice(5, 7));
	if (month >= 3 && month <= 8) return `Voorjaar ${year}`;
	return `Najaar ${month <= 2 ? year - 1 : year}`;
}

/**
 * The four waves. The open wave opens ten days before today and closes 18 days after it; the past
 * waves open 18, 12 and 6 months before the open one (on a Monday of that month) and last three
 * weeks, so their opening months alternate between the halves of the year and names never repeat.
 */
export function demoWaveDates(today: string): DemoWave[] {
	const openOn = addDays(today, -10);
	const past = [18, 12, 6].map((months) => {
		const opensOn = mondayInMonth(subtractMonths(openOn, months));
		return { name: seasonName(opensOn), opensOn, closesOn: addDays(opensOn, 20), closed: false };
	});
	return [
		...past,
		{ name: seasonName(openOn), opensOn: openOn, closesOn: addDays(today, 18), closed: false }
	];
}

// ---------------------------------------------------------------------------------------------
// The latent model.

/**
 * Per dimension: the mean answer (after reversal, on 1..5) of a respondent at strain 0, and how
 * many answer points one unit of strain moves it in the risky direction. A strain-0 unit is
 * green on every dimension.
 */
export const DIMENSION_MODEL: Record<string, { base: number; slope: number }> = {
	engagement: { base: 3.9, slope: 0.6 },
	stress: { base: 2.7, slope: 0.8 },
	overstrain: { base: 2.3, slope: 0.9 },
	burnout: { base: 2.0, slope: 0.9 },
	depression: { base: 1.9, slope: 0.5 },
	anxiety: { base: 2.1, slope: 0.5 },
	conflict: { base: 1.8, slope: 0.4 },
	'unwanted-behaviour': { base: 1.3, slope: 0.25 },
	coping: { base: 3.6, slope: 0.3 },
	workload: { base: 2.6, slope: 0.8 },
	'emotional-load': { base: 2.7, slope: 0.5 },
	'role-clarity': { base: 3.9, slope: 0.4 },
	autonomy: { base: 3.4, slope: 0.3 },
	'support-colleagues': { base: 4.0, slope: 0.4 },
	'support-manager': { base: 3.7, slope: 0.7 },
	recognition: { base: 3.5, slope: 0.5 },
	participation: { base: 3.3, slope: 0.4 },
	development: { base: 3.4, slope: 0.3 },
	'work-private-balance': { base: 2.4, slope: 0.6 }
};
export const DEFAULT_MODEL = { base: 3, slope: 0.5 };

interface UnitProfile {
	/** Strain in the first wave (0 = a healthy team; 1.5 = clearly in the red). */
	base: number;
	/** Change of strain per wave. */
	trend?: number;
	/** Per dimension, extra answer points in the risky direction (negative: better than average). */
	offsets?: Record<string, number>;
}

// Plausible differences between teams: emergency and intensive care carry more emotional load,
// night shifts see little of their manager and sleep badly, support services less of both.
const PROFILES: Record<string, UnitProfile> = {
	'AZ-SPO': {
		base: 0.3,
		trend: 0.45,
		offsets: { workload: 0.3, 'emotional-load': 0.5, 'unwanted-behaviour': 0.4 }
	},
	'LIN-EIK': { base: 0.2, trend: 0.45, offsets: { 'emotional-load': 0.4, 'unwanted-behaviour': 0.2 } },
	'THZ-GEZ': { base: 0.1, trend: 0.45, offsets: { 'work-private-balance': 0.3, autonomy: -0.2 } },
	'PC-OPN': {
		base: 0.9,
		trend: -0.3,
		offsets: { 'emotional-load': 0.4, 'unwanted-behaviour': 0.3 }
	},
	'LIN-NAC': {
		base: 0.5,
		offsets: { 'work-private-balance': 0.5, 'support-manager': 0.4, participation: 0.3 }
	},
	'BEK-NAC': {
		base: 0.45,
		offsets: { 'work-private-balance': 0.5, 'support-manager': 0.4, participation: 0.3 }
	},
	'AZ-IZ': { base: 0.4, offsets: { 'emotional-load': 0.5 } },
	'AZ-OK': { base: 0.3, offsets: { workload: 0.3, autonomy: 0.3 } },
	'AZ-GER': { base: 0.3, offsets: { 'emotional-load': 0.3 } },
	'AZ-CHI': { base: 0.25 },
	'AZ-INW': { base: 0.25 },
	'AZ-PED': { base: 0.15, offsets: { 'emotional-load': 0.3 } },
	'AZ-MAT': { base: 0.0, offsets: { 'emotional-load': 0.1 } },
	'PC-JEU': { base: 0.4, offsets: { 'emotional-load': 0.3, 'unwanted-behaviour': 0.3 } },
	'PC-LAN': { base: 0.3, offsets: { 'emotional-load': 0.2 } },
	'THZ-NRD': { base: 0.2, offsets: { 'work-private-balance': 0.2, autonomy: -0.3 } },
	'THZ-ZUI': { base: 0.2, offsets: { 'work-private-balance': 0.2, autonomy: -0.3 } },
	'THZ-PLA': { base: 0.3, offsets: { 'role-clarity': 0.3 } },
	'LIN-KEU': { base: 0.0, offsets: { 'emotional-load': -0.6, development: 0.4 } },
	'BEK-ONH': { base: 0.0, offsets: { 'emotional-load': -0.6, development: 0.4, recognition: 0.3 } },
	'OND-ICT': { base: -0.2, offsets: { 'emotional-load': -0.7, 'work-private-balance': 0.3 } }
};

function profileOf(code: string, random: Random): UnitProfile {
	const known = PROFILES[code];
	if (known) return known;
	// Support services: little emotional load. Management levels (root and divisions, which have
	// no dash in their code): busy but autonomous. Other teams: a little variation around healthy.
	if (code.startsWith('OND-'))
		return { base: -0.3 + random.next() * 0.3, offsets: { 'emotional-load': -0.6 } };
	if (!code.includes('-')) {
		return { base: 0.1, offsets: { 'work-private-balance': 0.4, autonomy: -0.4, participation: -0.4 } };
	}
	return { base: -0.3 + random.next() * 0.45 };
}

/** Responses as a share of headcount: 50-80% per unit and wave; in the open wave about half of it so far. */
function responseCount(headcount: number, open: boolean, random: Random): number {
	if (headcount <= 0) return 0;
	let n = Math.round(headcount * (0.5 + random.next() * 0.3));
	if (open) n = Math.round(n * (0.35 + random.next() * 0.3));
	else n = Math.max(1, n);
	return Math.min(headcount, n);
}

/**
 * Generates the waves and their responses. Pure and deterministic: the same units, today and
 * seed give the same output. Units are matched to a profile by code.
 */
export function generateDemoWaves(units: readonly DemoWaveUnit[], options: DemoWaveOptions): DemoWaves {
	const definition = BAROMETER;
	const includeModule = true;
	const seed = options.seed ?? 2026;
	const waves = demoWaveDates(options.today);
	const items = itemsOf(definition, includeModule);
	const riskHigh = new Map(
		dimensionsOf(definition, includeModule).map((d) => [d.id, d.bands.riskWhen === 'high'])
	);
	const { min, max } = definition.scale;
	const responses: DemoResponse[] = [];

	for (const unit of units) {
		const random = createRandom(seed ^ hash(unit.code));
		const profile = profileOf(unit.code, random);
		const unitBase = profile.base + normal(random) * 0.1;
		const offsets = profile.offsets ?? {};
		// The answer a respondent at strain 0 gives to each item, and how strain moves it, with the
		// direction of the dimension's risk and the item's reversal folded in.
		const itemModel = items.map((item) => {
			const model = DIMENSION_MODEL[item.dimension] ?? DEFAULT_MODEL;
			const risk = riskHigh.get(item.dimension) ? 1 : -1;
			const mean = model.base + risk * (offsets[item.dimension] ?? 0);
			// Reverse-scored: the raw answer moves the other way for the same strain.
			const flip = item.reverse ? -1 : 1;
			return {
				id: item.id,
				intercept: item.reverse ? min + max - mean : mean,
				slope: flip * risk * model.slope
			};
		});

		waves.forEach((wave, w) => {
			const open = w === waves.length - 1;
			const strain = unitBase + (profile.trend ?? 0) * w + normal(random) * 0.06;
			const n = responseCount(unit.headcount ?? 0, open, random);
			const lastDay = open ? options.today : wave.closesOn < options.today ? wave.closesOn : options.today;
			const days = Math.max(0, daysBetween(wave.opensOn, lastDay));
			for (let r = 0; r < n; r++) {
				const person = strain + normal(random) * 0.5;
				const answers: Answers = {};
				for (const item of itemModel) {
					const value = Math.round(item.intercept + item.slope * person + normal(random) * 0.55);
					answers[item.id] = Math.min(max, Math.max(min, value));
				}
				const scores = Object.fromEntries(
					scoreAnswers(definition, answers, includeModule).map((s) => [s.dimension, s.score])
				);
				// Most answers come in the first days and after the reminder: skew towards the start.
				const day = Math.min(days, Math.floor(random.next() ** 1.6 * (days + 1)));
				responses.push({
					wave: w,
					unitId: unit.id,
					submittedOn: addDays(wave.opensOn, day),
					answers,
					scores
				});
			}
		});
	}
	return { definition, includeModule, waves, responses };
}

const BATCH = 500;

function inRandomOrder<T>(items: readonly T[], random: Random): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random.next() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

/**
 * Inserts the demo waves of an organisation: four waves over all its active units, with the
 * work-factors module, its language and its current k, and their responses. Link tokens are
 * random, as for any wave; the answers are deterministic.
 */
export async function seedDemoWaves(
	db: Kysely<Database> | Transaction<Database>,
	organisationId: string,
	options: DemoWaveOptions
): Promise<{ waveIds: string[]; responses: number }> {
	const organisation = await db
		.selectFrom('organisation')
		.select(['language', 'min_group_size', 'sensitive_min_group_size'])
		.where('id', '=', organisationId)
		.executeTakeFirstOrThrow();
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code', 'headcount'])
		.where('organisation_id', '=', organisationId)
		.where('valid_to', 'is', null)
		.orderBy('code')
		.execute();
	const generated = generateDemoWaves(units, options);
	const definitionJson = JSON.stringify(generated.definition);

	const waveIds: string[] = [];
	for (const wave of generated.waves) {
		const row = await db
			.insertInto('wave')
			.values({
				organisation_id: organisationId,
				name: wave.name,
				instrument_key: generated.definition.key,
				instrument_version: generated.definition.version,
				definition: definitionJson,
				include_module: generated.includeModule,
				language: organisation.language,
				opens_on: wave.opensOn,
				closes_on: wave.closesOn,
				closed: wave.closed,
				min_group_size: organisation.min_group_size,
				sensitive_min_group_size: organisation.sensitive_min_group_size,
				created_by: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		waveIds.push(row.id);
	}
	const waveUnits = waveIds.flatMap((waveId) =>
		units.map((u) => ({
			organisation_id: organisationId,
			wave_id: waveId,
			unit_id: u.id,
			link_token: randomToken(16)
		}))
	);
	for (let i = 0; i < waveUnits.length; i += BATCH) {
		await db
			.insertInto('wave_unit')
			.values(waveUnits.slice(i, i + BATCH))
			.execute();
	}
	const { responses } = generated;
	// As the product stores them (docs/anonymity.md, "At rest"): sealed while a wave takes answers,
	// mixed into `response` when it closes; a wave already past its closing date gets them mixed.
	const takesAnswers = generated.waves.map((w) => w.closesOn >= options.today && !w.closed);
	const shuffled = inRandomOrder(
		responses,
		createRandom(hash('demo-response-order') ^ (options.seed ?? 2026))
	);
	const toMix = shuffled.filter((r) => !takesAnswers[r.wave]);
	const toSeal = shuffled.filter((r) => takesAnswers[r.wave]);
	for (let i = 0; i < toMix.length; i += BATCH) {
		await db
			.insertInto('response')
			.values(
				toMix.slice(i, i + BATCH).map((r) => ({
					organisation_id: organisationId,
					wave_id: waveIds[r.wave]!,
					unit_id: r.unitId,
					via: 'code' as const,
					instrument_version: generated.definition.version,
					answers: JSON.stringify(r.answers),
					scores: JSON.stringify(r.scores)
				}))
			)
			.execute();
	}
	for (let i = 0; i < toSeal.length; i += BATCH) {
		await db
			.insertInto('response_sealed')
			.values(
				toSeal
					.slice(i, i + BATCH)
					.map((r) =>
						sealResponse(
							{ organisationId, waveId: waveIds[r.wave]!, unitId: r.unitId, via: 'code' },
							{ instrumentVersion: generated.definition.version, answers: r.answers, scores: r.scores }
						)
					)
			)
			.execute();
	}
	return { waveIds, responses: responses.length };
}
