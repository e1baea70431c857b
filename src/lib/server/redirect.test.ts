import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameSitePath } from './redirect';

const ORIGIN = 'https://knipperlicht.example';

describe('sameSitePath', () => {
	it.each([
		['/o/1/results?wave=2', '/o/1/results?wave=2'],
		['/', '/'],
		['/b/abc#top', '/b/abc#top']
	])('keeps the same-site path %s', (target, expected) => {
		expect(sameSitePath(target, ORIGIN)).toBe(expected);
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\\/evil.example',
		'https://evil.example/',
		'evil.example',
		'/ok\r\nSet-Cookie: x=1',
		'/%0d%0aSet-Cookie:x=1'.replace('%0d%0a', '\r\n'),
		'',
		undefined,
		42
	])('sends %j to the start page', (target) => {
		expect(sameSitePath(target, ORIGIN)).toBe('/');
	});

	it('never leaves the site, whatever the target (generated)', () => {
		const piece = fc.constantFrom(
			'/',
			'\\',
			'\t',
			'\n',
			'\r',
			' ',
			'.',
			'@',
			':',
			'%2f',
			'%5c',
			'evil.example',
			'a'
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 8 }), fc.string({ maxLength: 6 }), (pieces, tail) => {
				const target = `/${pieces.join('')}${tail}`;
				const path = sameSitePath(target, ORIGIN);
				// What a browser does with the Location header: resolve it against the page.
				expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
				// eslint-disable-next-line no-control-regex
				expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
				expect(path.startsWith('/')).toBe(true);
				expect(path.startsWith('//')).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});
});
