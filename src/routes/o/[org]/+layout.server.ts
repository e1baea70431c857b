import { getDb } from '$lib/server/db';
import { getOrganisationContext } from '$lib/server/organisations/service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params }) => ({
	organisation: await getOrganisationContext(getDb(), locals.actor, params.org)
});
