import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFile, readBriefingText } from './library';

// The second briefing of the end-to-end suite (tests/fixtures): a valid briefing document that
// shares no country with the embedded one, written in the form Export writes (every default
// spelled out), so an import then an export gives the same JSON back.
const FILE = 'tests/fixtures/gerd-2023.briefing.json';
const text = readFileSync(FILE, 'utf8');

describe(FILE, () => {
	it('is a valid briefing document', async () => {
		const reading = await readBriefingText(text);
		expect(reading.ok ? [] : reading.errors).toEqual([]);
	});

	it('is already in the exported form: export gives the same JSON back', async () => {
		const reading = await readBriefingText(text);
		if (!reading.ok) throw new Error(reading.errors.join('\n'));
		const file = exportFile(reading.briefing);
		expect(file.name).toBe('gerd-2023.briefing.json');
		expect(JSON.parse(file.text)).toStrictEqual(JSON.parse(text));
	});

	it('shares no country with the embedded briefing', () => {
		const embedded = JSON.parse(readFileSync('src/content/feb-2022/briefing.json', 'utf8')) as {
			countries: { iso3: string }[];
		};
		const mine = (JSON.parse(text) as { countries: { iso3: string }[] }).countries.map(
			(c) => c.iso3
		);
		for (const c of embedded.countries) expect(mine).not.toContain(c.iso3);
	});
});
