/**
 * A download: the body as an attachment with its file name, never cached (an export holds an
 * organisation's figures). `type` defaults to CSV.
 */
export function fileResponse(body: string, filename: string, type = 'text/csv; charset=utf-8'): Response {
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '')}"`,
			'cache-control': 'private, no-store'
		}
	});
}
