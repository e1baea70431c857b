/**
 * Sign-in throttling with device cookies (OWASP, "Slow Down Online Guessing Attacks with Device
 * Cookies"), as pure functions of a counter's previous state.
 *
 * Every attempt reserves a place in a fixed window before the password is checked, so the number
 * of password checks per key and window never passes the limit, however many arrive at once. A
 * failed attempt keeps its place; a successful one gives it back.
 *
 * Which counters an attempt uses depends on the browser:
 * - trusted (a valid device cookie for this account): only that device cookie's counter, so
 *   guessing from elsewhere never locks the owner out on a device they used before;
 * - untrusted: the account's counter for untrusted clients and the client address's counter
 *   across accounts (password spraying).
 */
export interface ThrottleRule {
	maxAttempts: number;
	windowMs: number;
}

export interface ThrottleState {
	attempts: number;
	windowStartedAt: Date;
}

export type ThrottleScope = 'device' | 'account' | 'address';

const MINUTE = 60_000;

/** All limits in one place: attempts per 15-minute window. */
export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
	// The owner's own typos on a browser they signed in with before.
	device: { maxAttempts: 5, windowMs: 15 * MINUTE },
	// Everyone else trying this account: only these are locked out when it is under attack.
	account: { maxAttempts: 5, windowMs: 15 * MINUTE },
	// One address trying many accounts. Sign-ins with a device cookie do not count here, so a whole
	// workplace behind one address keeps working while someone sprays from it.
	address: { maxAttempts: 30, windowMs: 15 * MINUTE }
};

/** The scopes an attempt is counted in. */
export function scopesFor(trusted: boolean): ThrottleScope[] {
	return trusted ? ['device'] : ['account', 'address'];
}

export type Reservation = { allowed: true; next: ThrottleState } | { allowed: false; retryAt: Date };

function windowOpen(state: ThrottleState, rule: ThrottleRule, now: Date): boolean {
	return now.getTime() - state.windowStartedAt.getTime() < rule.windowMs;
}

/** Takes a place for one attempt, or refuses until the window ends when the places are used up. */
export function reserveAttempt(previous: ThrottleState | null, rule: ThrottleRule, now: Date): Reservation {
	if (previous === null || !windowOpen(previous, rule, now))
		return { allowed: true, next: { attempts: 1, windowStartedAt: now } };
	if (previous.attempts >= rule.maxAttempts)
		return { allowed: false, retryAt: new Date(previous.windowStartedAt.getTime() + rule.windowMs) };
	return {
		allowed: true,
		next: { attempts: previous.attempts + 1, windowStartedAt: previous.windowStartedAt }
	};
}

/** Gives back the place of an attempt that succeeded (nothing to give back once the window ended). */
export function releaseAttempt(state: ThrottleState, rule: ThrottleRule, now: Date): ThrottleState {
	if (!windowOpen(state, rule, now)) return state;
	return { attempts: Math.max(0, state.attempts - 1), windowStartedAt: state.windowStartedAt };
}

/** Whole minutes until a refused client may try again, at least 1. */
export function minutesUntil(retryAt: Date, now: Date): number {
	return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
}
