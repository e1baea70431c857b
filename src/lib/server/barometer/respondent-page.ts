import { fail, type Cookies } from '@sveltejs/kit';
import { ValidationError } from '../../domain/validation';
import { LANGUAGE_COOKIE } from '../locale';
import { getDb } from '../db';
import { todayInBelgium } from '../clock';
import {
	newSubmissionNonce,
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
		unitId: q.unitId
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

export async function loadQuestionnaire(entry: Entry, locals: App.Locals, cookies: Cookies) {
	const q = await openQuestionnaire(getDb(), entry, todayInBelgium());
	applyWaveLanguage(locals, cookies, q);
	return { questionnaire: view(q), nonce: newSubmissionNonce(), locale: locals.locale };
}

/**
 * Submits a response and returns the personal result for this response only; a refusal returns
 * the problems with the questionnaire again, its answers kept and nothing stored.
 */
export async function submitFromForm(
	entry: Entry,
	fields: Record<string, string>,
	locals: App.Locals,
	cookies: Cookies
) {
	const db = getDb();
	const today = todayInBelgium();
	try {
		const outcome = await submitResponse(db, entry, fields, today);
		applyWaveLanguage(locals, cookies, outcome);
		return { result: outcome };
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		let questionnaire: QuestionnaireView | null = null;
		try {
			const q = await openQuestionnaire(db, entry, today);
			applyWaveLanguage(locals, cookies, q);
			questionnaire = view(q);
		} catch {
			/* an unknown or used code: only the problem is shown */
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
