import { describe, expect, it } from 'vitest';
import { validateNewMember, validateNewPassword } from './accounts';

const valid = { email: ' An.Peeters@Example.be ', displayName: 'An Peeters', role: 'hr', language: '' };

describe('validateNewMember', () => {
	it('normalises the e-mail and drops a unit for roles other than manager', () => {
		expect(validateNewMember({ ...valid, unitId: 'u1' })).toEqual({
			ok: true,
			value: {
				email: 'an.peeters@example.be',
				displayName: 'An Peeters',
				role: 'hr',
				unitId: null,
				language: null
			}
		});
	});
	it('keeps the unit of a manager', () => {
		const r = validateNewMember({ ...valid, role: 'manager', unitId: 'u1', language: 'fr' });
		expect(r.ok && r.value).toMatchObject({ role: 'manager', unitId: 'u1', language: 'fr' });
	});
	it.each([
		['missing e-mail', { email: '' }, 'email', 'validation.required'],
		['malformed e-mail', { email: 'an@peeters' }, 'email', 'validation.email'],
		['missing name', { displayName: ' ' }, 'displayName', 'validation.required'],
		['unknown role', { role: 'superuser' }, 'role', 'validation.role'],
		['manager without unit', { role: 'manager', unitId: '' }, 'unitId', 'users.managerNeedsUnit'],
		['unknown language', { language: 'de' }, 'language', 'validation.language']
	])('refuses %s', (_n, change, field, key) => {
		const r = validateNewMember({ ...valid, ...change });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems[field]?.key).toBe(key);
	});
});

describe('validateNewPassword', () => {
	it.each([
		['short', 'kort', 'kort', 'newPassword', 'validation.passwordLength'],
		['mismatch', 'lang-genoeg-1', 'lang-genoeg-2', 'confirmation', 'validation.passwordMismatch'],
		['not a string', undefined, undefined, 'newPassword', 'validation.passwordLength']
	])('refuses %s', (_n, password, confirmation, field, key) => {
		const r = validateNewPassword(password, confirmation);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems[field]?.key).toBe(key);
	});
	it('accepts a long enough matching password', () => {
		expect(validateNewPassword('een-lang-wachtwoord', 'een-lang-wachtwoord')).toEqual({
			ok: true,
			value: 'een-lang-wachtwoord'
		});
	});
});
