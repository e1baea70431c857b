import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { readForm, readFormWithFile, readFormWithLists } from './forms';

const urlencoded = (body: string) =>
	new Request('http://site.example/x', {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});

async function statusOf(work: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await work;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('reading a form', () => {
	it('gives the text fields', async () => {
		expect(await readForm(urlencoded('email=a%40b.be&password=x%25y'))).toEqual({
			email: 'a@b.be',
			password: 'x%y'
		});
	});

	it('refuses with 400 a body that is not a form', async () => {
		const request = new Request('http://site.example/x', {
			method: 'POST',
			body: 'x',
			headers: { 'content-type': 'multipart/form-data' }
		});
		expect(await statusOf(readForm(request))).toBe(400);
	});

	it.each([
		['a value', 'email=a%00b'],
		['a name', 'em%00ail=a'],
		['a repeated list value', 'unitIds=a&unitIds=b%00']
	])('refuses with 400 U+0000 in %s, which no database text can hold', async (_, body) => {
		expect(await statusOf(readForm(urlencoded(body)))).toBe(400);
		expect(await statusOf(readFormWithLists(urlencoded(body), ['unitIds']))).toBe(400);
		expect(await statusOf(readFormWithFile(urlencoded(body), 'file'))).toBe(400);
	});
});
