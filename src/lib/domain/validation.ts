import type { MessageKey } from '../i18n';

/**
 * Validation results that carry message keys, not sentences: the route translates them into the
 * user's language. `params` fill the placeholders of the message.
 */
export interface Problem {
	key: MessageKey;
	params?: Record<string, string | number>;
}

export type FieldProblems = Record<string, Problem>;

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

/** Thrown by services when input is refused; routes turn it into a 400 with the problems. */
export class ValidationError extends Error {
	constructor(readonly problems: FieldProblems) {
		super(`Invalid input: ${Object.keys(problems).join(', ')}`);
	}
}

export function unwrap<T>(result: Validated<T>): T {
	if (!result.ok) throw new ValidationError(result.problems);
	return result.value;
}

/**
 * A database id (a UUID in its text form). Ids from a URL or a form are checked with it before a
 * query, so that a malformed id is "not found", never a database error.
 */
export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
