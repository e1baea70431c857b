/**
 * Turns uploaded bytes into text the way Belgian spreadsheet exports need: UTF-8 with or without
 * BOM, else Windows-1252 (Excel's "CSV" on Windows). Binary content is refused.
 */
export type DecodedText =
	{ ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; key: 'import.notText' };

export function decodeTextFile(bytes: Uint8Array): DecodedText {
	const sample = bytes.subarray(0, 64 * 1024);
	if (sample.includes(0)) return { ok: false, key: 'import.notText' };
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { ok: true, text, encoding: 'utf-8' };
	} catch {
		const text = new TextDecoder('windows-1252').decode(bytes);
		// Control characters other than tab and line breaks mean this is not a text file at all.
		if (/[\u0001-\u0008\u000b\u000e-\u001f]/.test(text.slice(0, 64 * 1024)))
			return { ok: false, key: 'import.notText' };
		return { ok: true, text, encoding: 'windows-1252' };
	}
}
