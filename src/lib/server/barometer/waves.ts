import { error } from '@sveltejs/kit';
import { randomInt } from 'node:crypto';
import { randomToken, sha256Hex } from '../crypto';
import { keyedHash } from '../secret';
import type { Kysely } from 'kysely';
import { flattenTree } from '../../domain/units';
import { ValidationError, unwrap, isUuid } from '../../domain/validation';
import { formatCode, responseProgress, validateWaveInput, waveStatus } from '../../domain/waves';
import { BUILT_IN_INSTRUMENTS } from '../../instruments';
import { validateInstrument } from '../../instruments/schema';
import type { InstrumentDefinition } from '../../instruments/types';
import { authorize, type Actor } from '../access';
import { chooseWaveMeasures, insertWaveMeasures, perceptionCandidates } from '../action-plans/perception';
import { refreshAttentionList } from '../analytics/attention';
import { ORGANISATION_ROOT } from '../analytics/common';
import { waveParticipation } from '../analytics/wave-results';
import { dropWaveSummary, summariseWave } from '../analytics/summaries';
import { isWaveReleased } from '../analytics/wave-release';
import { suppressed } from '../../domain/anonymity';
import { insertAuditEntry } from '../audit/queries';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findUnits } from '../units/queries';
import { countCodes, countResponsesByUnit, findWave, findWaveUnits, findWaves } from './queries';
import { storedDefinition, waveRowToWave } from './wave-row';

export const MAX_CODES_PER_BATCH = 5000;

/**
 * What is stored of a personal code: HMAC-SHA256 under the server secret (src/lib/server/secret.ts),
 * so that whoever holds the code list and reads the database cannot tell which row is which code.
 */
export function hashCode(code: string): string {
	return keyedHash('code', code);
}

/** The plain hash of codes issued before codes were keyed; such rows keep working. */
export function plainCodeHash(code: string): string {
	return sha256Hex(`code:${code}`);
}

export interface InstrumentChoice {
	value: string;
	key: string;
	version: number;
	name: InstrumentDefinition['name'];
	hasModule: boolean;
	builtIn: boolean;
	provisionalThresholds: boolean;
}

/** The instruments a wave can use: the built-in barometer and the organisation's own. */
export async function instrumentChoices(
	db: Kysely<Database>,
	organisationId: string
): Promise<Array<InstrumentChoice & { definition: InstrumentDefinition }>> {
	const own = await db
		.selectFrom('instrument')
		.select(['key', 'version', 'definition'])
		.where('organisation_id', '=', organisationId)
		.orderBy('key')
		.orderBy('version', 'desc')
		.execute();
	const definitions = [
		...BUILT_IN_INSTRUMENTS.map((d) => ({ d, builtIn: true })),
		...own.map((r) => ({
			d: storedDefinition(r.definition, `instrument ${r.key}@${r.version}`),
			builtIn: false
		}))
	];
	return definitions.map(({ d, builtIn }) => ({
		value: `${d.key}@${d.version}`,
		key: d.key,
		version: d.version,
		name: d.name,
		hasModule: Boolean(d.module),
		builtIn,
		provisionalThresholds: d.provisionalThresholds,
		definition: d
	}));
}

export async function listWaves(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	today: string
) {
	authorize(actor, 'wave.view', { organisationId });
	const waves = await findWaves(db, organisationId);
	return waves.map((w) => ({
		id: w.id,
		name: w.name,
		instrument: `${w.instrument_key}@${w.instrument_version}`,
		includeModule: w.include_module,
		opensOn: w.opens_on,
		closesOn: w.closes_on,
		status: waveStatus({ opensOn: w.opens_on, closesOn: w.closes_on, closed: w.closed }, today)
	}));
}

/**
 * What the wave form offers: instruments, the active unit tree and the done measures its evaluation
 * block may ask about (docs/action-plans.md, "Perception in the barometer").
 */
export async function waveFormOptions(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	today: string
) {
	authorize(actor, 'wave.edit', { organisationId });
	const [instruments, units, organisation, perception] = await Promise.all([
		instrumentChoices(db, organisationId),
		findUnits(db, organisationId),
		findOrganisation(db, organisationId),
		perceptionCandidates(db, organisationId, today)
	]);
	const names = new Map(units.map((u) => [u.id, u.name]));
	return {
		instruments: instruments.map(({ definition: _definition, ...choice }) => choice),
		units: flattenTree(units).map((r) => ({
			id: r.unit.id,
			code: r.unit.code,
			name: r.unit.name,
			depth: r.depth
		})),
		language: organisation!.language,
		perception: {
			since: perception.since,
			measures: perception.measures.map((m) => ({
				id: m.id,
				title: m.title,
				unitName: m.unitId === null ? null : (names.get(m.unitId) ?? null)
			}))
		}
	};
}

export async function createWave(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	fields: Record<string, string>,
	unitIds: string[],
	today: string,
	measureIds: readonly string[] = []
): Promise<string> {
	authorize(actor, 'wave.edit', { organisationId });
	const [choices, units, organisation] = await Promise.all([
		instrumentChoices(db, organisationId),
		findUnits(db, organisationId),
		findOrganisation(db, organisationId)
	]);
	const input = unwrap(
		validateWaveInput(fields, unitIds, {
			instruments: choices.map((c) => c.value),
			units: new Set(units.filter((u) => !u.archived).map((u) => u.id)),
			today
		})
	);
	const choice = choices.find(
		(c) => c.key === input.instrument.key && c.version === input.instrument.version
	)!;
	if (input.includeModule && !choice.hasModule)
		throw new ValidationError({ includeModule: { key: 'waves.noModule' } });
	// The evaluation block: done measures that someone of the wave's units can answer.
	const measures = await chooseWaveMeasures(db, organisationId, measureIds, input.unitIds, today);
	return db.transaction().execute(async (trx) => {
		const wave = await trx
			.insertInto('wave')
			.values({
				organisation_id: organisationId,
				name: input.name,
				instrument_key: choice.key,
				instrument_version: choice.version,
				// The wave keeps the definition it started with, whatever happens to the instrument later.
				definition: JSON.stringify(choice.definition),
				include_module: input.includeModule,
				language: input.language,
				opens_on: input.opensOn,
				closes_on: input.closesOn,
				// k is frozen for the wave: a later change of the organisation's settings does not apply to it.
				min_group_size: organisation!.min_group_size,
				sensitive_min_group_size: organisation!.sensitive_min_group_size,
				entry: input.entry,
				created_by: actor!.userId
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('wave_unit')
			.values(
				input.unitIds.map((unitId) => ({
					organisation_id: organisationId,
					wave_id: wave.id,
					unit_id: unitId,
					link_token: randomToken(16)
				}))
			)
			.execute();
		await insertWaveMeasures(trx, organisationId, wave.id, measures);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'wave.create',
			objectType: 'wave',
			objectId: wave.id,
			detail: {
				name: input.name,
				instrument: choice.value,
				units: input.unitIds.length,
				entry: input.entry,
				...(measures.length ? { measures: measures.map((m) => m.measureId) } : {})
			}
		});
		return wave.id;
	});
}

async function requireWave(db: Kysely<Database>, organisationId: string, waveId: string) {
	if (!isUuid(waveId)) error(404, 'error.notFound');
	const wave = await findWave(db, organisationId, waveId);
	if (!wave) error(404, 'error.notFound');
	return waveRowToWave(wave);
}

/**
 * A wave for its advisor: status, how people answer, units with their link (a link wave only) and
 * what may be shown of participation (docs/anonymity.md, "Participation"): while the wave takes
 * answers a band at most (responseProgress); once closed, each unit's respondents through the
 * wave's plan, exactly as the results show them, which releases the wave. `participation`: 'show'
 * (the default) shows it; 'ifReleased' only for a wave already released, so that looking at a
 * closed wave that nobody has read (to reopen it) does not make it final; 'never' not at all.
 */
export async function getWaveOverview(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	waveId: string,
	today: string,
	options: { participation?: 'show' | 'ifReleased' | 'never' } = {}
) {
	authorize(actor, 'wave.view', { organisationId });
	const wave = await requireWave(db, organisationId, waveId);
	const status = waveStatus({ opensOn: wave.opens_on, closesOn: wave.closes_on, closed: wave.closed }, today);
	const mode = options.participation ?? 'show';
	const released = status === 'closed' && (await isWaveReleased(db, organisationId, waveId));
	const show = mode === 'show' || (mode === 'ifReleased' && released);
	const [units, counts, codes, closed] = await Promise.all([
		findWaveUnits(db, organisationId, waveId),
		status === 'closed' || mode === 'never' ? null : countResponsesByUnit(db, organisationId, waveId),
		countCodes(db, organisationId, waveId),
		status === 'closed' && show ? waveParticipation(db, organisationId, waveId, today) : null
	]);
	const { definition } = wave;
	const links = wave.entry === 'links';
	return {
		id: wave.id,
		name: wave.name,
		instrumentName: definition.name,
		instrument: `${wave.instrument_key}@${wave.instrument_version}`,
		includeModule: wave.include_module,
		provisionalThresholds: definition.provisionalThresholds,
		opensOn: wave.opens_on,
		closesOn: wave.closes_on,
		status,
		entry: wave.entry,
		k: wave.min_group_size,
		codes: { total: codes },
		// Shown results are final: such a wave cannot be reopened (setWaveClosed).
		released: closed !== null || released,
		// A closed wave nobody has read: its participation is shown only on request (it makes it final).
		participationHidden: status === 'closed' && closed === null && mode !== 'never',
		organisation: closed?.units.get(ORGANISATION_ROOT) ?? null,
		units: units.map((u) => ({
			id: u.id,
			code: u.code,
			name: u.name,
			linkToken: links ? u.link_token : null,
			// The count itself never leaves this function; a closed wave's goes through the gate.
			progress: counts ? responseProgress(counts.get(u.id) ?? 0, u.headcount, wave.min_group_size) : null,
			respondents: closed ? (closed.units.get(u.id) ?? suppressed('no-data')) : null,
			overfull: closed?.overfull.has(u.id) ?? false
		}))
	};
}

export async function setWaveClosed(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	waveId: string,
	closed: boolean,
	fields: Record<string, string>,
	today: string
) {
	authorize(actor, 'wave.edit', { organisationId });
	const wave = await requireWave(db, organisationId, waveId);
	if (!closed && (await isWaveReleased(db, organisationId, waveId)))
		throw new ValidationError({ wave: { key: 'waves.reopenReleased' } });
	let closesOn = wave.closes_on;
	const next = fields.closesOn ?? '';
	if (!closed && (closesOn < today || next !== '')) {
		// Reopening a wave whose closing date has passed needs a new closing date; any reopening may set one.
		if (!/^\d{4}-\d{2}-\d{2}$/.test(next) || next < today)
			throw new ValidationError({ closesOn: { key: 'waves.closesInPast' } });
		closesOn = next;
	}
	// Closed before its planned date, a wave closes today: every page then shows the date it really
	// closed (never before it opened: the table keeps closes_on >= opens_on).
	if (closed && today < closesOn) closesOn = today < wave.opens_on ? wave.opens_on : today;
	await db.transaction().execute(async (trx) => {
		// The row lock orders this against a first reader releasing the wave (wave-release.ts):
		// either the release is written first and is found here, or the reader finds the wave reopened.
		const current = await trx
			.selectFrom('wave')
			.select('summarised_at')
			.where('organisation_id', '=', organisationId)
			.where('id', '=', waveId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (!closed && (await isWaveReleased(trx, organisationId, waveId)))
			throw new ValidationError({ wave: { key: 'waves.reopenReleased' } });
		await trx
			.updateTable('wave')
			.set({ closed, closes_on: closesOn })
			.where('organisation_id', '=', organisationId)
			.where('id', '=', waveId)
			.execute();
		// Results exist only for a wave that takes no more answers (see docs/anonymity.md). A wave
		// already summarised (its closing date passed) keeps its summary: closing it is no new close.
		if (closed) {
			if (current.summarised_at === null) await summariseWave(trx, organisationId, waveId);
		} else await dropWaveSummary(trx, organisationId, waveId);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: closed ? 'wave.close' : 'wave.reopen',
			objectType: 'wave',
			objectId: waveId,
			detail:
				closesOn === wave.closes_on
					? { closesOn }
					: { before: { closesOn: wave.closes_on }, after: { closesOn } }
		});
	});
	// The waves the attention list compares changed: it is computed now rather than by its next reader.
	void refreshAttentionList(db, organisationId, { today });
}

/**
 * Creates single-use personal codes. They are returned once, for the mail merge, and only their
 * hashes are kept: no code is ever stored next to a name, and a response never refers to its code.
 */
export async function generateCodes(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	waveId: string,
	countInput: string
): Promise<string[]> {
	authorize(actor, 'wave.edit', { organisationId });
	await requireWave(db, organisationId, waveId);
	if (!/^\d+$/.test(countInput ?? '') || Number(countInput) < 1 || Number(countInput) > MAX_CODES_PER_BATCH) {
		throw new ValidationError({ count: { key: 'waves.codeCount', params: { max: MAX_CODES_PER_BATCH } } });
	}
	const codes = new Set<string>();
	while (codes.size < Number(countInput)) {
		const bytes = new Uint8Array(12);
		crypto.getRandomValues(bytes);
		codes.add(formatCode(bytes));
	}
	const list = [...codes];
	// Stored in another random order than the list handed out: the rows' physical order must not
	// pair them with the lines of the mail merge.
	const hashes = list.map(hashCode);
	for (let i = hashes.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[hashes[i], hashes[j]] = [hashes[j]!, hashes[i]!];
	}
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < hashes.length; i += 500) {
			await trx
				.insertInto('wave_code')
				.values(
					hashes
						.slice(i, i + 500)
						.map((codeHash) => ({ organisation_id: organisationId, wave_id: waveId, code_hash: codeHash }))
				)
				.execute();
		}
		await trx
			.updateTable('wave')
			.set((eb) => ({ codes_issued: eb('codes_issued', '+', hashes.length) }))
			.where('organisation_id', '=', organisationId)
			.where('id', '=', waveId)
			.execute();
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'wave.codes',
			objectType: 'wave',
			objectId: waveId,
			detail: { count: list.length }
		});
	});
	return list;
}

/** Loads an organisation's own instrument definition (JSON) after validating it completely. */
export async function saveInstrument(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	json: string
) {
	authorize(actor, 'instrument.edit', { organisationId });
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		throw new ValidationError({ definition: { key: 'instrument.notJson' } });
	}
	const result = validateInstrument(parsed);
	if (!result.ok) {
		const first = result.problems[0]!;
		throw new ValidationError({
			definition: {
				key: first.key,
				params: { ...first.params, path: first.path, count: result.problems.length }
			}
		});
	}
	const definition = result.value;
	if (BUILT_IN_INSTRUMENTS.some((d) => d.key === definition.key))
		throw new ValidationError({ definition: { key: 'instrument.builtInKey' } });
	const exists = await db
		.selectFrom('instrument')
		.select('version')
		.where('organisation_id', '=', organisationId)
		.where('key', '=', definition.key)
		.where('version', '=', definition.version)
		.executeTakeFirst();
	if (exists)
		throw new ValidationError({
			definition: { key: 'instrument.versionExists', params: { version: definition.version } }
		});
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('instrument')
			.values({
				organisation_id: organisationId,
				key: definition.key,
				version: definition.version,
				definition: JSON.stringify(definition),
				created_by: actor!.userId
			})
			.execute();
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'instrument.create',
			objectType: 'instrument',
			objectId: `${definition.key}@${definition.version}`
		});
	});
	return { key: definition.key, version: definition.version };
}

/** The instruments of the organisation, for the questionnaires page. */
export async function listInstruments(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	authorize(actor, 'instrument.edit', { organisationId });
	return (await instrumentChoices(db, organisationId)).map(({ definition, ...choice }) => ({
		...choice,
		items: definition.items.length,
		moduleItems: definition.module?.items.length ?? 0
	}));
}
