import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The start page: sign in, or go to the (only) organisation of the user. */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, '/login');
	const memberships = locals.actor.memberships;
	if (memberships.length === 1) redirect(303, `/o/${memberships[0]!.organisationId}`);
	redirect(303, '/orgs');
};
