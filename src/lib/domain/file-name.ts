/** A title as a file name: letters, digits and hyphens, accents dropped; never empty. */
export function fileSlug(title: string, fallback = 'export'): string {
	return (
		title
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || fallback
	);
}
