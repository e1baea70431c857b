import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
	DEFAULT_MAX_PROBLEMS,
	detectSignalsFormat,
	SignalsAccumulator,
	type FigureId,
	type SignalProblem,
	type SignalsFormat,
	type UnitMonthFigures,
	type UnknownUnit
} from '../../domain/signals';
import { ValidationError, isUuid } from '../../domain/validation';
import { authorize, can, type Actor } from '../access';
import { insertAuditEntry } from '../audit/queries';
import { todayInBelgium } from '../clock';
import type { Database, SignalFigures } from '../db/schema';
import { uploadLimitBytes } from '../limits';
import { streamMultipart, uploadFailure, type StreamedFile } from '../multipart';
import { findUnits } from '../units/queries';
import {
	findCurrentUploadByHash,
	findUnitCodeAliases,
	findUpload,
	findUploads,
	insertFigures,
	insertUpload,
	COLUMN_OF,
	lockSignalImports,
	markUploadUndone,
	refreshCurrentFigures,
	refreshPeople,
	upsertUnitCodeAlias,
	type FigureAccess
} from './queries';
import { CsvFileError, readCsvStream, type CsvByteSource } from './reader';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface UploadFile {
	name: string;
	stream: CsvByteSource;
}

export type ImportProgress =
	| { phase: 'reading'; file: string; bytes: number; rows: number }
	| { phase: 'checking'; rows: number }
	| { phase: 'storing'; rows: number };

export interface ImportOptions {
	/** The months a spells or staffing upload covers (`yyyy-mm`); taken from the file without it. */
	period?: { from: string; to: string };
	/** Largest accepted size of one file, in bytes. */
	maxBytes?: number;
	today?: string;
	onProgress?: (progress: ImportProgress) => void;
}

export type ImportOutcome =
	| {
			status: 'imported';
			uploadId: string;
			formats: SignalsFormat[];
			rows: number;
			period: { from: string; to: string };
			units: number;
			unitMonths: number;
	  }
	| { status: 'unchanged'; uploadId: string; fileName: string; uploadedAt: Date | string }
	| {
			status: 'refused';
			formats: SignalsFormat[];
			rows: number;
			/** The first problems, in file order; `line` 0 is about the upload as a whole. */
			problems: Array<SignalProblem & { file: string }>;
			problemCount: number;
			unknownUnits: UnknownUnit[];
			unknownUnitRows: number;
	  };

/** Unit codes (and the aliases HR mapped) → unit id; archived units too, for past months. */
async function knownUnitCodes(db: Kysely<Database>, organisationId: string) {
	const [units, aliases] = await Promise.all([
		findUnits(db, organisationId),
		findUnitCodeAliases(db, organisationId)
	]);
	const codes = new Map<string, string>();
	for (const alias of aliases) codes.set(alias.alias, alias.unit_id);
	for (const unit of units) codes.set(unit.code.trim().toLowerCase(), unit.id);
	return codes;
}

function normaliseAlias(code: string): string {
	return code.trim().toLowerCase();
}

/** Passes the bytes on while hashing and counting them. */
async function* tap(
	source: CsvByteSource,
	hash: ReturnType<typeof createHash>,
	counted: { bytes: number }
): AsyncGenerator<Uint8Array> {
	const iterable: AsyncIterable<Uint8Array> =
		Symbol.asyncIterator in source
			? (source as AsyncIterable<Uint8Array>)
			: (async function* () {
					const reader = (source as ReadableStream<Uint8Array>).getReader();
					try {
						for (;;) {
							const { done, value } = await reader.read();
							if (done) return;
							yield value;
						}
					} finally {
						reader.releaseLock();
					}
				})();
	for await (const chunk of iterable) {
		hash.update(chunk);
		counted.bytes += chunk.length;
		yield chunk;
	}
}

function validPeriod(period: ImportOptions['period']) {
	if (!period) return undefined;
	if (!MONTH.test(period.from) || !MONTH.test(period.to) || period.to < period.from)
		throw new ValidationError({ period: { key: 'signals.periodInvalid' } });
	return period;
}

/**
 * Imports one upload: a monthly file, or a spells file and/or a staffing file. Every file is read
 * as a stream (memory stays flat whatever its size), validated row by row and aggregated; only a
 * file without any problem is stored, in one transaction. The same content imported before, whose
 * figures are all still in force, changes nothing.
 */
export async function importSignals(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	files: AsyncIterable<UploadFile> | Iterable<UploadFile>,
	options: ImportOptions = {}
): Promise<ImportOutcome> {
	authorize(actor, 'signals.import', { organisationId });
	const period = validPeriod(options.period);
	const today = options.today ?? todayInBelgium();
	const codes = await knownUnitCodes(db, organisationId);
	const accumulator = new SignalsAccumulator({ knownUnitCodes: codes, today, period });
	// What the figures depend on besides the bytes: the period asked for, the unit codes as mapped,
	// and for spells (whose running spells end today) the day of the upload.
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ period: period ?? null, codes: [...codes].sort() }));
	const readProblems: Array<SignalProblem & { file: string }> = [];
	let readProblemCount = 0;
	const names: string[] = [];
	/** The file each format came in (the last one, should a format come twice). */
	const fileOfFormat = new Map<SignalsFormat, string>();
	let bytes = 0;
	let rows = 0;

	for await (const file of files) {
		names.push(file.name);
		hash.update(`\u0000file ${names.length}\u0000`);
		const counted = { bytes: 0 };
		const reader = readCsvStream(tap(file.stream, hash, counted), { maxBytes: options.maxBytes });
		try {
			const header = await reader.readHeader();
			const match = detectSignalsFormat(header.cells);
			if (!match.ok) {
				readProblemCount += match.problems.length;
				for (const p of match.problems) readProblems.push({ ...p, format: match.format, file: file.name });
				await reader.cancel();
				continue;
			}
			fileOfFormat.set(match.format, file.name);
			accumulator.begin({ format: match.format, columns: match.columns });
			for await (const batch of reader) {
				for (const record of batch.records) accumulator.add(record.line, record.cells);
				for (const p of batch.problems) {
					readProblemCount++;
					if (readProblems.length < DEFAULT_MAX_PROBLEMS)
						readProblems.push({
							format: match.format,
							line: p.params.line,
							column: null,
							value: '',
							key: p.key,
							params: p.params,
							file: file.name
						});
				}
				rows = reader.rowsRead;
				options.onProgress?.({ phase: 'reading', file: file.name, bytes: bytes + counted.bytes, rows });
			}
		} catch (e) {
			if (!(e instanceof CsvFileError)) throw e;
			readProblemCount++;
			readProblems.push({
				format: null,
				line: 'line' in e.params ? Number(e.params.line) : 0,
				column: null,
				value: '',
				key: e.key,
				params: e.params as Record<string, string | number>,
				file: file.name
			});
		} finally {
			await reader.cancel();
		}
		bytes += counted.bytes;
	}
	if (names.length === 0) throw new ValidationError({ file: { key: 'signals.fileMissing' } });

	options.onProgress?.({ phase: 'checking', rows });
	const result = accumulator.finish();
	if (!result.ok || readProblemCount > 0) {
		const domainProblems = result.ok ? [] : result.problems;
		const fileOf = (p: SignalProblem) => (p.format && fileOfFormat.get(p.format)) || names.at(-1)!;
		const problems = [...readProblems, ...domainProblems.map((p) => ({ ...p, file: fileOf(p) }))]
			.sort((a, b) => (a.file === b.file ? a.line - b.line : names.indexOf(a.file) - names.indexOf(b.file)))
			.slice(0, DEFAULT_MAX_PROBLEMS);
		return {
			status: 'refused',
			formats: result.formats,
			rows: result.rows,
			problems,
			problemCount: readProblemCount + (result.ok ? 0 : result.problemCount),
			unknownUnits: result.ok ? [] : result.unknownUnits,
			unknownUnitRows: result.ok ? 0 : result.unknownUnitRows
		};
	}

	options.onProgress?.({ phase: 'storing', rows: result.rows });
	if (!result.formats.includes('monthly')) hash.update(`\u0000today ${today}`);
	const contentHash = hash.digest('hex');
	const figures = result.figures;
	const months = figures.map((r) => r.month).sort();
	const storedPeriod = result.period
		? { from: `${result.period.from}-01`, to: `${result.period.to}-01` }
		: {
				from: months[0] ? `${months[0]}-01` : `${today.slice(0, 8)}01`,
				to: months.at(-1) ? `${months.at(-1)}-01` : `${today.slice(0, 8)}01`
			};
	const units = new Set(figures.map((r) => r.unitId)).size;
	const format = [...result.formats].sort().join('+') as
		'monthly' | 'spells' | 'staffing' | 'spells+staffing';

	return db.transaction().execute(async (trx) => {
		await lockSignalImports(trx, organisationId);
		const same = await findCurrentUploadByHash(trx, organisationId, contentHash);
		if (same)
			return {
				status: 'unchanged' as const,
				uploadId: same.id,
				fileName: same.file_name,
				uploadedAt: same.uploaded_at
			};
		const upload = await insertUpload(trx, {
			organisationId,
			format,
			fileName: names.join(' + ').slice(0, 500),
			contentHash,
			byteSize: bytes,
			rowCount: result.rows,
			periodFrom: storedPeriod.from,
			periodTo: storedPeriod.to ?? storedPeriod.from,
			unitCount: units,
			uploadedBy: actor!.userId
		});
		await insertFigures(trx, organisationId, upload.id, figures, { latest: true, access: DOMAIN_FIGURES });
		await refreshPeople(trx, organisationId, upload.id);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'signals.import',
			objectType: 'signal_upload',
			objectId: upload.id,
			detail: { format, rows: result.rows, units, from: storedPeriod.from, to: storedPeriod.to }
		});
		return {
			status: 'imported' as const,
			uploadId: upload.id,
			formats: result.formats,
			rows: result.rows,
			period: { from: storedPeriod.from.slice(0, 7), to: (storedPeriod.to ?? storedPeriod.from).slice(0, 7) },
			units,
			unitMonths: figures.length
		};
	});
}

/** The domain's figures as they come, read column by column (no second copy of 100,000 rows). */
const DOMAIN_FIGURES: FigureAccess<UnitMonthFigures> = {
	unitId: (r) => r.unitId,
	month: (r) => `${r.month}-01`,
	value: (r, column) => r[FIGURE_OF[column]]
};

const FIGURE_OF = Object.fromEntries(
	Object.entries(COLUMN_OF).map(([figure, column]) => [column, figure])
) as Record<keyof SignalFigures, FigureId>;

/** Refuses (404/403) before an upload's body is read, for endpoints that answer as a stream. */
export function checkImportAccess(actor: Actor | null, organisationId: string): void {
	authorize(actor, 'signals.import', { organisationId });
}

/** Undoes an upload: its figures stop counting and the earlier ones come back. */
export async function undoUpload(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	uploadId: string
): Promise<void> {
	authorize(actor, 'signals.import', { organisationId });
	if (!isUuid(uploadId)) throw new ValidationError({ upload: { key: 'signals.uploadUnknown' } });
	await db.transaction().execute(async (trx) => {
		await lockSignalImports(trx, organisationId);
		const upload = await findUpload(trx, organisationId, uploadId);
		if (!upload) throw new ValidationError({ upload: { key: 'signals.uploadUnknown' } });
		if (!(await markUploadUndone(trx, organisationId, uploadId, actor!.userId)))
			throw new ValidationError({ upload: { key: 'signals.alreadyUndone' } });
		await refreshCurrentFigures(trx, organisationId, uploadId);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'signals.undo',
			objectType: 'signal_upload',
			objectId: uploadId,
			detail: { file: upload.file_name }
		});
	});
}

/** Maps unit codes of an HR system to units, so that later files with those codes import as they are. */
export async function mapUnitCodes(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	mappings: Record<string, string>
): Promise<number> {
	authorize(actor, 'signals.import', { organisationId });
	const units = new Map((await findUnits(db, organisationId)).map((u) => [u.id, u]));
	const chosen = Object.entries(mappings).filter(([, unitId]) => unitId !== '');
	if (chosen.length === 0) throw new ValidationError({ mapping: { key: 'signals.mappingEmpty' } });
	for (const [code, unitId] of chosen) {
		if (!units.has(unitId) || normaliseAlias(code) === '' || code.length > 64)
			throw new ValidationError({ mapping: { key: 'signals.mappingInvalid', params: { code } } });
	}
	await db.transaction().execute(async (trx) => {
		for (const [code, unitId] of chosen) {
			await upsertUnitCodeAlias(trx, organisationId, normaliseAlias(code), unitId);
			await insertAuditEntry(trx, {
				organisationId,
				actorUserId: actor!.userId,
				action: 'signals.mapCode',
				objectType: 'unit',
				objectId: unitId,
				detail: { code: code.trim() }
			});
		}
	});
	return chosen.length;
}

/** The signals page: upload history, and what the actor may do. */
export async function signalsOverview(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	authorize(actor, 'signals.view', { organisationId });
	const [uploads, units] = await Promise.all([
		findUploads(db, organisationId),
		findUnits(db, organisationId)
	]);
	return {
		canImport: can(actor, 'signals.import', { organisationId }),
		uploads: uploads.map((u) => ({
			id: u.id,
			format: u.format,
			fileName: u.file_name,
			bytes: Number(u.byte_size),
			rows: u.row_count,
			from: u.period_from.slice(0, 7),
			to: u.period_to.slice(0, 7),
			units: u.unit_count,
			uploadedAt: u.uploaded_at,
			uploadedBy: u.uploaded_by_name,
			undoneAt: u.undone_at,
			undoneBy: u.undone_by_name,
			replacedUnitMonths: Number(u.replaced_unit_months)
		})),
		units: units
			.filter((u) => u.validTo === null)
			.map((u) => ({ id: u.id, code: u.code, name: u.name }))
			.sort((a, b) => a.code.localeCompare(b.code))
	};
}

/** An upload form whose first file has begun to arrive. */
export interface OpenedUpload {
	fields: Record<string, string>;
	first: IteratorResult<StreamedFile>;
	files: AsyncGenerator<StreamedFile>;
	maxBytes: number;
}

/**
 * Starts reading an upload form (multipart, streamed) up to its first file: a body that is not
 * a file form, is cut off before its first file or is over the size limit fails here, before an
 * endpoint has answered. The optional period fields come before the file inputs in the form, so
 * they are known by then.
 */
export async function openUpload(
	actor: Actor | null,
	organisationId: string,
	request: Request
): Promise<OpenedUpload> {
	authorize(actor, 'signals.import', { organisationId });
	const maxBytes = uploadLimitBytes();
	const { fields, files } = streamMultipart(request, { fileBytes: maxBytes, files: 2 });
	try {
		return { fields, first: await files.next(), files, maxBytes };
	} catch (e) {
		throw uploadFailure(e);
	}
}

/** Imports an opened upload; a body that breaks off while a file is read is refused as such. */
export async function importOpened(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	{ fields, first, files, maxBytes }: OpenedUpload,
	onProgress?: ImportOptions['onProgress']
): Promise<ImportOutcome> {
	const period = fields.from || fields.to ? { from: fields.from ?? '', to: fields.to ?? '' } : undefined;
	async function* uploads(): AsyncGenerator<UploadFile> {
		if (first.done) return;
		yield { name: first.value.name, stream: first.value.stream };
		for await (const file of files) yield { name: file.name, stream: file.stream };
	}
	try {
		return await importSignals(db, actor, organisationId, uploads(), { period, maxBytes, onProgress });
	} catch (e) {
		throw uploadFailure(e);
	}
}

/** An upload form as it arrives, imported. */
export async function importFromRequest(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	request: Request,
	onProgress?: ImportOptions['onProgress']
): Promise<ImportOutcome> {
	return importOpened(
		db,
		actor,
		organisationId,
		await openUpload(actor, organisationId, request),
		onProgress
	);
}
