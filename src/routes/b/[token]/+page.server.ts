import {
	afterPost,
	linkEntry,
	loadQuestionnaire,
	submitFromForm
} from '$lib/server/barometer/respondent-page';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// Server-rendered only: the barometer ships no JavaScript and works the same without it.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, cookies, request }) =>
	request.method === 'POST'
		? afterPost(locals)
		: loadQuestionnaire(linkEntry(params.token, cookies), locals, cookies);

export const actions: Actions = {
	default: async ({ request, params, locals, cookies, url }) =>
		submitFromForm(linkEntry(params.token, cookies), await readForm(request), locals, cookies, url)
};
