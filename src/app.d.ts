import type { Actor } from '$lib/server/access';
import type { SessionUser, ValidSession } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			/** A message key (see src/lib/i18n/nl.ts); the error page translates it. */
			message: string;
			id?: string;
		}
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
			session: ValidSession | null;
			actor: Actor | null;
			/** The id under which an unexpected error of this request was logged. */
			errorId?: string;
			/** The database was out of reach during this request (answered with 503). */
			unavailable?: boolean;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
