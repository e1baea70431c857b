import { getDb } from '$lib/server/db';
import { formAction, readForm } from '$lib/server/forms';
import { getOrganisationSettings, saveOrganisationSettings } from '$lib/server/organisations/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	settings: await getOrganisationSettings(getDb(), locals.actor, params.org)
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await saveOrganisationSettings(getDb(), locals.actor, params.org, form);
			return { saved: true };
		});
	}
};
