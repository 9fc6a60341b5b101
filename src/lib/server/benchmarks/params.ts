/** `?version=2` asks for an earlier version; anything that is not a whole number is ignored. */
export function versionParam(url: URL): number | undefined {
	const raw = url.searchParams.get('version');
	if (raw === null || !/^\d{1,6}$/.test(raw)) return undefined;
	return Number(raw);
}
