import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { errorMessageKey } from '$lib/i18n/errors';

const escape = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The app's own error page for answers made without the page renderer: a refusal before routing
 * (a cross-site form), the database out of reach while the request was being read, or the
 * framework's fallback page. Self-contained (inline style, no script), in the user's language,
 * with the error id when there is one.
 */
export function errorPage(locale: Locale, status: number, key?: string | null, id?: string): Response {
	const t = (k: MessageKey, params?: Record<string, string | number>) => escape(translate(locale, k, params));
	const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('error.title')} · ${t('app.name')}</title>
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1c1917;background:#f5f5f4}
header{background:#1c1917;padding:.9rem 1rem}
header a{color:#fff;font-weight:700;text-decoration:none}
main{max-width:28rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d6d3d1;border-radius:6px;padding:1rem 1.25rem}
h1{font-size:1.4rem;margin:0 0 .5rem}
.muted{color:#57534e}
a{color:#1e40af}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
</style>
</head>
<body>
<header><a href="/">${t('app.name')}</a></header>
<main id="content">
<div class="card" role="alert">
<h1>${t('error.title')}</h1>
<p>${t(errorMessageKey(status, key))}</p>
<p class="muted">${t('error.status', { status })}${id ? ` · ${escape(id)}` : ''}</p>
<p><a href="/">${t('error.back')}</a></p>
</div>
</main>
</body>
</html>
`;
	const headers = new Headers({
		'content-type': 'text/html; charset=utf-8',
		'cache-control': 'no-store',
		'content-security-policy':
			"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	});
	if (status === 503) headers.set('retry-after', '10');
	return new Response(html, { status, headers });
}
