// What a file is, read from its bytes (never from its name or the browser's word for it).
// Only evidence formats are kept: PDF, images, office documents. Anything else — a program,
// HTML, SVG (which can carry script) — is refused.
import { fileTypeFromBuffer } from 'file-type';

export interface AcceptedType {
	/** The extension a file of this type should end with. */
	ext: string;
	/** The content type the file is served with. */
	mime: string;
	/** Every extension a name of this type may end with. */
	exts: readonly string[];
}

const accepted: Record<string, { mime: string; exts: readonly string[] }> = {
	pdf: { mime: 'application/pdf', exts: ['pdf'] },
	png: { mime: 'image/png', exts: ['png'] },
	jpg: { mime: 'image/jpeg', exts: ['jpg', 'jpeg'] },
	gif: { mime: 'image/gif', exts: ['gif'] },
	webp: { mime: 'image/webp', exts: ['webp'] },
	docx: {
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		exts: ['docx']
	},
	xlsx: {
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		exts: ['xlsx']
	},
	pptx: {
		mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		exts: ['pptx']
	},
	odt: { mime: 'application/vnd.oasis.opendocument.text', exts: ['odt'] },
	ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', exts: ['ods'] },
	odp: { mime: 'application/vnd.oasis.opendocument.presentation', exts: ['odp'] }
};

/**
 * Legacy Word, Excel and PowerPoint files are all "compound files" (CFB): the bytes say CFB,
 * only the name says which. A CFB file is accepted only under one of these names.
 */
const legacyOffice: Record<string, string> = {
	doc: 'application/msword',
	xls: 'application/vnd.ms-excel',
	ppt: 'application/vnd.ms-powerpoint'
};

export function extensionOf(filename: string): string {
	const match = /\.([A-Za-z0-9]+)$/.exec(filename);
	return match ? match[1]!.toLowerCase() : '';
}

/** The accepted type of these bytes, or undefined when they are not an accepted format. */
export async function detectAccepted(
	bytes: Uint8Array,
	filename: string
): Promise<AcceptedType | undefined> {
	const found = await fileTypeFromBuffer(bytes);
	if (!found) return undefined;
	if (found.ext === 'cfb') {
		const ext = extensionOf(filename);
		const mime = legacyOffice[ext];
		return mime ? { ext, mime, exts: [ext] } : undefined;
	}
	const type = accepted[found.ext];
	return type ? { ext: found.ext, ...type } : undefined;
}

/**
 * The name a file is kept and downloaded under: no folders, no control characters, not too
 * long, and ending with the extension of what it really is (a PDF named "x.html" becomes
 * "x.html.pdf", so that opening the download never runs it as something else).
 */
export function safeFilename(name: string, type: AcceptedType): string {
	let base = name
		.split(/[/\\]/)
		.pop()!
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
		.trim()
		.replace(/^\.+/, '');
	if (!type.exts.includes(extensionOf(base))) base = base ? `${base}.${type.ext}` : '';
	if (!base) base = `file.${type.ext}`;
	if (base.length > 200) base = `${base.slice(0, 190).trim()}.${type.ext}`;
	return base;
}

/** A Content-Disposition header that downloads the file under its name, in any language. */
export function contentDisposition(filename: string): string {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
	const encoded = encodeURIComponent(filename).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
