// The data of the analytics benchmark: on the large synthetic organisation (seed/large.ts), six
// closed barometer waves of about 40,000 responses each and 36 months of signals for every team,
// bulk-loaded (COPY) so that the set-up stays within minutes. Deterministic: the same seed gives
// the same answers (ids and link tokens are random).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { FIGURE_COLUMN, generateDemoSignals, type DemoUnitMonth } from '../seed/signals';
import { createRandom, hash, normal, type Random } from '../seed/random';
import { DEFAULT_MODEL, DIMENSION_MODEL } from '../seed/waves';
import { scoreAnswers } from '../src/lib/domain/scoring';
import { BAROMETER, dimensionsOf, itemsOf } from '../src/lib/instruments';
import type { Answers } from '../src/lib/instruments/types';
import type { Database, SignalFigures } from '../src/lib/server/db/schema';
import { insertFigures, insertUpload } from '../src/lib/server/signals/queries';

/** The day the benchmark looks at the data: every wave has closed, the signals end the month before. */
export const TODAY = '2026-11-15';
export const SIGNAL_MONTHS = 36;

export interface BenchWave {
	name: string;
	opensOn: string;
	closesOn: string;
}

/** Six waves, six months apart, oldest first; each three weeks long, the last closed in October 2026. */
export const BENCH_WAVES: readonly BenchWave[] = [
	{ name: 'Voorjaar 2024', opensOn: '2024-03-04', closesOn: '2024-03-25' },
	{ name: 'Najaar 2024', opensOn: '2024-09-02', closesOn: '2024-09-23' },
	{ name: 'Voorjaar 2025', opensOn: '2025-03-03', closesOn: '2025-03-24' },
	{ name: 'Najaar 2025', opensOn: '2025-09-01', closesOn: '2025-09-22' },
	{ name: 'Voorjaar 2026', opensOn: '2026-03-02', closesOn: '2026-03-23' },
	{ name: 'Najaar 2026', opensOn: '2026-09-07', closesOn: '2026-09-28' }
];

export interface BenchUnit {
	id: string;
	code: string;
	headcount: number | null;
}

/** The user the benchmark reads as: an advisor of the organisation (the Actor the services take). */
export async function createAdvisor(db: Kysely<Database>, organisationId: string) {
	const user = await db
		.insertInto('app_user')
		.values({
			email: `bench-analytics-${randomUUID()}@bench.invalid`,
			display_name: 'Bench advisor',
			password_hash: 'not a hash: this user never signs in'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('membership')
		.values({ organisation_id: organisationId, user_id: user.id, role: 'advisor', unit_id: null })
		.execute();
	return {
		userId: user.id,
		memberships: [{ organisationId, role: 'advisor' as const, unitId: null }]
	};
}

// ---------------------------------------------------------------------------------------------
// Answers: the latent model of seed/waves.ts (DIMENSION_MODEL: a strain level per unit and wave,
// per-respondent and per-answer noise), with a few teams worsening or improving from wave to wave.

const definition = BAROMETER;
const includeModule = true;
const items = itemsOf(definition, includeModule);
const riskHigh = new Map(
	dimensionsOf(definition, includeModule).map((d) => [d.id, d.bands.riskWhen === 'high'])
);

interface UnitModel {
	unit: BenchUnit;
	base: number;
	trend: number;
	random: Random;
	itemModel: Array<{ id: string; intercept: number; slope: number }>;
}

function unitModel(unit: BenchUnit, seed: number): UnitModel {
	const random = createRandom(seed ^ hash(unit.code));
	const kind = random.next();
	// About 4% of teams get worse by a lot from wave to wave, 2% better; the rest stays put.
	const trend = kind < 0.04 ? 0.25 : kind < 0.06 ? -0.2 : 0;
	const base = -0.3 + random.next() * 0.6;
	const { min, max } = definition.scale;
	const itemModel = items.map((item) => {
		const model = DIMENSION_MODEL[item.dimension] ?? DEFAULT_MODEL;
		const risk = riskHigh.get(item.dimension) ? 1 : -1;
		const flip = item.reverse ? -1 : 1;
		return {
			id: item.id,
			intercept: item.reverse ? min + max - model.base : model.base,
			slope: flip * risk * model.slope
		};
	});
	return { unit, base, trend, random, itemModel };
}

/** COPY's text format: a backslash, tab or newline inside a value is escaped. */
const copyText = (value: string) =>
	value.replace(/[\\\t\n\r]/g, (c) =>
		c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
	);

export interface WaveLines {
	/** COPY text-format lines of `response` (see RESPONSE_COLUMNS), each ending in a newline. */
	lines: string[];
	responses: number;
	/** Teams with respondents, and those among them with fewer than `k`. */
	unitsWithResponses: number;
	unitsBelowK: number;
}

export const RESPONSE_COLUMNS = 'organisation_id, wave_id, unit_id, via, instrument_version, answers, scores';

/**
 * The responses of one wave, spread over the units by headcount: 68-92% of each team answers
 * (about 40,000 of the 50,000 employees), times `share` (below 1 on a smaller run). Small teams
 * end below k, so their people are pooled into the department and siblings get suppressed.
 */
export function waveResponseLines(
	models: readonly UnitModel[],
	organisationId: string,
	waveId: string,
	waveIndex: number,
	options: { share: number; k: number }
): WaveLines {
	const { min, max } = definition.scale;
	const lines: string[] = [];
	let unitsWithResponses = 0;
	let unitsBelowK = 0;
	for (const m of models) {
		const headcount = m.unit.headcount ?? 0;
		if (headcount <= 0) continue;
		const random = m.random;
		const strain = m.base + m.trend * waveIndex + normal(random) * 0.06;
		const rate = (0.68 + random.next() * 0.24) * options.share;
		const n = Math.min(headcount, Math.round(headcount * rate));
		if (n > 0) unitsWithResponses++;
		if (n > 0 && n < options.k) unitsBelowK++;
		const prefix = `${organisationId}\t${waveId}\t${m.unit.id}\t`;
		for (let r = 0; r < n; r++) {
			const person = strain + normal(random) * 0.5;
			const answers: Answers = {};
			for (const item of m.itemModel) {
				const value = Math.round(item.intercept + item.slope * person + normal(random) * 0.55);
				answers[item.id] = Math.min(max, Math.max(min, value));
			}
			const scores: Record<string, number | null> = {};
			for (const s of scoreAnswers(definition, answers, includeModule)) scores[s.dimension] = s.score;
			random.next(); // was the day of answering: kept so that the data stay the same
			lines.push(
				`${prefix}code\t${definition.version}\t` +
					`${copyText(JSON.stringify(answers))}\t${copyText(JSON.stringify(scores))}\n`
			);
		}
	}
	return { lines, responses: lines.length, unitsWithResponses, unitsBelowK };
}

export function unitModels(units: readonly BenchUnit[], seed = 2026): UnitModel[] {
	return [...units]
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
		.map((u) => unitModel(u, seed));
}

/** Inserts the wave rows (closed, k frozen from the organisation) and their wave_unit rows. */
export async function insertWaves(db: Kysely<Database>, organisationId: string): Promise<string[]> {
	const organisation = await db
		.selectFrom('organisation')
		.select(['language', 'min_group_size', 'sensitive_min_group_size'])
		.where('id', '=', organisationId)
		.executeTakeFirstOrThrow();
	const ids: string[] = [];
	for (const wave of BENCH_WAVES) {
		const row = await db
			.insertInto('wave')
			.values({
				organisation_id: organisationId,
				name: wave.name,
				instrument_key: definition.key,
				instrument_version: definition.version,
				definition: JSON.stringify(definition),
				include_module: includeModule,
				language: organisation.language,
				opens_on: wave.opensOn,
				closes_on: wave.closesOn,
				closed: true,
				min_group_size: organisation.min_group_size,
				sensitive_min_group_size: organisation.sensitive_min_group_size,
				created_by: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.push(row.id);
		await sql`
			insert into wave_unit (organisation_id, wave_id, unit_id, link_token)
			select organisation_id, ${row.id}::uuid, id, md5(${row.id}::text || id::text)
			from unit where organisation_id = ${organisationId} and valid_to is null
		`.execute(db);
	}
	return ids;
}

/** COPY … FROM STDIN of the lines on a connection of its own (autocommit). */
export async function copyResponsesPostgres(url: string, lines: readonly string[]): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const copy = client.query(copyFrom(`copy response (${RESPONSE_COLUMNS}) from stdin`));
		const chunks = function* () {
			// About 1 MB per chunk: fewer, larger writes.
			for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join('');
		};
		await pipeline(Readable.from(chunks()), copy);
		return copy.rowCount;
	} finally {
		await client.end();
	}
}

/** PGlite's COPY … FROM '/dev/blob' of the lines. */
export async function copyResponsesPglite(
	pglite: import('@electric-sql/pglite').PGlite,
	lines: readonly string[]
): Promise<number> {
	const result = await pglite.query(`copy response (${RESPONSE_COLUMNS}) from '/dev/blob'`, [], {
		blob: new Blob(lines as string[])
	});
	return result.affectedRows ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Signals: 36 months of the demo model (seed/signals.ts) for every team, as one upload.

const FIGURE_ID_OF = Object.fromEntries(
	Object.entries(FIGURE_COLUMN).map(([figure, column]) => [column, figure])
) as Record<keyof SignalFigures, keyof typeof FIGURE_COLUMN>;

export async function insertSignals(
	db: Kysely<Database>,
	organisationId: string,
	units: readonly BenchUnit[],
	uploadedBy: string
): Promise<{ unitMonths: number; generateMs: number; insertMs: number }> {
	const started = performance.now();
	const { months, figures } = generateDemoSignals(units, { today: TODAY, months: SIGNAL_MONTHS });
	const generateMs = performance.now() - started;
	const from = months[0]!;
	const to = months.at(-1)!;
	const inserting = performance.now();
	await db.transaction().execute(async (trx) => {
		const upload = await insertUpload(trx, {
			organisationId,
			format: 'monthly',
			fileName: `maandcijfers-${from}-tot-${to}.csv`,
			contentHash: randomUUID(),
			byteSize: 0,
			rowCount: figures.length,
			periodFrom: `${from}-01`,
			periodTo: `${to}-01`,
			unitCount: new Set(figures.map((f) => f.unitId)).size,
			uploadedBy
		});
		await insertFigures<DemoUnitMonth>(trx, organisationId, upload.id, figures, {
			latest: true,
			access: {
				unitId: (r) => r.unitId,
				month: (r) => `${r.month}-01`,
				value: (r, column) => r[FIGURE_ID_OF[column]]
			}
		});
	});
	return { unitMonths: figures.length, generateMs, insertMs: performance.now() - inserting };
}
