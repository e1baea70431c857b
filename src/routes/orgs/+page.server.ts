import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findOrganisationsOfUser } from '$lib/server/organisations/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	// Only the user's own memberships: nothing here needs a further permission.
	const organisations = await findOrganisationsOfUser(getDb(), locals.user.id);
	return { organisations: organisations.map((o) => ({ id: o.id, name: o.name, role: o.role })) };
};
