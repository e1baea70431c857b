import { describe, expect, it } from 'vitest';
import {
	THROTTLE_RULES,
	minutesUntil,
	releaseAttempt,
	reserveAttempt,
	scopesFor,
	type ThrottleState
} from './throttle';

const rule = { maxAttempts: 3, windowMs: 60_000 };
const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
const state = (attempts: number, startedAt: number): ThrottleState => ({
	attempts,
	windowStartedAt: t(startedAt)
});

describe('reserveAttempt', () => {
	const cases: Array<{
		name: string;
		previous: ThrottleState | null;
		now: Date;
		expected: ReturnType<typeof reserveAttempt>;
	}> = [
		{
			name: 'a first attempt opens a window',
			previous: null,
			now: t(0),
			expected: { allowed: true, next: state(1, 0) }
		},
		{
			name: 'a fresh row (no attempts yet) takes the first place',
			previous: state(0, 5),
			now: t(5),
			expected: { allowed: true, next: state(1, 5) }
		},
		{
			name: 'an attempt in the window counts up',
			previous: state(1, 0),
			now: t(10),
			expected: { allowed: true, next: state(2, 0) }
		},
		{
			name: 'the last place is taken',
			previous: state(2, 0),
			now: t(20),
			expected: { allowed: true, next: state(3, 0) }
		},
		{
			name: 'no place left: refused until the window ends',
			previous: state(3, 0),
			now: t(30),
			expected: { allowed: false, retryAt: t(60) }
		},
		{
			name: 'refused up to the last millisecond of the window',
			previous: state(3, 0),
			now: new Date(t(60).getTime() - 1),
			expected: { allowed: false, retryAt: t(60) }
		},
		{
			name: 'once the window ended a new one opens',
			previous: state(3, 0),
			now: t(60),
			expected: { allowed: true, next: state(1, 60) }
		},
		{
			name: 'a window with places left restarts too when it ended',
			previous: state(1, 0),
			now: t(90),
			expected: { allowed: true, next: state(1, 90) }
		}
	];
	it.each(cases)('$name', ({ previous, now, expected }) => {
		expect(reserveAttempt(previous, rule, now)).toEqual(expected);
	});
});

describe('releaseAttempt', () => {
	it.each([
		{ name: 'gives back one place in the window', from: state(3, 0), now: t(10), to: state(2, 0) },
		{ name: 'never goes below zero', from: state(0, 0), now: t(10), to: state(0, 0) },
		{ name: 'leaves an ended window alone', from: state(3, 0), now: t(61), to: state(3, 0) }
	])('$name', ({ from, now, to }) => {
		expect(releaseAttempt(from, rule, now)).toEqual(to);
	});

	it('lets a success between failures not use up a place', () => {
		let current = reserveAttempt(null, rule, t(0));
		for (const s of [1, 2]) {
			if (!current.allowed) throw new Error('refused');
			// Each attempt succeeds and gives its place back.
			const released = releaseAttempt(current.next, rule, t(s));
			current = reserveAttempt(released, rule, t(s));
		}
		expect(current).toEqual({ allowed: true, next: state(1, 0) });
	});
});

describe('scopesFor', () => {
	it.each([
		{ trusted: true, scopes: ['device'] },
		{ trusted: false, scopes: ['account', 'address'] }
	])('trusted $trusted counts in $scopes', ({ trusted, scopes }) => {
		expect(scopesFor(trusted)).toEqual(scopes);
	});
});

describe('minutesUntil', () => {
	it.each([
		{ retryAt: t(60), now: t(0), minutes: 1 },
		{ retryAt: t(61), now: t(0), minutes: 2 },
		{ retryAt: t(0), now: t(0), minutes: 1 },
		{ retryAt: new Date(t(0).getTime() + 15 * 60_000), now: t(0), minutes: 15 }
	])('$minutes minute(s) from $now to $retryAt', ({ retryAt, now, minutes }) => {
		expect(minutesUntil(retryAt, now)).toBe(minutes);
	});
});

describe('THROTTLE_RULES', () => {
	it('lets an address try more accounts than one account may be tried', () => {
		expect(THROTTLE_RULES.address.maxAttempts).toBeGreaterThan(THROTTLE_RULES.account.maxAttempts);
		expect(THROTTLE_RULES.device.maxAttempts).toBeGreaterThan(0);
	});
});
