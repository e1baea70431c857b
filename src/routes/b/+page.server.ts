import { fail } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { loadQuestionnaire, submitFromForm } from '$lib/server/barometer/respondent-page';
import { readForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const csr = false;

export const actions: Actions = {
	/** A personal code opens its wave's questionnaire; the code travels in the form, never in a URL. */
	start: async ({ request, locals, cookies }) => {
		const form = await readForm(request);
		const code = form.code ?? '';
		try {
			return { started: { ...(await loadQuestionnaire({ via: 'code', code }, locals, cookies)), code } };
		} catch (e) {
			if (e instanceof ValidationError)
				return fail(400, { codeProblem: e.problems.code ?? { key: 'barometer.unknownCode' } });
			throw e;
		}
	},
	submit: async ({ request, locals, cookies }) => {
		const form = await readForm(request);
		return submitFromForm({ via: 'code', code: form.code ?? '' }, form, locals, cookies);
	}
};
