import { isMessageKey, type MessageKey } from './index';

/** The message shown for a status when the error itself carries none the user can read. */
const MESSAGE_OF_STATUS: Readonly<Record<number, MessageKey>> = {
	400: 'error.badRequest',
	403: 'error.forbidden',
	404: 'error.notFound',
	405: 'error.methodNotAllowed',
	413: 'error.payloadTooLarge',
	503: 'error.unavailable'
};

/**
 * The message of an error page, for the rendered page (`+error.svelte`) and the server's own page
 * (`$lib/server/error-page.ts`) alike: the error's own key when it is one, else the status's
 * message, else "the request was not understood" for another 4xx and "something went wrong".
 */
export function errorMessageKey(status: number, key?: string | null): MessageKey {
	if (isMessageKey(key)) return key;
	return (
		MESSAGE_OF_STATUS[status] ?? (status >= 400 && status < 500 ? 'error.badRequest' : 'error.unexpected')
	);
}
