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
