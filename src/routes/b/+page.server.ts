import { fail } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { resumeClaim, startWithCode, submitFromForm } from '$lib/server/barometer/respondent-page';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/**
 * A browser that opened a code and has not answered yet continues where it was; `?code` shows the
 * code form anyway (someone else at the same computer).
 */
export const load: PageServerLoad = async (event) => {
	if (event.request.method === 'POST' || event.url.searchParams.has('code')) return { resumed: null };
	return { resumed: await resumeClaim(event) };
};

export const actions: Actions = {
	/** A personal code opens its wave's questionnaire; the code travels in the form, never in a URL. */
	start: async (event) => {
		const form = await readForm(event.request);
		try {
			return { started: await startWithCode(form.code ?? '', event) };
		} catch (e) {
			if (e instanceof ValidationError)
				return fail(400, { codeProblem: e.problems.code ?? { key: 'barometer.codeInvalid' } });
			throw e;
		}
	},
	/** Submits the answers, or, from the language switch, shows them again in another language. */
	submit: async (event) => submitFromForm('claim', await readForm(event.request), event)
};
