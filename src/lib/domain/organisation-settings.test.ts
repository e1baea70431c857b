import { describe, expect, it } from 'vitest';
import {
	CONTACT_FIELDS,
	CONTACT_ROLES,
	contactField,
	readOrganisationContacts,
	telHref,
	validateOrganisationContacts,
	validateOrganisationSettings,
	type ContactRole
} from './organisation-settings';

const valid = { name: 'Zorggroep', language: 'nl', minGroupSize: '5', sensitiveMinGroupSize: '10' };

describe('validateOrganisationSettings', () => {
	it('accepts valid settings and trims the name', () => {
		expect(validateOrganisationSettings({ ...valid, name: '  Zorggroep  ' })).toEqual({
			ok: true,
			value: { name: 'Zorggroep', language: 'nl', minGroupSize: 5, sensitiveMinGroupSize: 10 }
		});
	});
	it.each([
		['empty name', { name: '  ' }, 'name', 'validation.required'],
		['long name', { name: 'x'.repeat(121) }, 'name', 'validation.tooLong'],
		['unknown language', { language: 'de' }, 'language', 'validation.language'],
		['k below the floor of 3', { minGroupSize: '2' }, 'minGroupSize', 'validation.kFloor'],
		['k not a number', { minGroupSize: 'five' }, 'minGroupSize', 'validation.wholeNumber'],
		['k negative', { minGroupSize: '-5' }, 'minGroupSize', 'validation.wholeNumber'],
		['k fractional', { minGroupSize: '4.5' }, 'minGroupSize', 'validation.wholeNumber'],
		[
			'k absurdly high',
			{ minGroupSize: '1000', sensitiveMinGroupSize: '1000' },
			'minGroupSize',
			'validation.max'
		],
		[
			'sensitive k below k',
			{ minGroupSize: '8', sensitiveMinGroupSize: '6' },
			'sensitiveMinGroupSize',
			'validation.sensitiveBelowK'
		],
		[
			'sensitive k missing',
			{ sensitiveMinGroupSize: undefined },
			'sensitiveMinGroupSize',
			'validation.wholeNumber'
		]
	])('refuses %s', (_name, change, field, key) => {
		const result = validateOrganisationSettings({ ...valid, ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[field]?.key).toBe(key);
	});
	it('accepts k at the floor of 3', () => {
		expect(validateOrganisationSettings({ ...valid, minGroupSize: '3', sensitiveMinGroupSize: '3' }).ok).toBe(
			true
		);
	});
});

describe('validateOrganisationContacts', () => {
	const field = (role: ContactRole, name: string) => contactField(role, name as never);
	it('leaves out empty roles and trims and collapses spaces', () => {
		expect(
			validateOrganisationContacts({
				[field('trustedPerson', 'name')]: '  Els   Janssens ',
				[field('trustedPerson', 'phone')]: ' 0470 12 34 56 ',
				[field('preventionAdvisor', 'name')]: '   '
			})
		).toEqual({
			ok: true,
			value: { trustedPerson: { name: 'Els Janssens', phone: '0470 12 34 56', email: '', note: '' } }
		});
		expect(validateOrganisationContacts({})).toEqual({ ok: true, value: {} });
	});
	it.each([
		['a phone without a name', { phone: '02 123 45 67' }, 'name', 'validation.contactName'],
		['a note without a name', { note: 'elke dinsdag' }, 'name', 'validation.contactName'],
		['letters in the phone', { name: 'A', phone: '02 ABC' }, 'phone', 'validation.phone'],
		['too few digits', { name: 'A', phone: '12' }, 'phone', 'validation.phone'],
		['too many digits', { name: 'A', phone: '1234567890123456' }, 'phone', 'validation.phone'],
		['a plus in the middle', { name: 'A', phone: '02+123' }, 'phone', 'validation.phone'],
		['an e-mail without @', { name: 'A', email: 'a.example.test' }, 'email', 'validation.email'],
		['an e-mail with a space', { name: 'A', email: 'a b@example.test' }, 'email', 'validation.email'],
		['a long name', { name: 'x'.repeat(121) }, 'name', 'validation.tooLong'],
		['a long note', { name: 'A', note: 'x'.repeat(301) }, 'note', 'validation.tooLong']
	] as const)('refuses %s', (_name, values, problemField, key) => {
		for (const role of CONTACT_ROLES) {
			const input = Object.fromEntries(Object.entries(values).map(([f, v]) => [field(role, f), v]));
			const result = validateOrganisationContacts(input);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.problems[field(role, problemField)]?.key).toBe(key);
		}
	});
	it.each(['106', '0800 32 123', '+32 2 123 45 67', '(02) 123.45.67', '0470/12-34-56'])(
		'accepts the phone %s',
		(phone) =>
			expect(
				validateOrganisationContacts({
					[field('occupationalPhysician', 'name')]: 'B',
					[field('occupationalPhysician', 'phone')]: phone
				}).ok
			).toBe(true)
	);

	// Generated: whatever is typed, a refusal names only fields of the form, and an acceptance
	// gives back only trimmed, bounded values whose roles all have a name; reading it back is lossless.
	it('keeps its promises for any input', () => {
		const pieces = ['', ' ', 'An', '+32', '02 123 45 67', 'a@b.be', 'x'.repeat(130), '@', '12', 'é'];
		for (let seed = 0; seed < 2000; seed++) {
			const input: Record<string, string> = {};
			CONTACT_ROLES.forEach((role, r) =>
				CONTACT_FIELDS.forEach((f, i) => {
					const piece = pieces[(seed * 31 + r * 7 + i * 3 + ((seed >> (r + i)) & 3)) % pieces.length]!;
					if (piece) input[field(role, f)] = piece;
				})
			);
			const result = validateOrganisationContacts(input);
			if (!result.ok) {
				for (const name of Object.keys(result.problems))
					expect(Object.keys(input).concat(CONTACT_ROLES.map((r) => field(r, 'name')))).toContain(name);
				continue;
			}
			for (const contact of Object.values(result.value)) {
				expect(contact.name).not.toBe('');
				for (const f of CONTACT_FIELDS) expect(contact[f]).toBe(contact[f].trim());
			}
			expect(readOrganisationContacts(JSON.parse(JSON.stringify(result.value)))).toEqual(result.value);
		}
	});
});

describe('telHref', () => {
	it.each([
		['106', 'tel:106'],
		['0800 32 123', 'tel:080032123'],
		['+32 2 123 45 67', 'tel:+3221234567'],
		[' (02) 123.45.67 ', 'tel:021234567']
	])('%s → %s', (phone, href) => expect(telHref(phone)).toBe(href));
});

describe('readOrganisationContacts', () => {
	it.each([
		[null, {}],
		['text', {}],
		[{ trustedPerson: 'x' }, {}],
		[{ trustedPerson: { phone: '106' } }, {}],
		[{ unknownRole: { name: 'A' } }, {}],
		[
			{ trustedPerson: { name: 'A', phone: 3 } },
			{ trustedPerson: { name: 'A', phone: '', email: '', note: '' } }
		]
	])('%j → %j', (stored, expected) => expect(readOrganisationContacts(stored)).toEqual(expected));
});
