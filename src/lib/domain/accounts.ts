import type { FieldProblems, Validated } from './validation';
import { isLanguage, type Language } from './organisation-settings';

export const ROLES = ['admin', 'advisor', 'hr', 'manager'] as const;
export type Role = (typeof ROLES)[number];
export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewMemberInput {
	email: string;
	displayName: string;
	role: Role;
	unitId: string | null;
	language: Language | null;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function validateRole(
	input: Record<string, unknown>,
	problems: FieldProblems
): { role: Role; unitId: string | null } | null {
	const role = input.role;
	if (!isRole(role)) {
		problems.role = { key: 'validation.role' };
		return null;
	}
	const unitId = typeof input.unitId === 'string' && input.unitId ? input.unitId : null;
	if (role === 'manager' && !unitId) {
		problems.unitId = { key: 'users.managerNeedsUnit' };
		return null;
	}
	// Only a manager is scoped to a unit; other roles see the whole organisation.
	return { role, unitId: role === 'manager' ? unitId : null };
}

export function validateNewMember(input: Record<string, unknown>): Validated<NewMemberInput> {
	const problems: FieldProblems = {};
	const email = typeof input.email === 'string' ? normaliseEmail(input.email) : '';
	const displayName = typeof input.displayName === 'string' ? input.displayName.trim() : '';
	if (!email) problems.email = { key: 'validation.required' };
	else if (!EMAIL.test(email) || email.length > 254) problems.email = { key: 'validation.email' };
	if (!displayName) problems.displayName = { key: 'validation.required' };
	else if (displayName.length > 120)
		problems.displayName = { key: 'validation.tooLong', params: { max: 120 } };
	const language = input.language ? input.language : null;
	if (language !== null && !isLanguage(language)) problems.language = { key: 'validation.language' };
	const role = validateRole(input, problems);
	if (Object.keys(problems).length || !role) return { ok: false, problems };
	return { ok: true, value: { email, displayName, ...role, language: language as Language | null } };
}

export function validateNewPassword(password: unknown, confirmation: unknown): Validated<string> {
	if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
		return {
			ok: false,
			problems: { newPassword: { key: 'validation.passwordLength', params: { min: MIN_PASSWORD_LENGTH } } }
		};
	}
	if (password.length > 200)
		return { ok: false, problems: { newPassword: { key: 'validation.tooLong', params: { max: 200 } } } };
	if (password !== confirmation)
		return { ok: false, problems: { confirmation: { key: 'validation.passwordMismatch' } } };
	return { ok: true, value: password };
}
