import { error } from '@sveltejs/kit';
import { randomToken, sha256Hex } from '../crypto';
import { sql, type Kysely } from 'kysely';
import { scoreAnswers, validateAnswers } from '../../domain/scoring';
import { flattenTree } from '../../domain/units';
import { ValidationError, type FieldProblems } from '../../domain/validation';
import { normaliseCode, waveStatus, type WaveStatus } from '../../domain/waves';
import { dimensionsOf, itemsOf } from '../../instruments';
import type { DimensionResult, InstrumentDefinition } from '../../instruments/types';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import { findCodeByHash, findWave, findWaveUnitByToken, findWaveUnits } from './queries';
import { hashCode } from './waves';

/**
 * The employee's side. Nothing here knows who answers: no account, no address, no user agent.
 * A response is stored with its wave, unit, date and answers only; the personal result page is
 * built from the answers of the request that submitted them and stored nowhere.
 */
export type Entry = { via: 'link'; token: string } | { via: 'code'; code: string };

export interface Questionnaire {
	organisationName: string;
	waveId: string;
	waveName: string;
	language: 'nl' | 'fr' | 'en';
	status: WaveStatus;
	closesOn: string;
	k: number;
	sensitiveK: number;
	provisionalThresholds: boolean;
	instruction: InstrumentDefinition['instruction'];
	scale: InstrumentDefinition['scale'];
	items: Array<{ id: string; dimension: string; text: InstrumentDefinition['items'][number]['text'] }>;
	/** The unit the link is for (the respondent confirms or corrects it). */
	unitId: string | null;
	units: Array<{ id: string; name: string; depth: number }>;
}

interface Resolved {
	organisationId: string;
	waveId: string;
	unitId: string | null;
	codeUsed: boolean;
}

async function resolveEntry(db: Kysely<Database>, entry: Entry): Promise<Resolved | null> {
	if (entry.via === 'link') {
		if (!/^[a-z2-7]{26}$/.test(entry.token)) return null;
		// A link token never changes its wave or unit.
		const known = tokenCache(db).get(entry.token);
		if (known) return known;
		const found = await findWaveUnitByToken(db, entry.token);
		if (!found) return null;
		const resolved = {
			organisationId: found.organisation_id,
			waveId: found.wave_id,
			unitId: found.unit_id,
			codeUsed: false
		};
		remember(tokenCache(db), entry.token, resolved);
		return resolved;
	}
	const code = normaliseCode(entry.code);
	if (!code) return null;
	const found = await findCodeByHash(db, hashCode(code));
	return found
		? { organisationId: found.organisation_id, waveId: found.wave_id, unitId: null, codeUsed: found.used }
		: null;
}

/** What never changes about a wave once created (its unit names may, so they are kept briefly). */
interface WaveContext {
	organisationId: string;
	organisationName: string;
	waveId: string;
	waveName: string;
	language: 'nl' | 'fr' | 'en';
	definition: InstrumentDefinition;
	includeModule: boolean;
	instrumentVersion: number;
	k: number;
	sensitiveK: number;
	units: Array<{ id: string; name: string; depth: number }>;
	unitIds: Set<string>;
	loadedAt: number;
}

const CONTEXT_TTL_MS = 60_000;
const CACHE_LIMIT = 5_000;
const tokenCaches = new WeakMap<Kysely<Database>, Map<string, Resolved>>();
const contextCaches = new WeakMap<Kysely<Database>, Map<string, WaveContext>>();

function tokenCache(db: Kysely<Database>) {
	let cache = tokenCaches.get(db);
	if (!cache) tokenCaches.set(db, (cache = new Map()));
	return cache;
}

function remember<V>(cache: Map<string, V>, key: string, value: V) {
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
	cache.set(key, value);
}

async function waveContext(
	db: Kysely<Database>,
	organisationId: string,
	waveId: string
): Promise<WaveContext> {
	let cache = contextCaches.get(db);
	if (!cache) contextCaches.set(db, (cache = new Map()));
	const cached = cache.get(waveId);
	if (cached && Date.now() - cached.loadedAt < CONTEXT_TTL_MS) return cached;
	const [wave, waveUnits, allUnits, organisation] = await Promise.all([
		findWave(db, organisationId, waveId),
		findWaveUnits(db, organisationId, waveId),
		findUnits(db, organisationId),
		db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow()
	]);
	const covered = new Set(waveUnits.map((u) => u.id));
	// Only the units a respondent can choose: an archived unit takes no new answers.
	const units = flattenTree(allUnits.filter((u) => covered.has(u.id))).map((r) => ({
		id: r.unit.id,
		name: r.unit.name,
		depth: r.depth
	}));
	const context: WaveContext = {
		organisationId,
		organisationName: organisation.name,
		waveId,
		waveName: wave!.name,
		language: wave!.language,
		definition: wave!.definition as InstrumentDefinition,
		includeModule: wave!.include_module,
		instrumentVersion: wave!.instrument_version,
		k: wave!.min_group_size,
		sensitiveK: wave!.sensitive_min_group_size,
		units,
		unitIds: new Set(units.map((u) => u.id)),
		loadedAt: Date.now()
	};
	remember(cache, waveId, context);
	return context;
}

/** The wave's dates and closed flag, always read fresh: closing a wave takes effect at once. */
async function currentStatus(db: Kysely<Database>, organisationId: string, waveId: string, today: string) {
	const row = await db
		.selectFrom('wave')
		.select(['opens_on', 'closes_on', 'closed'])
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.executeTakeFirstOrThrow();
	return {
		status: waveStatus({ opensOn: row.opens_on, closesOn: row.closes_on, closed: row.closed }, today),
		closesOn: row.closes_on
	};
}

async function resolveOrRefuse(db: Kysely<Database>, entry: Entry): Promise<Resolved> {
	const resolved = await resolveEntry(db, entry);
	if (resolved) return resolved;
	if (entry.via === 'code') throw new ValidationError({ code: { key: 'barometer.unknownCode' } });
	error(404, 'error.notFound');
}

/** The questionnaire behind a unit link or a personal code; 404 for an unknown link. */
export async function openQuestionnaire(
	db: Kysely<Database>,
	entry: Entry,
	today: string
): Promise<Questionnaire> {
	const resolved = await resolveOrRefuse(db, entry);
	if (resolved.codeUsed) throw new ValidationError({ code: { key: 'barometer.codeUsed' } });
	const [context, { status, closesOn }] = await Promise.all([
		waveContext(db, resolved.organisationId, resolved.waveId),
		currentStatus(db, resolved.organisationId, resolved.waveId, today)
	]);
	return {
		organisationName: context.organisationName,
		waveId: context.waveId,
		waveName: context.waveName,
		language: context.language,
		status,
		closesOn,
		k: context.k,
		sensitiveK: context.sensitiveK,
		provisionalThresholds: context.definition.provisionalThresholds,
		instruction: context.definition.instruction,
		scale: context.definition.scale,
		items: itemsOf(context.definition, context.includeModule).map((i) => ({
			id: i.id,
			dimension: i.dimension,
			text: i.text
		})),
		unitId: resolved.unitId,
		units: context.units
	};
}

export interface SubmissionResult {
	/** The wave's language, for respondents who chose none. */
	language: 'nl' | 'fr' | 'en';
	/** False when the same form was submitted before (double click, retry): nothing new was stored. */
	stored: boolean;
	results: Array<
		DimensionResult & {
			name: InstrumentDefinition['dimensions'][number]['name'];
			description: InstrumentDefinition['dimensions'][number]['description'];
			riskWhen: 'high' | 'low';
		}
	>;
	provisionalThresholds: boolean;
}

function nonceHash(nonce: string): string {
	return sha256Hex(`nonce:${nonce}`);
}

export function newSubmissionNonce(): string {
	return randomToken(16);
}

interface StoredResponse {
	organisationId: string;
	waveId: string;
	unitId: string;
	today: string;
	instrumentVersion: number;
	nonceHash: string;
	answers: string;
	scores: string;
}

function refuseClosed(status: WaveStatus): never {
	throw new ValidationError({
		wave: { key: status === 'planned' ? 'barometer.notYetOpen' : 'barometer.closed' }
	});
}

/**
 * A unit-link response in one statement (one round trip, atomic on its own): the receipt is
 * inserted only while the wave is open (the condition is waveStatus's 'open'), and the response
 * only when its receipt was new. The same form sent again (double click, retry after a network
 * error) gets its result page again, also when the wave closed in between, and stores nothing.
 */
async function storeLinkResponse(db: Kysely<Database>, r: StoredResponse): Promise<boolean> {
	const { rows } = await sql<{
		opens_on: string;
		closes_on: string;
		closed: boolean;
		inserted: boolean;
		seen_before: boolean;
	}>`
		with receipt as (
			insert into submission_receipt (organisation_id, wave_id, nonce_hash)
			select w.organisation_id, w.id, ${r.nonceHash} from wave w
			where w.organisation_id = ${r.organisationId} and w.id = ${r.waveId}
				and not w.closed and w.opens_on <= ${r.today} and w.closes_on >= ${r.today}
			on conflict do nothing
			returning 1
		), stored as (
			insert into response (organisation_id, wave_id, unit_id, submitted_on, instrument_version, answers, scores)
			select ${r.organisationId}, ${r.waveId}, ${r.unitId}, ${r.today}, ${r.instrumentVersion},
				${r.answers}::jsonb, ${r.scores}::jsonb
			from receipt
			returning 1
		)
		select w.opens_on, w.closes_on, w.closed,
			exists (select 1 from stored) as inserted,
			exists (
				select 1 from submission_receipt s
				where s.organisation_id = w.organisation_id and s.wave_id = w.id and s.nonce_hash = ${r.nonceHash}
			) as seen_before
		from wave w where w.organisation_id = ${r.organisationId} and w.id = ${r.waveId}
	`.execute(db);
	const outcome = rows[0]!;
	if (outcome.inserted) return true;
	const status = waveStatus(
		{ opensOn: outcome.opens_on, closesOn: outcome.closes_on, closed: outcome.closed },
		r.today
	);
	// Not inserted while open: the same nonce was stored before (or by a concurrent double click).
	if (outcome.seen_before || status === 'open') return false;
	refuseClosed(status);
}

/** A personal-code response: the code is marked used in the transaction that stores the response. */
async function storeCodeResponse(db: Kysely<Database>, r: StoredResponse, code: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const receipt = await trx
			.insertInto('submission_receipt')
			.values({ organisation_id: r.organisationId, wave_id: r.waveId, nonce_hash: r.nonceHash })
			.onConflict((oc) => oc.doNothing())
			.returning('nonce_hash')
			.executeTakeFirst();
		if (!receipt) return false;
		const { status } = await currentStatus(trx, r.organisationId, r.waveId, r.today);
		if (status !== 'open') refuseClosed(status);
		// The response holds no reference to the code.
		const used = await trx
			.updateTable('wave_code')
			.set({ used: true })
			.where('code_hash', '=', hashCode(normaliseCode(code)!))
			.where('used', '=', false)
			.returning('code_hash')
			.executeTakeFirst();
		if (!used) throw new ValidationError({ code: { key: 'barometer.codeUsed' } });
		await trx
			.insertInto('response')
			.values({
				organisation_id: r.organisationId,
				wave_id: r.waveId,
				unit_id: r.unitId,
				submitted_on: r.today,
				instrument_version: r.instrumentVersion,
				answers: r.answers,
				scores: r.scores
			})
			.execute();
		return true;
	});
}

/**
 * Validates and stores one response. Every refusal is a ValidationError and stores nothing. With
 * a personal code, the code is marked used in the same transaction as the response is stored.
 */
export async function submitResponse(
	db: Kysely<Database>,
	entry: Entry,
	fields: Record<string, string>,
	today: string
): Promise<SubmissionResult> {
	const resolved = await resolveOrRefuse(db, entry);
	const context = await waveContext(db, resolved.organisationId, resolved.waveId);
	const { definition, includeModule } = context;

	const problems: FieldProblems = {};
	const nonce = fields.nonce ?? '';
	if (!/^[a-z2-7]{26}$/.test(nonce)) problems.form = { key: 'barometer.formExpired' };
	const unitId = fields.unitId ?? '';
	if (!context.unitIds.has(unitId)) problems.unitId = { key: 'barometer.chooseUnit' };
	const answerFields = Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith('q_')));
	const checked = validateAnswers(definition, includeModule, answerFields);
	if (!checked.ok) {
		for (const p of checked.problems) problems[p.itemId ? `q_${p.itemId}` : 'form'] = { key: p.key };
	}
	if (Object.keys(problems).length || !checked.ok) {
		// A wave that no longer takes answers says so first: fixing the form would not help.
		const { status } = await currentStatus(db, resolved.organisationId, resolved.waveId, today);
		if (status !== 'open') refuseClosed(status);
		if (resolved.codeUsed) throw new ValidationError({ code: { key: 'barometer.codeUsed' } });
		throw new ValidationError(problems);
	}

	const scores = scoreAnswers(definition, checked.answers, includeModule);
	const row: StoredResponse = {
		organisationId: resolved.organisationId,
		waveId: resolved.waveId,
		unitId,
		today,
		instrumentVersion: context.instrumentVersion,
		nonceHash: nonceHash(nonce),
		answers: JSON.stringify(checked.answers),
		scores: JSON.stringify(Object.fromEntries(scores.map((s) => [s.dimension, s.score])))
	};
	const stored =
		entry.via === 'link' ? await storeLinkResponse(db, row) : await storeCodeResponse(db, row, entry.code);
	const dimensions = new Map(dimensionsOf(definition, includeModule).map((d) => [d.id, d]));
	return {
		language: context.language,
		stored,
		provisionalThresholds: definition.provisionalThresholds,
		results: scores.map((s) => {
			const d = dimensions.get(s.dimension)!;
			return { ...s, name: d.name, description: d.description, riskWhen: d.bands.riskWhen };
		})
	};
}
