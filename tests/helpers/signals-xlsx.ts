import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal .xlsx writer for tests: enough of the format (shared strings, numbers, dates as serial
 * numbers with a date style, inline strings) to feed the import's reader the way Excel does, and
 * to build broken and oversized workbooks (zip bombs) no spreadsheet would write.
 */

export type XlsxCell = string | number | { date: string } | { inline: string } | null;

/** A zip of the given parts, each deflated (or stored); `claimSize` lies about a part's inflated size. */
export function zip(
	parts: Array<{ name: string; data: Buffer | string; store?: boolean; claimSize?: number }>
): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
		const body = part.store ? data : deflateRawSync(data);
		const name = Buffer.from(part.name, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6);
		local.writeUInt16LE(part.store ? 0 : 8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(part.claimSize ?? data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(part.store ? 0 : 8, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(part.claimSize ?? data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column 0 → A, 26 → AA. */
function letter(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** Days since 1899-12-30 (Excel's 1900 system, after its 29 February 1900). */
export function excelSerial(isoDate: string): number {
	return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000) + 25569;
}

export interface SheetSpec {
	name: string;
	rows: XlsxCell[][];
	/** Row number of the first row (Excel rows start at 1); rows may leave gaps as `null` rows. */
	firstRow?: number;
}

/** The XML of a sheet; `prefix` writes elements with a namespace prefix, as some exporters do. */
export function sheetXml(rows: XlsxCell[][], strings: Map<string, number>, firstRow = 1): string {
	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
	];
	rows.forEach((row, r) => {
		const n = firstRow + r;
		const cells: string[] = [];
		row.forEach((cell, c) => {
			const ref = `${letter(c)}${n}`;
			if (cell === null || cell === '') return;
			if (typeof cell === 'number') cells.push(`<c r="${ref}"><v>${cell}</v></c>`);
			else if (typeof cell === 'string') {
				if (!strings.has(cell)) strings.set(cell, strings.size);
				cells.push(`<c r="${ref}" t="s"><v>${strings.get(cell)}</v></c>`);
			} else if ('date' in cell) cells.push(`<c r="${ref}" s="1"><v>${excelSerial(cell.date)}</v></c>`);
			else cells.push(`<c r="${ref}" t="inlineStr"><is><t>${escape(cell.inline)}</t></is></c>`);
		});
		out.push(`<row r="${n}">${cells.join('')}</row>`);
	});
	out.push('</sheetData></worksheet>');
	return out.join('');
}

/** A workbook with the given sheets; dates are shown as d/mm/yyyy (a custom format, id 164). */
export function xlsx(sheets: SheetSpec[], options: { sheetXmlOverride?: Buffer | string } = {}): Buffer {
	const strings = new Map<string, number>();
	const sheetParts = sheets.map((s, i) => ({
		name: `xl/worksheets/sheet${i + 1}.xml`,
		data:
			i === 0 && options.sheetXmlOverride !== undefined
				? options.sheetXmlOverride
				: sheetXml(s.rows, strings, s.firstRow)
	}));
	const shared = [...strings.keys()].map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('');
	return zip([
		{
			name: '[Content_Types].xml',
			data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
		},
		{
			name: 'xl/workbook.xml',
			data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
				.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
				.join('')}</sheets></workbook>`
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
				)
				.join(
					''
				)}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
		},
		// Excel writes the sheets before the shared strings and styles they use.
		...sheetParts,
		{
			name: 'xl/styles.xml',
			data: '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d/mm/yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
		},
		{
			name: 'xl/sharedStrings.xml',
			data: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${shared}</sst>`
		}
	]);
}
