import { describe, expect, it } from 'vitest';
import { demoUnits, largeUnits, secondDemoUnits } from './structure';

function depthOf(units: { code: string; parentCode: string | null }[], code: string): number {
	const byCode = new Map(units.map((u) => [u.code, u]));
	let depth = 1;
	let current = byCode.get(code);
	while (current?.parentCode) {
		current = byCode.get(current.parentCode);
		depth++;
	}
	return depth;
}

describe('demo organisation', () => {
	const units = demoUnits();
	it('is deterministic', () => {
		expect(demoUnits()).toEqual(units);
	});
	it('is a care group of about 1,200 employees in about 45 units on 3 levels', () => {
		const total = units.reduce((s, u) => s + u.headcount, 0);
		expect(total).toBeGreaterThan(1100);
		expect(total).toBeLessThan(1300);
		expect(units.length).toBeGreaterThanOrEqual(40);
		expect(units.length).toBeLessThanOrEqual(50);
		expect(Math.max(...units.map((u) => depthOf(units, u.code)))).toBe(3);
	});
	it('has some units smaller than 5', () => {
		expect(units.filter((u) => u.headcount < 5).length).toBeGreaterThanOrEqual(3);
	});
	it('has unique codes and parents that exist', () => {
		for (const list of [units, secondDemoUnits()]) {
			const codes = new Set(list.map((u) => u.code));
			expect(codes.size).toBe(list.length);
			for (const u of list) if (u.parentCode) expect(codes.has(u.parentCode)).toBe(true);
		}
	});
});

describe('large synthetic organisation', () => {
	it('has 2,500 units and 50,000 employees', () => {
		const units = largeUnits();
		expect(units).toHaveLength(2500);
		expect(units.reduce((s, u) => s + u.headcount, 0)).toBe(50_000);
		expect(new Set(units.map((u) => u.code)).size).toBe(2500);
	});
	it('scales down for quick runs', () => {
		const units = largeUnits({ units: 100, employees: 2000 });
		expect(units).toHaveLength(100);
		expect(units.reduce((s, u) => s + u.headcount, 0)).toBe(2000);
	});
});
