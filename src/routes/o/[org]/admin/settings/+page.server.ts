import { getDb } from '$lib/server/db';
import { formAction, readForm } from '$lib/server/forms';
import {
	getOrganisationContacts,
	getOrganisationSettings,
	saveOrganisationContacts,
	saveOrganisationSettings
} from '$lib/server/organisations/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	settings: await getOrganisationSettings(getDb(), locals.actor, params.org),
	contacts: await getOrganisationContacts(getDb(), locals.actor, params.org)
});

export const actions: Actions = {
	/** Two forms post here; the contacts form says so in its `section` field. */
	default: async ({ request, locals, params }) => {
		const form = await readForm(request);
		if (form.section === 'contacts')
			return formAction(form, async () => {
				await saveOrganisationContacts(getDb(), locals.actor, params.org, form);
				return { contactsSaved: true };
			});
		return formAction(form, async () => {
			await saveOrganisationSettings(getDb(), locals.actor, params.org, form);
			return { saved: true };
		});
	}
};
