import { describe, expect, it } from 'vitest';
import { throttleState, type ThrottleState } from './throttle';

const rule = { maxFailures: 3, windowMs: 60_000, blockMs: 300_000 };
const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

describe('throttleState', () => {
	const cases: Array<{
		name: string;
		previous: ThrottleState | null;
		now: Date;
		failures: number;
		blockedUntil: Date | null;
	}> = [
		{ name: 'first failure opens a window', previous: null, now: t(0), failures: 1, blockedUntil: null },
		{
			name: 'second failure in the window counts up',
			previous: { failures: 1, windowStartedAt: t(0), blockedUntil: null },
			now: t(10),
			failures: 2,
			blockedUntil: null
		},
		{
			name: 'reaching the maximum blocks for blockMs',
			previous: { failures: 2, windowStartedAt: t(0), blockedUntil: null },
			now: t(20),
			failures: 3,
			blockedUntil: new Date(t(20).getTime() + 300_000)
		},
		{
			name: 'a failure after the window starts a new one',
			previous: { failures: 2, windowStartedAt: t(0), blockedUntil: null },
			now: t(61),
			failures: 1,
			blockedUntil: null
		},
		{
			name: 'an existing block survives a new window',
			previous: { failures: 3, windowStartedAt: t(0), blockedUntil: new Date(t(0).getTime() + 300_000) },
			now: t(70),
			failures: 1,
			blockedUntil: new Date(t(0).getTime() + 300_000)
		}
	];
	it.each(cases)('$name', ({ previous, now, failures, blockedUntil }) => {
		const next = throttleState(previous, rule, now);
		expect(next.failures).toBe(failures);
		expect(next.blockedUntil).toEqual(blockedUntil);
	});
});
