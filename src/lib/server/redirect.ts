/**
 * A redirect target taken from a request, kept on this site: it is resolved against the site's
 * origin as a browser would resolve it (which drops tabs and line breaks and reads `\` as `/`),
 * and anything that lands on another origin, or holds control characters, becomes the start page.
 * The result is the resolved path, so what the browser follows is what was checked.
 */
export function sameSitePath(target: unknown, origin: string): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.length > 2048) return '/';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(target)) return '/';
	let resolved: URL;
	try {
		resolved = new URL(target, origin);
	} catch {
		return '/';
	}
	if (resolved.origin !== new URL(origin).origin) return '/';
	// A path such as `/.//host` resolves to `//host`, which a browser would read as another host.
	return `${resolved.pathname.replace(/^\/+/, '/')}${resolved.search}${resolved.hash}`;
}
