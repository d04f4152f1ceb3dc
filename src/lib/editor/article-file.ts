/**
 * "Open article file": a .txt, .md or .html file made the article's text, as blocks between blank
 * lines. The file is untrusted: it is read as bytes and decoded as UTF-8 (a file that is not text
 * is refused), HTML is parsed by DOMParser into a document that is never shown (its scripts never
 * run, nothing it names is fetched) and reduced to its paragraphs' text. Nothing from the file is
 * ever rendered as HTML.
 */

/** The largest article file read: far above an article at the limits (200,000 characters). */
export const ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

export type ArticleKind = 'text' | 'markdown' | 'html';

/** The kind of an article file by its name (then its type), or null when it is not one. */
export function articleKind(name: string, type = ''): ArticleKind | null {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	if (ext === 'txt' || ext === 'text') return 'text';
	if (ext === 'md' || ext === 'markdown') return 'markdown';
	if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
	if (type === 'text/plain') return 'text';
	if (type === 'text/markdown') return 'markdown';
	if (type === 'text/html') return 'html';
	return null;
}

/**
 * The bytes as text, or null when they are not text: not UTF-8, or holding NUL bytes or other
 * control characters that no article has (an image, a PDF, a word-processor file).
 */
export function decodeText(bytes: Uint8Array): string | null {
	if (bytes.includes(0)) return null;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
	// Control characters other than tab, line feed, form feed and carriage return.
	let controls = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) controls++;
	}
	return controls > 0 ? null : text.replace(/^\uFEFF/, '');
}

/** Markdown made plain text: headings, emphasis, links and images reduced to their words. */
export function markdownToText(md: string): string {
	return md
		.replace(/\r\n?/g, '\n')
		.replace(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '$1')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
		.replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?![\w*])/g, '$1$2')
		.replace(/^ {0,3}>[ \t]?/gm, '')
		.replace(/`([^`]+)`/g, '$1');
}

/**
 * The markup with its inline event handlers (`onclick=`, `onerror=`…) renamed, inside tags only.
 * They would never run (a parsed document runs nothing, and the page's policy forbids them), but
 * the browser reports each as a violation of the page's Content Security Policy as it parses.
 * Text is untouched: outside raw-text elements, a `<` and a letter always open a tag.
 */
export function withoutHandlers(html: string): string {
	return html.replace(/<[a-zA-Z][^<>]*/g, (tag) =>
		tag.replace(/([\s"'/])on([a-z]+\s*=)/gi, '$1data-off-on$2')
	);
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dt, dd, figcaption, td, th';

/**
 * An HTML page's paragraphs' text, each on its own block, and its title. Parsed by the DOMParser
 * given (the browser's): a document made so has no window, runs no script and loads nothing. The
 * text of scripts, styles and templates is dropped; a page without paragraph elements is read as
 * its body's text.
 */
export function htmlToText(
	html: string,
	parser: { parseFromString(text: string, type: 'text/html'): Document }
): { text: string; title: string } {
	const doc = parser.parseFromString(withoutHandlers(html), 'text/html');
	for (const el of doc.querySelectorAll('script, style, noscript, template, iframe, object, svg'))
		el.remove();
	const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
	// The innermost blocks only: an <li> holding a <p> is read once, through its <p>.
	const blocks = [...doc.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
	const paragraphs = (
		blocks.length > 0 ? blocks.map((el) => el.textContent) : [doc.body?.textContent]
	)
		.map(clean)
		.filter((p) => p.length > 0);
	const title = clean(doc.querySelector('h1')?.textContent) || clean(doc.title);
	return { text: paragraphs.join('\n\n'), title };
}

export type ArticleFileResult =
	{ ok: true; text: string; title: string } | { ok: false; error: string };

export interface ArticleFile {
	name: string;
	size: number;
	type: string;
	arrayBuffer(): Promise<ArrayBuffer>;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads an article file: its text (paragraphs between blank lines) and, when it has one, a title
 * (an HTML page's first heading or title, a Markdown file's first heading). Every refusal says why.
 */
export async function readArticleFile(
	file: ArticleFile,
	parser?: { parseFromString(text: string, type: 'text/html'): Document }
): Promise<ArticleFileResult> {
	const kind = articleKind(file.name, file.type);
	if (!kind) {
		return {
			ok: false,
			error: `“${file.name}” is not an article file: open a .txt, .md or .html file.`
		};
	}
	if (file.size > ARTICLE_FILE_BYTES) {
		return {
			ok: false,
			error: `“${file.name}” is too large (${megabytes(file.size)}): an article file can be at most 5 MB.`
		};
	}
	const text = decodeText(new Uint8Array(await file.arrayBuffer()));
	if (text === null) {
		return {
			ok: false,
			error: `“${file.name}” is not a text file (it holds binary data, or is not UTF-8 text): nothing was changed.`
		};
	}
	if (kind === 'html') {
		if (!parser) return { ok: false, error: 'HTML cannot be read here.' };
		return { ok: true, ...htmlToText(text, parser) };
	}
	if (kind === 'markdown') {
		const heading = /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1] ?? '';
		return { ok: true, text: markdownToText(text), title: markdownToText(heading).trim() };
	}
	return { ok: true, text, title: '' };
}
