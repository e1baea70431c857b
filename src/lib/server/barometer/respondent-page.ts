import { fail, type Cookies } from '@sveltejs/kit';
import { respondentLanguage } from '../../domain/respondent-language';
import { ValidationError } from '../../domain/validation';
import { isLocale, LOCALES, type Locale } from '../../i18n';
import type { Localised } from '../../instruments/types';
import { LANGUAGE_COOKIE, setLanguageCookie } from '../locale';
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

/** What a respondent page knows of the request: enough to choose its language and keep its claim. */
export interface Visit {
	locals: App.Locals;
	cookies: Cookies;
	request: Request;
	url: URL;
}

/** The languages every one of `texts` is written in. */
function languagesOf(texts: Localised[]): Locale[] {
	return LOCALES.filter((l) => texts.every((text) => typeof text[l] === 'string' && text[l].trim() !== ''));
}

/**
 * The page's language: the respondent's choice, else the browser's language when the wave offers
 * it (its instrument is written in it), else the wave's language (src/lib/domain/respondent-language.ts).
 */
function applyRespondentLanguage(visit: Visit, wave: { language: Locale }, texts: Localised[]) {
	visit.locals.locale = respondentLanguage({
		chosen: visit.cookies.get(LANGUAGE_COOKIE),
		acceptLanguage: visit.request.headers.get('accept-language'),
		waveLanguage: wave.language,
		offered: languagesOf(texts)
	});
}

const questionnaireTexts = (q: Questionnaire): Localised[] => [
	q.instruction,
	...q.scale.labels,
	...q.items.map((i) => i.text)
];

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

export async function loadQuestionnaire(entry: Entry, visit: Visit) {
	const q = await openQuestionnaire(getDb(), entry, todayInBelgium());
	applyRespondentLanguage(visit, q, questionnaireTexts(q));
	return { questionnaire: view(q), nonce: newSubmissionNonce(), locale: visit.locals.locale };
}

/** The questionnaire of the code this browser opened and has not used yet, if any. */
export async function resumeClaim(visit: Visit) {
	const entry = claimEntry(visit.cookies);
	if (!entry) return null;
	try {
		return await loadQuestionnaire(entry, visit);
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		visit.cookies.delete(CLAIM_COOKIE, { path: '/b' });
		return null;
	}
}

/**
 * A personal code typed in: opening it uses it up and gives this browser its claim. A code that
 * does not open while this browser holds a claim (its own code typed again) continues that claim.
 */
export async function startWithCode(code: string, visit: Visit) {
	try {
		const { claim } = await openCode(getDb(), code, todayInBelgium());
		visit.cookies.set(CLAIM_COOKIE, claim, cookieOptions(visit.url, 120));
		return await loadQuestionnaire({ via: 'code', claim }, visit);
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		const resumed = await resumeClaim(visit);
		if (resumed) return resumed;
		throw e;
	}
}

/**
 * The page's language switch posted the questionnaire (the header's controls belong to its form):
 * remember the language and show the same questionnaire again in it, with the answers given so far
 * checked and the same nonce. Nothing is stored on the server: the answers travel in this request
 * and its page only. A choice of the language already shown (Enter in the form makes the switch
 * the form's first button) changes nothing and submits nothing.
 */
async function switchLanguage(entry: Entry, fields: Record<string, string>, visit: Visit) {
	if (isLocale(fields.lang)) setLanguageCookie(visit.cookies, fields.lang, visit.url);
	const { nonce, lang: _lang, switchLanguage: _switch, ...values } = fields;
	try {
		const q = await openQuestionnaire(getDb(), entry, todayInBelgium());
		if (isLocale(fields.lang)) visit.locals.locale = fields.lang;
		else applyRespondentLanguage(visit, q, questionnaireTexts(q));
		return { questionnaire: view(q), values, nonce: nonce || newSubmissionNonce() };
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		if (isLocale(fields.lang)) visit.locals.locale = fields.lang;
		return fail(400, { problems: e.problems, values, questionnaire: null, nonce: newSubmissionNonce() });
	}
}

/**
 * Submits a response and returns the personal result for this response only; a refusal returns
 * the problems with the questionnaire again, its answers kept and nothing stored. A personal code's
 * claim comes from this browser's cookie.
 */
export async function submitFromForm(entry: Entry | 'claim', fields: Record<string, string>, visit: Visit) {
	const { cookies, url } = visit;
	const db = getDb();
	const today = todayInBelgium();
	const resolvedEntry: Entry =
		entry === 'claim' ? (claimEntry(cookies) ?? { via: 'code', claim: '' }) : entry;
	if ('switchLanguage' in fields) return switchLanguage(resolvedEntry, fields, visit);
	try {
		const outcome = await submitResponse(db, resolvedEntry, fields, today);
		applyRespondentLanguage(
			visit,
			outcome,
			outcome.results.flatMap((r) => [r.name, r.description])
		);
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
			applyRespondentLanguage(visit, q, questionnaireTexts(q));
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
