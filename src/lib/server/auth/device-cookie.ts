import { timingSafeEqual } from 'node:crypto';
import { randomToken } from '../crypto';
import { keyedHash } from '../secret';

/**
 * The device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in to an account gets `<user id>.<nonce>.<HMAC under the server secret>`. A sign-in to that
 * account from that browser is then throttled on its own, apart from guesses made elsewhere. A new
 * nonce is issued at every successful sign-in.
 */
export const DEVICE_COOKIE = 'kl_device';
// Under the 400 days that browsers allow a cookie to live.
export const DEVICE_COOKIE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

export interface DeviceCookie {
	userId: string;
	nonce: string;
}

function signature(userId: string, nonce: string): string {
	return keyedHash('device-cookie', `${userId}.${nonce}`);
}

export function issueDeviceCookie(userId: string): string {
	const nonce = randomToken(16);
	return `${userId}.${nonce}.${signature(userId, nonce)}`;
}

/** The cookie's account and nonce when its signature holds, else null (forged, altered, garbage). */
export function readDeviceCookie(value: unknown): DeviceCookie | null {
	if (typeof value !== 'string') return null;
	const match = /^([0-9a-f-]{36})\.([a-z2-7]{26})\.([0-9a-f]{64})$/.exec(value);
	if (!match) return null;
	const [, userId, nonce, given] = match as unknown as [string, string, string, string];
	const expected = Buffer.from(signature(userId, nonce), 'hex');
	return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? { userId, nonce } : null;
}

export function deviceCookieOptions(url: URL, now = Date.now()) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		expires: new Date(now + DEVICE_COOKIE_LIFETIME_MS)
	};
}
