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

export const load: PageServerLoad = async (event) =>
	event.request.method === 'POST'
		? afterPost(event.locals)
		: loadQuestionnaire(linkEntry(event.params.token, event.cookies), event);

export const actions: Actions = {
	/** Submits the answers, or, from the language switch, shows them again in another language. */
	default: async (event) =>
		submitFromForm(linkEntry(event.params.token, event.cookies), await readForm(event.request), event)
};
