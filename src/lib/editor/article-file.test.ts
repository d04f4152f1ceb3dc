import { describe, expect, it } from 'vitest';
import {
	ARTICLE_FILE_BYTES,
	articleKind,
	decodeText,
	markdownToText,
	readArticleFile,
	withoutHandlers
} from './article-file';

const fileOf = (name: string, content: string | Uint8Array, size?: number) => {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	return {
		name,
		type: '',
		size: size ?? bytes.length,
		arrayBuffer: async () => bytes.slice().buffer
	};
};

describe('article files', () => {
	it('are told by their extension', () => {
		expect(articleKind('a.TXT')).toBe('text');
		expect(articleKind('a.md')).toBe('markdown');
		expect(articleKind('a.htm')).toBe('html');
		expect(articleKind('a.pdf')).toBeNull();
		expect(articleKind('noext', 'text/html')).toBe('html');
	});

	it('a text file is read as it is, a byte-order mark dropped', async () => {
		const r = await readArticleFile(fileOf('a.txt', '\uFEFFOne.\n\nTwo.'));
		expect(r).toEqual({ ok: true, text: 'One.\n\nTwo.', title: '' });
	});

	it('binary data is refused, whatever the name says', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const r = await readArticleFile(fileOf('article.txt', png));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/is not a text file/);
		expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41]))).toBeNull();
		expect(decodeText(new TextEncoder().encode('a\u0007b'))).toBeNull();
		expect(decodeText(new TextEncoder().encode('Zürich\tand\r\nAbidjan'))).toBe(
			'Zürich\tand\r\nAbidjan'
		);
	});

	it('a file over 5 MB is refused before it is read', async () => {
		const file = fileOf('big.txt', 'x', ARTICLE_FILE_BYTES + 1);
		file.arrayBuffer = () => Promise.reject(new Error('should not be read'));
		const r = await readArticleFile(file);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/too large \(5\.0 MB\).*at most 5 MB/);
	});

	it('another kind of file is refused', async () => {
		const r = await readArticleFile(fileOf('a.docx', 'x'));
		expect(r.ok).toBe(false);
	});

	it('Markdown is reduced to its words, its first heading the title', async () => {
		const md =
			'# The *title*\n\nSome **bold** and _italic_ text, a [link](http://x.test) and `code`.\n\n> A quote.';
		expect(markdownToText(md)).toBe(
			'The title\n\nSome bold and italic text, a link and code.\n\nA quote.'
		);
		const r = await readArticleFile(fileOf('a.md', md));
		expect(r).toMatchObject({ ok: true, title: 'The title' });
		expect(markdownToText('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
	});
});

describe('HTML', () => {
	it('loses its inline event handlers before it is parsed, its text kept', () => {
		expect(
			withoutHandlers('<img src=x onerror="a()"><p class="x" onClick=\'b()\'>one onion=2</p>')
		).toBe(
			'<img src=x data-off-onerror="a()"><p class="x" data-off-onClick=\'b()\'>one onion=2</p>'
		);
	});
});
