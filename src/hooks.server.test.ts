import { describe, expect, it } from 'vitest';
import { fillBootPage } from './hooks.server';
import { briefingIds, defaultBriefing } from '$lib/content/briefings';
import site from './content/site.json';

const TEMPLATE =
	'<title>%boot.document-title%</title><div class="boot-%boot.layout%"><h1>%boot.title%</h1><p>%boot.loading%</p></div>';

describe('fillBootPage', () => {
	it("puts the briefing's title and the map's loading text in the main page", () => {
		expect(fillBootPage(TEMPLATE, '/', 'Macron between Moscow and Kyiv')).toBe(
			'<title>Macron between Moscow and Kyiv · Briefing map</title><div class="boot-map"><h1>Macron between Moscow and Kyiv</h1><p>Loading the map…</p></div>'
		);
	});

	it('names the speaker view on its page', () => {
		const html = fillBootPage(TEMPLATE, '/speaker', 'A title');
		expect(html).toContain('<title>Speaker view · A title</title>');
		expect(html).toContain('<h1>Speaker view</h1>');
		expect(html).toContain('class="boot-plain"');
	});

	it('escapes the title: text, never markup', () => {
		const html = fillBootPage(TEMPLATE, '/', '</h1><script>alert("x")</script> & \'co\'');
		expect(html).not.toContain('<script>');
		expect(html).toContain(
			'<h1>&lt;/h1&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1>'
		);
	});
});

describe('fillBootPage on the library', () => {
	it('names the library, not a briefing', () => {
		const html = fillBootPage(TEMPLATE, '/library', 'A title');
		expect(html).toContain('<title>Briefings · Briefing map</title>');
		expect(html).toContain('<h1>Briefings</h1>');
		expect(html).not.toContain('A title');
	});
});

describe('fillBootPage on the editor', () => {
	it('names a new briefing, not the default one', () => {
		const html = fillBootPage(TEMPLATE, '/editor', 'A title');
		expect(html).toContain('<title>New briefing · Editor · Briefing map</title>');
		expect(html).toContain('<h1>New briefing</h1>');
		expect(html).toContain('<p>Loading the editor…</p>');
		expect(html).not.toContain('A title');
	});
});

describe('the default briefing', () => {
	it('is one of the embedded briefings, named by src/content/site.json', () => {
		expect(briefingIds()).toContain(defaultBriefing());
		expect(defaultBriefing()).toBe(site.defaultBriefing);
	});
});
