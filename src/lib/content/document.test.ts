import { describe, expect, it } from 'vitest';
import { servedRaw } from '$lib/briefing/test-briefing';
import { NotJson, readBriefingJson } from './document';

const bytesOf = (text: string, bom = false) => {
	const encoded = new TextEncoder().encode(text);
	if (!bom) return encoded.buffer;
	const out = new Uint8Array(encoded.length + 3);
	out.set([0xef, 0xbb, 0xbf]);
	out.set(encoded, 3);
	return out.buffer;
};

describe('reading a served file', () => {
	// The page hands over the file's bytes: decoding a large file is the reader's work, not the
	// page's (it is done off the page's thread with the rest of the reading).
	it('reads the bytes of a file as its text, a byte-order mark and accents included', async () => {
		const doc = servedRaw();
		doc.title = 'Macron à Moscou, puis à Kyiv';
		const text = JSON.stringify(doc);
		const fromText = await readBriefingJson(text);
		const fromBytes = await readBriefingJson(bytesOf(text, true));
		expect(fromBytes.ok).toBe(true);
		expect(fromBytes).toEqual(fromText);
		if (fromBytes.ok) expect(fromBytes.briefing.title).toBe('Macron à Moscou, puis à Kyiv');
	});

	it('says bytes that are not JSON are not JSON', async () => {
		await expect(readBriefingJson(bytesOf('{"id": '))).rejects.toBeInstanceOf(NotJson);
	});

	it('names the field of a wrong document read from bytes', async () => {
		const doc = servedRaw();
		doc.asOf = 'soon';
		const result = await readBriefingJson(bytesOf(JSON.stringify(doc)));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.join('\n')).toMatch(/^asOf: /m);
	});
});
