import { listAuditLog } from '$lib/server/audit/service';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	listAuditLog(getDb(), locals.actor, params.org, url.searchParams);
