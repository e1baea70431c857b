/**
 * Turns uploaded bytes into text the way Belgian spreadsheet exports need: UTF-8 with or without
 * BOM, else Windows-1252 (Excel's "CSV" on Windows). Binary content is refused.
 */
export type DecodedText =
	{ ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; key: 'import.notText' };

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Node 20's TextDecoder('windows-1252')
// decodes that range as Latin-1 control characters, so the mapping is spelled out here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		text += String.fromCharCode(
			...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b))
		);
	}
	return text;
}

function hasControlCharacters(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// Tab, line feed, form feed and carriage return occur in text files; other C0 controls do not.
		if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return true;
	}
	return false;
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
	if (bytes.subarray(0, 64 * 1024).includes(0)) return { ok: false, key: 'import.notText' };
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { ok: true, text, encoding: 'utf-8' };
	} catch {
		const text = decodeWindows1252(bytes);
		if (hasControlCharacters(text.slice(0, 64 * 1024))) return { ok: false, key: 'import.notText' };
		return { ok: true, text, encoding: 'windows-1252' };
	}
}
