import { error } from '@sveltejs/kit';
import { randomToken, sha256Hex } from '../crypto';
import { sql, type Kysely } from 'kysely';
import { isAskedOf, readPerceptionAnswers } from '../../domain/action-plans/perception';
import { scoreAnswers, validateAnswers } from '../../domain/scoring';
import { flattenTree } from '../../domain/units';
import { ValidationError, type FieldProblems } from '../../domain/validation';
import { normaliseCode, waveStatus, type WaveStatus } from '../../domain/waves';
import { dimensionsOf, itemsOf } from '../../instruments';
import type { DimensionResult, InstrumentDefinition } from '../../instruments/types';
import { findWaveMeasures } from '../action-plans/perception';
import { executePrepared } from '../db/prepared';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import { readOrganisationContacts, type OrganisationContacts } from '../../domain/organisation-settings';
import {
	findClaim,
	findReceipt,
	findWave,
	findWaveUnitByToken,
	findWaveUnits,
	isCodeOfPlannedWave,
	openCodeClaim
} from './queries';
import { sealResponse, type SealedRow } from './sealed';
import { waveRowToWave } from './wave-row';
import { hashCode, plainCodeHash } from './waves';

/**
 * The employee's side. Nothing here knows who answers: no account, no address, no user agent.
 *
 * - A unit link answers straight away, up to the unit's headcount of link answers and once per
 *   browser (the caller passes the waves this browser already answered by link).
 * - A personal code is opened first (`openCode`): its row is deleted and a claim made, whose token
 *   the browser keeps; the questionnaire then works with the claim, and submitting uses it up.
 *   Asking a code's status costs the code: an unknown, opened or used code gets one answer.
 * - A response is stored sealed (sealed.ts) with its unit and how it came in; it becomes a row of
 *   `response` only when the wave closes, mixed with the others. The personal result page is built
 *   from the answers of the request that submitted them and stored nowhere.
 */
export type Entry =
	{ via: 'link'; token: string; answeredWaves?: ReadonlySet<string> } | { via: 'code'; claim: string };

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
	/** A link of a wave this browser already answered by link. */
	answeredHere: boolean;
	/**
	 * The measures the wave asks about (docs/action-plans.md, "Perception in the barometer"): the
	 * title as written, the name of the measure's unit (null: the whole organisation) and the units
	 * of the wave whose respondents are asked (null: all).
	 */
	measures: QuestionnaireMeasure[];
}

export interface QuestionnaireMeasure {
	id: string;
	title: string;
	unitName: string | null;
	askedOf: string[] | null;
}

interface Resolved {
	organisationId: string;
	waveId: string;
	unitId: string | null;
}

/** The one answer for a code that is unknown, opened elsewhere or used: it teaches nothing. */
const CODE_INVALID = { key: 'barometer.codeInvalid' } as const;

export function claimHash(claim: string): string {
	return sha256Hex(`claim:${claim}`);
}

async function resolveEntry(db: Kysely<Database>, entry: Entry): Promise<Resolved | null> {
	if (entry.via === 'link') {
		if (!/^[a-z2-7]{26}$/.test(entry.token)) return null;
		// A link token never changes its wave or unit.
		const known = tokenCache(db).get(entry.token);
		if (known) return known;
		const found = await findWaveUnitByToken(db, entry.token);
		if (!found) return null;
		const resolved = { organisationId: found.organisation_id, waveId: found.wave_id, unitId: found.unit_id };
		remember(tokenCache(db), entry.token, resolved);
		return resolved;
	}
	if (!/^[a-z2-7]{32}$/.test(entry.claim)) return null;
	const found = await findClaim(db, claimHash(entry.claim));
	return found ? { organisationId: found.organisation_id, waveId: found.wave_id, unitId: null } : null;
}

/**
 * Opens a personal code: in one statement its row is deleted and a claim is made, while its wave
 * takes answers. Returns the claim token for the browser to keep. An unknown code, a code opened
 * before (here or elsewhere) and a used code are refused alike; only a code of a wave that has not
 * opened yet is told so, and stays unopened (no code of such a wave can have been used).
 */
export async function openCode(
	db: Kysely<Database>,
	typed: string,
	today: string
): Promise<{ claim: string; waveId: string }> {
	const code = normaliseCode(typed);
	if (!code) throw new ValidationError({ code: CODE_INVALID });
	const claim = randomToken(20);
	const hashes = { keyed: hashCode(code), plain: plainCodeHash(code) };
	const opened = await openCodeClaim(db, hashes, claimHash(claim), today);
	if (opened) return { claim, waveId: opened.wave_id };
	if (await isCodeOfPlannedWave(db, hashes, today))
		throw new ValidationError({ code: { key: 'barometer.notYetOpen' } });
	throw new ValidationError({ code: CODE_INVALID });
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
	measures: QuestionnaireMeasure[];
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
	const [wave, waveUnits, allUnits, organisation, measures] = await Promise.all([
		findWave(db, organisationId, waveId),
		findWaveUnits(db, organisationId, waveId),
		findUnits(db, organisationId),
		db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow(),
		findWaveMeasures(db, organisationId, waveId)
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
		definition: waveRowToWave(wave!).definition,
		includeModule: wave!.include_module,
		instrumentVersion: wave!.instrument_version,
		k: wave!.min_group_size,
		sensitiveK: wave!.sensitive_min_group_size,
		units,
		unitIds: new Set(units.map((u) => u.id)),
		measures: measures.map((m) => ({
			id: m.measureId,
			title: m.title,
			unitName: m.unitId === null ? null : (allUnits.find((u) => u.id === m.unitId)?.name ?? null),
			askedOf:
				m.unitId === null ? null : units.filter((u) => isAskedOf(m.unitId, u.id, allUnits)).map((u) => u.id)
		})),
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
	if (entry.via === 'code') throw new ValidationError({ code: CODE_INVALID });
	error(404, 'error.notFound');
}

/** The questionnaire behind a unit link or an opened code (a claim); 404 for an unknown link. */
export async function openQuestionnaire(
	db: Kysely<Database>,
	entry: Entry,
	today: string
): Promise<Questionnaire> {
	const resolved = await resolveOrRefuse(db, entry);
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
		units: context.units,
		answeredHere: entry.via === 'link' && (entry.answeredWaves?.has(context.waveId) ?? false),
		measures: context.measures
	};
}

export interface SubmissionResult {
	/** The wave's language, for respondents who chose none. */
	language: 'nl' | 'fr' | 'en';
	/** The wave answered, so that a browser can remember it answered a link of it. */
	waveId: string;
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
	/** The people the organisation names for its employees to turn to, read at submission. */
	contacts: OrganisationContacts;
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
	nonceHash: string;
	sealed: SealedRow;
}

function refuseClosed(status: WaveStatus): never {
	throw new ValidationError({
		wave: { key: status === 'planned' ? 'barometer.notYetOpen' : 'barometer.closed' }
	});
}

/** Refuses a submission the wave no longer (or not yet) takes; a retry of a stored form passes. */
async function refuseUnlessSeen(db: Kysely<Database>, r: StoredResponse, open: boolean): Promise<false> {
	if (await findReceipt(db, r.nonceHash)) return false;
	if (!open) {
		const { status } = await currentStatus(db, r.organisationId, r.waveId, r.today);
		refuseClosed(status === 'open' ? 'closed' : status);
	}
	return false;
}

/**
 * The wave row while it takes answers, share-locked: closing it (by hand or by its date, which
 * both summarise it) waits for the submission, and a submission that waited for a close finds
 * the wave closed when the lock is granted, so no answer arrives after the wave's answers were mixed.
 */
function openWave(r: StoredResponse) {
	return sql`
		select organisation_id, id from wave
		where organisation_id = ${r.organisationId} and id = ${r.waveId}
			and not closed and summarised_at is null and opens_on <= ${r.today} and closes_on >= ${r.today}
		for share`;
}

/** What storing a response tells: whether it was new, and the organisation's contacts for its page. */
interface Stored {
	stored: boolean;
	contacts: unknown;
}

/**
 * The organisation's contacts for the result page, read in the statement that stores the response:
 * the page then costs one round trip to the database.
 */
function contactsOf(r: StoredResponse) {
	return sql`(select contacts from organisation where id = ${r.organisationId})`;
}

function insertSealed(r: StoredResponse, from: string) {
	const s = r.sealed;
	return sql`
		insert into response_sealed (organisation_id, wave_id, id, unit_id, via, sealed)
		select ${s.organisation_id}, ${s.wave_id}, ${s.id}, ${s.unit_id}, ${s.via}, ${s.sealed}
		from ${sql.table(from)}
		returning 1`;
}

/**
 * A unit-link response in one statement (one round trip, atomic on its own): while the wave takes
 * answers, the unit's link counter goes up only below its headcount (the row lock of that update
 * makes the cap hold for submissions at the same moment), and only for a nonce not seen before
 * and a browser that has not answered a link of the wave; then the receipt and the sealed response.
 */
async function storeLinkResponse(
	db: Kysely<Database>,
	r: StoredResponse,
	answeredHere: boolean
): Promise<Stored> {
	// Prepared on each connection: every submission runs it, and only its parameters vary.
	const { rows } = await executePrepared(
		db,
		sql<{
			open: boolean;
			slot: boolean;
			inserted: boolean;
			headcount: number | null;
			contacts: unknown;
		}>`
		with w as (${openWave(r)}),
		slot as (
			update wave_unit wu set link_answers = wu.link_answers + 1
			from w, unit u
			where wu.organisation_id = w.organisation_id and wu.wave_id = w.id and wu.unit_id = ${r.unitId}
				and u.organisation_id = wu.organisation_id and u.id = wu.unit_id
				and wu.link_answers < coalesce(u.headcount, 0) and not ${answeredHere}::boolean
				and not exists (
					select 1 from submission_receipt s
					where s.organisation_id = w.organisation_id and s.wave_id = w.id and s.nonce_hash = ${r.nonceHash}
				)
			returning wu.organisation_id, wu.wave_id
		), receipt as (
			insert into submission_receipt (organisation_id, wave_id, nonce_hash)
			select organisation_id, wave_id, ${r.nonceHash} from slot
			on conflict do nothing
			returning 1
		), stored as (${insertSealed(r, 'receipt')})
		select exists (select 1 from w) as open, exists (select 1 from slot) as slot,
			exists (select 1 from stored) as inserted,
			(select headcount from unit where organisation_id = ${r.organisationId} and id = ${r.unitId}) as headcount,
			${contactsOf(r)} as contacts
	`.compile(db)
	);
	const outcome = rows[0]!;
	const contacts = outcome.contacts ?? {};
	if (outcome.inserted) return { stored: true, contacts };
	if (outcome.slot) {
		// The same form twice at the same moment: the other one stored it; give its slot back.
		await sql`
			update wave_unit set link_answers = link_answers - 1
			where organisation_id = ${r.organisationId} and wave_id = ${r.waveId} and unit_id = ${r.unitId}
		`.execute(db);
		return { stored: false, contacts };
	}
	if (!outcome.open || (await findReceipt(db, r.nonceHash)))
		return { stored: await refuseUnlessSeen(db, r, outcome.open), contacts };
	if (answeredHere) throw new ValidationError({ form: { key: 'barometer.linkAnsweredHere' } });
	throw new ValidationError({
		unitId: { key: outcome.headcount ? 'barometer.linkFull' : 'barometer.linkNoHeadcount' }
	});
}

/**
 * A personal-code response in one statement: while the wave takes answers, the claim is used up
 * (deleted) and the receipt and the sealed response are stored from it, so two submissions with
 * one claim store one response. Nothing in it refers to the code or the claim.
 */
async function storeCodeResponse(db: Kysely<Database>, r: StoredResponse, claim: string): Promise<Stored> {
	// Prepared on each connection: every submission by code runs it, and only its parameters vary.
	const { rows } = await executePrepared(
		db,
		sql<{ open: boolean; inserted: boolean; contacts: unknown }>`
		with w as (${openWave(r)}),
		claim as (
			delete from response_claim c using w
			where c.organisation_id = w.organisation_id and c.wave_id = w.id and c.claim_hash = ${claimHash(claim)}
			returning c.organisation_id, c.wave_id
		), receipt as (
			insert into submission_receipt (organisation_id, wave_id, nonce_hash)
			select organisation_id, wave_id, ${r.nonceHash} from claim
			on conflict do nothing
			returning 1
		), stored as (${insertSealed(r, 'receipt')})
		select exists (select 1 from w) as open, exists (select 1 from stored) as inserted,
			${contactsOf(r)} as contacts
	`.compile(db)
	);
	const outcome = rows[0]!;
	const contacts = outcome.contacts ?? {};
	if (outcome.inserted) return { stored: true, contacts };
	if (!outcome.open || (await findReceipt(db, r.nonceHash)))
		return { stored: await refuseUnlessSeen(db, r, outcome.open), contacts };
	// Used up by a submission of another form at the same moment.
	throw new ValidationError({ code: CODE_INVALID });
}

/**
 * Validates and stores one response. Every refusal is a ValidationError and stores nothing. The
 * same form again (same nonce) gives its result page again and stores nothing, also after its
 * claim was used up by it and after the wave closed.
 */
export async function submitResponse(
	db: Kysely<Database>,
	entry: Entry,
	fields: Record<string, string>,
	today: string
): Promise<SubmissionResult> {
	const nonce = fields.nonce ?? '';
	const nonceOk = /^[a-z2-7]{26}$/.test(nonce);
	let resolved = await resolveEntry(db, entry);
	if (!resolved && entry.via === 'code' && nonceOk) {
		// The claim is gone: used by this very form before (a double click, a retry)?
		const receipt = await findReceipt(db, nonceHash(nonce));
		if (receipt)
			resolved = { organisationId: receipt.organisation_id, waveId: receipt.wave_id, unitId: null };
	}
	if (!resolved) resolved = await resolveOrRefuse(db, entry);
	const context = await waveContext(db, resolved.organisationId, resolved.waveId);
	const { definition, includeModule } = context;

	const problems: FieldProblems = {};
	if (!nonceOk) problems.form = { key: 'barometer.formExpired' };
	const unitId = fields.unitId ?? '';
	if (!context.unitIds.has(unitId)) problems.unitId = { key: 'barometer.chooseUnit' };
	const answerFields = Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith('q_')));
	const checked = validateAnswers(definition, includeModule, answerFields);
	if (!checked.ok) {
		for (const p of checked.problems) problems[p.itemId ? `q_${p.itemId}` : 'form'] = { key: p.key };
	}
	// Perception questions are asked of the respondents of the measure's unit and those below it only.
	const perception = readPerceptionAnswers(
		fields,
		context.measures.filter((m) => m.askedOf === null || m.askedOf.includes(unitId)).map((m) => m.id)
	);
	Object.assign(problems, perception.problems);
	if (Object.keys(problems).length || !checked.ok) {
		// A wave that no longer takes answers says so first: fixing the form would not help.
		const { status } = await currentStatus(db, resolved.organisationId, resolved.waveId, today);
		if (status !== 'open') refuseClosed(status);
		throw new ValidationError(problems);
	}

	const scores = scoreAnswers(definition, checked.answers, includeModule);
	const via = entry.via;
	const row: StoredResponse = {
		organisationId: resolved.organisationId,
		waveId: resolved.waveId,
		unitId,
		today,
		nonceHash: nonceHash(nonce),
		sealed: sealResponse(
			{ organisationId: resolved.organisationId, waveId: resolved.waveId, unitId, via },
			{
				instrumentVersion: context.instrumentVersion,
				answers: checked.answers,
				scores: Object.fromEntries(scores.map((s) => [s.dimension, s.score])),
				...(Object.keys(perception.answers).length ? { perception: perception.answers } : {})
			}
		)
	};
	const { stored, contacts } =
		entry.via === 'link'
			? await storeLinkResponse(db, row, entry.answeredWaves?.has(resolved.waveId) ?? false)
			: await storeCodeResponse(db, row, entry.claim);
	const dimensions = new Map(dimensionsOf(definition, includeModule).map((d) => [d.id, d]));
	return {
		contacts: readOrganisationContacts(contacts),
		language: context.language,
		waveId: resolved.waveId,
		stored,
		provisionalThresholds: definition.provisionalThresholds,
		results: scores.map((s) => {
			const d = dimensions.get(s.dimension)!;
			return { ...s, name: d.name, description: d.description, riskWhen: d.bands.riskWhen };
		})
	};
}
