/**
 * The file-level verdict on an upload, from its first bytes: the one rule the browser's preview and
 * the server's reader both apply, so that they never disagree about an empty file, an Excel file or
 * a UTF-16 text. Only what the first bytes can tell is here; the server goes on to check the rest.
 */

export type FileVerdict =
	| { kind: 'text'; bom: boolean }
	| { kind: 'xlsx' }
	| {
			kind: 'refused';
			key: 'signals.file.empty' | 'signals.file.utf16' | 'signals.file.spreadsheet' | 'signals.file.notText';
	  };

/** How many first bytes the verdict looks at (the browser reads this much for its preview). */
export const VERDICT_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * `bytes` are the first VERDICT_BYTES of the file (or all of it when shorter); `complete` says
 * they are all of it, so that a file of blank lines is empty.
 * - nothing, or only a byte order mark, white space and delimiters: empty;
 * - a UTF-16 byte order mark, or NULs in every other byte: UTF-16, refused with how to save as UTF-8;
 * - a zip (`PK\x03\x04`): an Excel workbook (.xlsx), read as such;
 * - an OLE compound file (`D0 CF 11 E0`): an old Excel workbook (.xls), refused with how to save it;
 * - any other NUL byte: not text.
 */
export function judgeFileStart(bytes: Uint8Array, complete: boolean): FileVerdict {
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
		return { kind: 'refused', key: 'signals.file.utf16' };
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
		return { kind: 'refused', key: 'signals.file.spreadsheet' };
	const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
	const text = bom ? bytes.subarray(3) : bytes;
	if (text.indexOf(0) !== -1)
		return { kind: 'refused', key: looksLikeUtf16(text) ? 'signals.file.utf16' : 'signals.file.notText' };
	if (complete && isBlank(text)) return { kind: 'refused', key: 'signals.file.empty' };
	return { kind: 'text', bom };
}

/** UTF-16 text of ASCII characters has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 1024) & ~1;
	if (n < 4) return false;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	return Math.max(even, odd) > 0.8 * (n / 2) && Math.min(even, odd) < 0.05 * (n / 2);
}

/** White space, line breaks and delimiters only: lines of empty cells, which the reader skips. */
const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3b, 0x2c, 0x7c]);
function isBlank(bytes: Uint8Array): boolean {
	for (const b of bytes) if (!BLANK.has(b)) return false;
	return true;
}
