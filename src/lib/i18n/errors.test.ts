import { describe, expect, it } from 'vitest';
import { errorMessageKey } from './errors';

describe('errorMessageKey', () => {
	it.each([
		[400, undefined, 'error.badRequest'],
		[403, null, 'error.forbidden'],
		[404, undefined, 'error.notFound'],
		[405, undefined, 'error.methodNotAllowed'],
		[413, undefined, 'error.payloadTooLarge'],
		[503, undefined, 'error.unavailable'],
		// Another 4xx is the client's request; another status is ours.
		[410, undefined, 'error.badRequest'],
		[429, undefined, 'error.badRequest'],
		[500, undefined, 'error.unexpected'],
		[502, undefined, 'error.unexpected'],
		// The error's own key wins when it is a message; anything else is not shown.
		[404, 'error.forbidden', 'error.forbidden'],
		[400, 'Internal detail: relation "x" does not exist', 'error.badRequest'],
		[500, 'no.such.key', 'error.unexpected']
	] as const)('%i with %s → %s', (status, key, expected) => {
		expect(errorMessageKey(status, key)).toBe(expected);
	});
});
