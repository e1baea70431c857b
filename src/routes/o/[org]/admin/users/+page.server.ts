import { getDb } from '$lib/server/db';
import { done, formAction, readForm } from '$lib/server/forms';
import { listUnitsForAdmin } from '$lib/server/units/service';
import {
	changeMemberRole,
	createMember,
	listMembers,
	resetMemberPassword,
	setMemberActive
} from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const members = await listMembers(db, locals.actor, params.org);
	const units = (await listUnitsForAdmin(db, locals.actor, params.org))
		.filter((r) => !r.unit.archived)
		.map((r) => ({ id: r.unit.id, label: `${'· '.repeat(r.depth)}${r.unit.name} (${r.unit.code})` }));
	return { members, units, me: locals.actor!.userId };
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			const created = await createMember(getDb(), locals.actor, params.org, form);
			// The one-time password travels once, in this response, and is stored nowhere in clear.
			return { created: { name: form.displayName ?? '', oneTimePassword: created.oneTimePassword } };
		});
	},
	role: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await changeMemberRole(getDb(), locals.actor, params.org, form.userId ?? '', form);
			return done('users.roleChanged');
		});
	},
	deactivate: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await setMemberActive(getDb(), locals.actor, params.org, form.userId ?? '', false);
			return done('users.deactivated');
		});
	},
	reactivate: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await setMemberActive(getDb(), locals.actor, params.org, form.userId ?? '', true);
			return done('users.reactivated');
		});
	},
	reset: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			const oneTimePassword = await resetMemberPassword(getDb(), locals.actor, params.org, form.userId ?? '');
			return { reset: { name: form.displayName ?? '', oneTimePassword } };
		});
	}
};
