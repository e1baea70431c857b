import { error } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
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

async function resolveEntry(db: Kysely<Database>, entry: Entry) {
	if (entry.via === 'link') {
		if (!/^[a-z2-7]{26}$/.test(entry.token)) return null;
		const found = await findWaveUnitByToken(db, entry.token);
		return found
			? {
					organisationId: found.organisation_id,
					waveId: found.wave_id,
					unitId: found.unit_id as string | null,
					organisationName: found.organisation_name
				}
			: null;
	}
	const code = normaliseCode(entry.code);
	if (!code) return null;
	const found = await findCodeByHash(db, hashCode(code));
	return found
		? {
				organisationId: found.organisation_id,
				waveId: found.wave_id,
				unitId: null,
				organisationName: found.organisation_name,
				codeUsed: found.used
			}
		: null;
}

/** The questionnaire behind a unit link or a personal code; 404 for an unknown link. */
export async function openQuestionnaire(
	db: Kysely<Database>,
	entry: Entry,
	today: string,
	options: { allowUsedCode?: boolean } = {}
): Promise<Questionnaire> {
	const resolved = await resolveEntry(db, entry);
	if (!resolved) {
		if (entry.via === 'code') throw new ValidationError({ code: { key: 'barometer.unknownCode' } });
		error(404, 'error.notFound');
	}
	if ('codeUsed' in resolved && resolved.codeUsed && !options.allowUsedCode) {
		throw new ValidationError({ code: { key: 'barometer.codeUsed' } });
	}
	const wave = (await findWave(db, resolved.organisationId, resolved.waveId))!;
	const definition = wave.definition as InstrumentDefinition;
	const waveUnits = await findWaveUnits(db, resolved.organisationId, resolved.waveId);
	const allUnits = await findUnits(db, resolved.organisationId);
	const covered = new Set(waveUnits.map((u) => u.id));
	return {
		organisationName: resolved.organisationName,
		waveId: wave.id,
		waveName: wave.name,
		language: wave.language,
		status: waveStatus({ opensOn: wave.opens_on, closesOn: wave.closes_on, closed: wave.closed }, today),
		closesOn: wave.closes_on,
		k: wave.min_group_size,
		sensitiveK: wave.sensitive_min_group_size,
		provisionalThresholds: definition.provisionalThresholds,
		instruction: definition.instruction,
		scale: definition.scale,
		items: itemsOf(definition, wave.include_module).map((i) => ({
			id: i.id,
			dimension: i.dimension,
			text: i.text
		})),
		unitId: resolved.unitId,
		units: flattenTree(allUnits.filter((u) => covered.has(u.id))).map((r) => ({
			id: r.unit.id,
			name: r.unit.name,
			depth: r.depth
		}))
	};
}

export interface SubmissionResult {
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
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`nonce:${nonce}`)));
}

export function newSubmissionNonce(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
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
	const nonce = fields.nonce ?? '';
	const validNonce = /^[a-z2-7]{26}$/.test(nonce);
	const resolved = await resolveEntry(db, entry);
	// The same form sent again (double click, retry after a network error) gets its result page
	// again, also when its code is now used or the wave closed in between, and stores nothing.
	const repeated =
		resolved !== null &&
		validNonce &&
		(await db
			.selectFrom('submission_receipt')
			.select('nonce_hash')
			.where('organisation_id', '=', resolved.organisationId)
			.where('wave_id', '=', resolved.waveId)
			.where('nonce_hash', '=', nonceHash(nonce))
			.executeTakeFirst()) !== undefined;
	const questionnaire = await openQuestionnaire(db, entry, today, { allowUsedCode: repeated });
	if (questionnaire.status !== 'open' && !repeated) {
		throw new ValidationError({
			wave: { key: questionnaire.status === 'planned' ? 'barometer.notYetOpen' : 'barometer.closed' }
		});
	}
	const problems: FieldProblems = {};
	if (!validNonce) problems.form = { key: 'barometer.formExpired' };
	const unitId = fields.unitId ?? '';
	if (!questionnaire.units.some((u) => u.id === unitId)) problems.unitId = { key: 'barometer.chooseUnit' };
	const wave = (await findWave(db, resolved!.organisationId, questionnaire.waveId))!;
	const definition = wave.definition as InstrumentDefinition;
	const answerFields = Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith('q_')));
	const checked = validateAnswers(definition, wave.include_module, answerFields);
	if (!checked.ok) {
		for (const p of checked.problems) problems[p.itemId ? `q_${p.itemId}` : 'form'] = { key: p.key };
	}
	if (Object.keys(problems).length || !checked.ok) throw new ValidationError(problems);

	const scores = scoreAnswers(definition, checked.answers, wave.include_module);
	const stored = repeated
		? false
		: await db.transaction().execute(async (trx) => {
				const receipt = await trx
					.insertInto('submission_receipt')
					.values({ organisation_id: wave.organisation_id, wave_id: wave.id, nonce_hash: nonceHash(nonce) })
					.onConflict((oc) => oc.doNothing())
					.returning('nonce_hash')
					.executeTakeFirst();
				if (!receipt) return false;
				if (entry.via === 'code') {
					const used = await trx
						.updateTable('wave_code')
						.set({ used: true })
						.where('code_hash', '=', hashCode(normaliseCode(entry.code)!))
						.where('used', '=', false)
						.returning('code_hash')
						.executeTakeFirst();
					if (!used) throw new ValidationError({ code: { key: 'barometer.codeUsed' } });
				}
				await trx
					.insertInto('response')
					.values({
						organisation_id: wave.organisation_id,
						wave_id: wave.id,
						unit_id: unitId,
						submitted_on: today,
						instrument_version: wave.instrument_version,
						answers: JSON.stringify(checked.answers),
						scores: JSON.stringify(Object.fromEntries(scores.map((s) => [s.dimension, s.score])))
					})
					.execute();
				return true;
			});
	const dimensions = new Map(dimensionsOf(definition, wave.include_module).map((d) => [d.id, d]));
	return {
		stored,
		provisionalThresholds: definition.provisionalThresholds,
		results: scores.map((s) => {
			const d = dimensions.get(s.dimension)!;
			return { ...s, name: d.name, description: d.description, riskWhen: d.bands.riskWhen };
		})
	};
}
