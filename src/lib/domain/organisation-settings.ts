import type { FieldProblems, Problem, Validated } from './validation';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Anonymity floor: no organisation may report on groups smaller than this. */
export const MIN_GROUP_SIZE_FLOOR = 3;
export const MIN_GROUP_SIZE_DEFAULT = 5;
export const SENSITIVE_MIN_GROUP_SIZE_DEFAULT = 10;
const MAX_GROUP_SIZE = 100;

export interface OrganisationSettings {
	name: string;
	language: Language;
	minGroupSize: number;
	sensitiveMinGroupSize: number;
}

function parseWhole(raw: unknown): number | null {
	if (typeof raw !== 'string' || !/^\s*\d+\s*$/.test(raw)) return null;
	return Number(raw);
}

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Validates the settings form as submitted (all values are strings or missing). */
export function validateOrganisationSettings(
	input: Record<string, unknown>
): Validated<OrganisationSettings> {
	const problems: FieldProblems = {};
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (!name) problems.name = { key: 'validation.required' };
	else if (name.length > 120) problems.name = { key: 'validation.tooLong', params: { max: 120 } };

	const language = input.language;
	if (!isLanguage(language)) problems.language = { key: 'validation.language' };

	const k = parseWhole(input.minGroupSize);
	if (k === null) problems.minGroupSize = { key: 'validation.wholeNumber' };
	else if (k < MIN_GROUP_SIZE_FLOOR)
		problems.minGroupSize = { key: 'validation.kFloor', params: { min: MIN_GROUP_SIZE_FLOOR } };
	else if (k > MAX_GROUP_SIZE)
		problems.minGroupSize = { key: 'validation.max', params: { max: MAX_GROUP_SIZE } };

	const sensitive = parseWhole(input.sensitiveMinGroupSize);
	if (sensitive === null) problems.sensitiveMinGroupSize = { key: 'validation.wholeNumber' };
	else if (k !== null && sensitive < k)
		problems.sensitiveMinGroupSize = { key: 'validation.sensitiveBelowK' };
	else if (sensitive > MAX_GROUP_SIZE)
		problems.sensitiveMinGroupSize = { key: 'validation.max', params: { max: MAX_GROUP_SIZE } };

	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: { name, language: language as Language, minGroupSize: k!, sensitiveMinGroupSize: sensitive! }
	};
}

/**
 * The people an employee can turn to, shown on the barometer's personal result page. Each role and
 * each of its fields is optional; a role with any field filled in needs a name (a person or a
 * service), so that a number is never shown without saying whose it is.
 */
export const CONTACT_ROLES = ['preventionAdvisor', 'occupationalPhysician', 'trustedPerson'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'note'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface Contact {
	name: string;
	phone: string;
	email: string;
	note: string;
}
export type OrganisationContacts = Partial<Record<ContactRole, Contact>>;

const CONTACT_LIMITS: Record<ContactField, number> = { name: 120, phone: 30, email: 254, note: 300 };
const CONTACT_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARACTERS = /^\+?[\d\s./()-]+$/;

/** The form field of one part of a contact: `contact.trustedPerson.phone`. */
export function contactField(role: ContactRole, field: ContactField): string {
	return `contact.${role}.${field}`;
}

function isPhone(value: string): boolean {
	const digits = value.replace(/\D/g, '').length;
	return PHONE_CHARACTERS.test(value) && digits >= 3 && digits <= 15;
}

/** A `tel:` address for a phone number as written: its digits, with a leading + kept. */
export function telHref(phone: string): string {
	const trimmed = phone.trim();
	return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** Validates the contacts form (all values strings or missing); empty roles are left out. */
export function validateOrganisationContacts(
	input: Record<string, unknown>
): Validated<OrganisationContacts> {
	const problems: FieldProblems = {};
	const contacts: OrganisationContacts = {};
	for (const role of CONTACT_ROLES) {
		const values = Object.fromEntries(
			CONTACT_FIELDS.map((field) => {
				const raw = input[contactField(role, field)];
				return [field, typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : ''];
			})
		) as unknown as Contact;
		if (CONTACT_FIELDS.every((field) => values[field] === '')) continue;
		for (const field of CONTACT_FIELDS) {
			if (values[field].length > CONTACT_LIMITS[field])
				problems[contactField(role, field)] = {
					key: 'validation.tooLong',
					params: { max: CONTACT_LIMITS[field] }
				};
		}
		const problem = (field: ContactField, key: Problem['key']) => {
			problems[contactField(role, field)] ??= { key };
		};
		if (!values.name) problem('name', 'validation.contactName');
		if (values.phone && !isPhone(values.phone)) problem('phone', 'validation.phone');
		if (values.email && !CONTACT_EMAIL.test(values.email)) problem('email', 'validation.email');
		contacts[role] = values;
	}
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return { ok: true, value: contacts };
}

/** Contacts as stored (a JSON object): anything that is not a well-formed contact is left out. */
export function readOrganisationContacts(stored: unknown): OrganisationContacts {
	const contacts: OrganisationContacts = {};
	if (!stored || typeof stored !== 'object') return contacts;
	for (const role of CONTACT_ROLES) {
		const value = (stored as Record<string, unknown>)[role];
		if (!value || typeof value !== 'object') continue;
		const fields = value as Record<string, unknown>;
		const contact = Object.fromEntries(
			CONTACT_FIELDS.map((field) => [field, typeof fields[field] === 'string' ? fields[field] : ''])
		) as unknown as Contact;
		if (contact.name) contacts[role] = contact;
	}
	return contacts;
}
