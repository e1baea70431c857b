import { targetsOf } from '../form';

/**
 * What the catalogue pages share on the server: how a submitted form of an own entry becomes the
 * service's input, and the texts of a stored entry as the form shows them.
 */

/** The form's text fields and chosen targets, as `createOwnEntry` and `changeOwnEntry` take them. */
export function entryInput(fields: Record<string, string>, targets: readonly string[]) {
	const { target: _target, ...rest } = fields;
	return { ...rest, targets: targetsOf(targets) };
}
