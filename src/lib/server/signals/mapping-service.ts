import type { Kysely } from 'kysely';
import type { ColumnMappings } from '../../domain/signals/mapping';
import { ValidationError } from '../../domain/validation';
import { authorize, can, type Actor } from '../access';
import type { Database } from '../db/schema';
import { uploadLimitBytes } from '../limits';
import { streamMultipart, uploadFailure } from '../multipart';
import { openSignalsFile } from './file-reader';
import { findColumnMappings } from './mapping-queries';
import { CsvFileError, type CsvFileProblem } from './reader';

/** The column mappings the upload form suggests from, for those who may upload; none for others. */
export async function rememberedMappings(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
): Promise<ColumnMappings> {
	authorize(actor, 'signals.view', { organisationId });
	if (!can(actor, 'signals.import', { organisationId })) return {};
	return findColumnMappings(db, organisationId);
}

export type FilePreview =
	| { ok: true; kind: 'csv' | 'xlsx'; header: string[]; rows: string[][]; sheet: string | null }
	| { ok: false; problem: CsvFileProblem };

const PREVIEW_ROWS = 10;

/**
 * The header and first rows of an uploaded file, read by the server's own reader: the browser has
 * no reader for Excel workbooks (it stays out of the page's script), so their preview and mapping
 * step are fed from here. Nothing is stored.
 */
export async function previewUpload(
	actor: Actor | null,
	organisationId: string,
	request: Request
): Promise<FilePreview> {
	authorize(actor, 'signals.import', { organisationId });
	const maxBytes = uploadLimitBytes();
	const { files } = streamMultipart(request, { fileBytes: maxBytes, files: 1 });
	try {
		const first = await files.next();
		if (first.done) throw new ValidationError({ file: { key: 'signals.fileMissing' } });
		const reader = await openSignalsFile(first.value.stream, { maxBytes, batchSize: PREVIEW_ROWS });
		try {
			const header = await reader.readHeader();
			const rows: string[][] = [];
			for await (const batch of reader) {
				rows.push(...batch.records.map((r) => r.cells));
				if (rows.length >= PREVIEW_ROWS) break;
			}
			const sheet = 'sheet' in reader ? (reader.sheet as string | null) : null;
			return { ok: true, kind: reader.kind, header: header.cells, rows: rows.slice(0, PREVIEW_ROWS), sheet };
		} finally {
			await reader.cancel();
			// The rest of the form is not needed; let the multipart parser finish.
			first.value.stream.resume();
			for await (const _ of files) void _;
		}
	} catch (e) {
		if (e instanceof CsvFileError) return { ok: false, problem: e.problem };
		throw uploadFailure(e);
	}
}
