import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { archiveConsequences } from '$lib/server/units/archive-confirm';
import { done, formAction, readForm } from '$lib/server/forms';
import { addUnit, archiveUnit, listUnitsForAdmin, moveUnit, renameUnit } from '$lib/server/units/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const rows = await listUnitsForAdmin(getDb(), locals.actor, params.org);
	const units = rows.map((r) => ({
		id: r.unit.id,
		code: r.unit.code,
		name: r.unit.name,
		parentId: r.unit.parentId,
		headcount: r.unit.headcount,
		depth: r.depth,
		archived: r.unit.archived,
		validTo: r.unit.validTo
	}));
	const editId = url.searchParams.get('edit');
	return { units, editing: units.find((u) => u.id === editId && !u.archived) ?? null };
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			const unit = await addUnit(getDb(), locals.actor, params.org, form);
			return { ...done('units.added'), code: unit.code };
		});
	},
	rename: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await renameUnit(getDb(), locals.actor, params.org, form.unitId ?? '', form);
			return done('units.renamed');
		});
	},
	move: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await moveUnit(getDb(), locals.actor, params.org, form.unitId ?? '', form.parentId || null);
			return done('units.moved');
		});
	},
	archive: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			// The first post only says what archiving will do; the confirmed one archives.
			if (form.confirmed !== 'yes')
				return {
					confirmArchive: await archiveConsequences(
						getDb(),
						locals.actor,
						params.org,
						form.unitId ?? '',
						todayInBelgium()
					)
				};
			await archiveUnit(getDb(), locals.actor, params.org, form.unitId ?? '', todayInBelgium());
			return done('units.archivedDone');
		});
	}
};
