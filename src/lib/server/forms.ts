import { error, fail } from '@sveltejs/kit';
import { ValidationError } from '../domain/validation';
import type { MessageKey } from '../i18n';

/**
 * The submitted form data. A body that is not a form is a 400 (a too large one stays a 413), and
 * nothing happens. So is a text field holding U+0000: no browser form sends it, and PostgreSQL text
 * cannot store or even compare it, so it would fail the first query that sees it.
 */
async function formDataOf(request: Request): Promise<FormData> {
	let data: FormData;
	try {
		data = await request.formData();
	} catch (e) {
		if (e && typeof e === 'object' && 'status' in e && (e as { status: number }).status === 413) throw e;
		error(400, 'error.badRequest');
	}
	for (const [name, value] of data) {
		if (name.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000')))
			error(400, 'error.badRequest');
	}
	return data;
}

function textFields(data: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [name, value] of data) if (typeof value === 'string') fields[name] = value;
	return fields;
}

/** The text fields of a submitted form. */
export async function readForm(request: Request): Promise<Record<string, string>> {
	return textFields(await formDataOf(request));
}

/** The text fields and the uploaded file of a form field (null when none was chosen). */
export async function readFormWithFile(
	request: Request,
	field: string
): Promise<{ fields: Record<string, string>; file: File | null }> {
	const data = await formDataOf(request);
	const file = data.get(field);
	return { fields: textFields(data), file: file instanceof File && file.size > 0 ? file : null };
}

/** What a form action answers when it did what was asked: the message the page shows. */
export function done(key: MessageKey): { done: MessageKey } {
	return { done: key };
}

/**
 * Runs a service call for a form action: a refused input becomes `fail(400)` with the problems
 * (message keys per field) and the submitted values, so the form shows them again.
 */
export async function formAction<T>(
	values: Record<string, string>,
	work: () => Promise<T>
): Promise<
	T | ReturnType<typeof fail<{ problems: ValidationError['problems']; values: Record<string, string> }>>
> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof ValidationError) return fail(400, { problems: e.problems, values });
		throw e;
	}
}

/** The text fields of a form, and every value of fields that may repeat (checkbox lists). */
export async function readFormWithLists(
	request: Request,
	lists: string[]
): Promise<{ fields: Record<string, string>; lists: Record<string, string[]> }> {
	const data = await formDataOf(request);
	return {
		fields: textFields(data),
		lists: Object.fromEntries(
			lists.map((name) => [name, data.getAll(name).filter((v): v is string => typeof v === 'string')])
		)
	};
}
