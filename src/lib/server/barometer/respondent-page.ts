import { fail, type Cookies } from '@sveltejs/kit';
import { ValidationError } from '../../domain/validation';
import { LANGUAGE_COOKIE } from '../locale';
import { getDb } from '../db';
import { todayInBelgium } from '../clock';
import {
	newSubmissionNonce,
	openCode,
	openQuestionnaire,
	submitResponse,
	type Entry,
	type Questionnaire
} from './participation';

/** What a respondent page needs of a questionnaire (no ids beyond the wave's units). */
function view(q: Questionnaire) {
	return {
		organisationName: q.organisationName,
		waveName: q.waveName,
		status: q.status,
		closesOn: q.closesOn,
		k: q.k,
		sensitiveK: q.sensitiveK,
		instruction: q.instruction,
		scale: q.scale,
		items: q.items,
		units: q.units,
		unitId: q.unitId,
		answeredHere: q.answeredHere,
		measures: q.measures
	};
}
export type QuestionnaireView = ReturnType<typeof view>;

/** The wave's language applies unless the respondent chose one. */
function applyWaveLanguage(
	locals: App.Locals,
	cookies: Cookies,
	wave: { language: Questionnaire['language'] }
) {
	if (!cookies.get(LANGUAGE_COOKIE)) locals.locale = wave.language;
}

/**
 * After a form post the page shows the action's outcome, which carries all it needs (the result,
 * or the refused form with its questionnaire): the questionnaire is not loaded a second time.
 */
export function afterPost(locals: App.Locals) {
	return { questionnaire: null, nonce: '', locale: locals.locale };
}

/** The browser's claim on an opened personal code (its token; the database keeps only a hash). */
export const CLAIM_COOKIE = 'kl_claim';
/** The waves this browser answered by link, so that one browser answers a link once per wave. */
export const LINK_ANSWERED_COOKIE = 'kl_answered';
const REMEMBERED_WAVES = 20;

function cookieOptions(url: URL, days: number) {
	return {
		path: '/b',
		httpOnly: true,
		sameSite: 'lax' as const,
		// A cookie sent over plain http cannot be secure; behind TLS (ORIGIN=https://...) it always is.
		secure: url.protocol === 'https:',
		maxAge: days * 24 * 60 * 60
	};
}

function answeredWaves(cookies: Cookies): string[] {
	return (cookies.get(LINK_ANSWERED_COOKIE) ?? '').split('.').filter((id) => /^[0-9a-f-]{36}$/.test(id));
}

/** A unit link as this browser comes in with it. */
export function linkEntry(token: string, cookies: Cookies): Entry {
	return { via: 'link', token, answeredWaves: new Set(answeredWaves(cookies)) };
}

function claimEntry(cookies: Cookies): Entry | null {
	const claim = cookies.get(CLAIM_COOKIE);
	return claim ? { via: 'code', claim } : null;
}

export async function loadQuestionnaire(entry: Entry, locals: App.Locals, cookies: Cookies) {
	const q = await openQuestionnaire(getDb(), entry, todayInBelgium());
	applyWaveLanguage(locals, cookies, q);
	return { questionnaire: view(q), nonce: newSubmissionNonce(), locale: locals.locale };
}

/** The questionnaire of the code this browser opened and has not used yet, if any. */
export async function resumeClaim(locals: App.Locals, cookies: Cookies) {
	const entry = claimEntry(cookies);
	if (!entry) return null;
	try {
		return await loadQuestionnaire(entry, locals, cookies);
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		cookies.delete(CLAIM_COOKIE, { path: '/b' });
		return null;
	}
}

/**
 * A personal code typed in: opening it uses it up and gives this browser its claim. A code that
 * does not open while this browser holds a claim (its own code typed again) continues that claim.
 */
export async function startWithCode(code: string, locals: App.Locals, cookies: Cookies, url: URL) {
	try {
		const { claim } = await openCode(getDb(), code, todayInBelgium());
		cookies.set(CLAIM_COOKIE, claim, cookieOptions(url, 120));
		return await loadQuestionnaire({ via: 'code', claim }, locals, cookies);
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		const resumed = await resumeClaim(locals, cookies);
		if (resumed) return resumed;
		throw e;
	}
}

/**
 * Submits a response and returns the personal result for this response only; a refusal returns
 * the problems with the questionnaire again, its answers kept and nothing stored. A personal code's
 * claim comes from this browser's cookie.
 */
export async function submitFromForm(
	entry: Entry | 'claim',
	fields: Record<string, string>,
	locals: App.Locals,
	cookies: Cookies,
	url: URL
) {
	const db = getDb();
	const today = todayInBelgium();
	const resolvedEntry: Entry =
		entry === 'claim' ? (claimEntry(cookies) ?? { via: 'code', claim: '' }) : entry;
	try {
		const outcome = await submitResponse(db, resolvedEntry, fields, today);
		applyWaveLanguage(locals, cookies, outcome);
		if (resolvedEntry.via === 'code') cookies.delete(CLAIM_COOKIE, { path: '/b' });
		else if (outcome.stored) {
			const waves = [outcome.waveId, ...answeredWaves(cookies).filter((id) => id !== outcome.waveId)];
			cookies.set(LINK_ANSWERED_COOKIE, waves.slice(0, REMEMBERED_WAVES).join('.'), cookieOptions(url, 400));
		}
		return { result: outcome };
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		let questionnaire: QuestionnaireView | null = null;
		try {
			const q = await openQuestionnaire(db, resolvedEntry, today);
			applyWaveLanguage(locals, cookies, q);
			questionnaire = view(q);
		} catch {
			/* a claim that is gone: only the problem is shown */
		}
		const { nonce: _nonce, ...values } = fields;
		// The same nonce again: after fixing the form, its submission is still the same one.
		return fail(400, {
			problems: e.problems,
			values,
			questionnaire,
			nonce: fields.nonce ?? newSubmissionNonce()
		});
	}
}
