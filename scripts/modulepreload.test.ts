import { init } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { completePreloads, staticClosure } from './modulepreload.js';

beforeAll(() => init);

/** A built site's modules, by path from its root. */
const MODULES: Record<string, string> = {
	'_app/entry/start.js': 'import{a as e}from"../chunks/shared.js";export{e as start};',
	'_app/nodes/2.js':
		'import"../chunks/shared.js";import{m}from"../chunks/map.js";const later=()=>import("../chunks/editor.js");export{m,later};',
	'_app/chunks/shared.js': 'export const a=1;',
	// Reached statically by the page, and also by the editor's code, which is loaded later.
	'_app/chunks/map.js': 'export*from"./theme.js";import{g}from"./geodata.js";export const m=g;',
	'_app/chunks/theme.js': 'export const colours={};',
	'_app/chunks/geodata.js': 'export const g=new URL("../assets/x.geojson",import.meta.url).href;',
	'_app/chunks/editor.js': 'import"./theme.js";import"./editor-only.js";export const e=1;',
	'_app/chunks/editor-only.js': 'export const x=1;'
};
const read = (path: string) => {
	const text = MODULES[path];
	if (text === undefined) throw new Error(`no module ${path}`);
	return text;
};

const page = (links: string[]) =>
	`<head>\n\t\t${links.map((l) => `<link href="${l}" rel="modulepreload">`).join('\n\t\t')}\n\t</head>`;

describe('modulepreload: every module a page imports statically is named in its HTML', () => {
	it('follows static imports and re-exports, not dynamic imports', () => {
		expect(staticClosure(['_app/nodes/2.js'], read).sort()).toEqual([
			'_app/chunks/geodata.js',
			'_app/chunks/map.js',
			'_app/chunks/shared.js',
			'_app/chunks/theme.js',
			'_app/nodes/2.js'
		]);
	});

	it('adds what the page leaves out, after its own links, relative to the page', () => {
		const html = page(['./_app/entry/start.js', './_app/nodes/2.js', './_app/chunks/map.js']);
		const { html: out, added } = completePreloads(html, 'index.html', read);
		expect(added.sort()).toEqual([
			'_app/chunks/geodata.js',
			'_app/chunks/shared.js',
			'_app/chunks/theme.js'
		]);
		expect(out).toContain(
			'<link href="./_app/chunks/map.js" rel="modulepreload">\n\t\t<link href='
		);
		expect(out).toContain('<link href="./_app/chunks/theme.js" rel="modulepreload">');
		expect(out).not.toContain('editor');
		expect(out.endsWith('\n\t</head>')).toBe(true);
	});

	it('writes the links of a page in a folder from that folder', () => {
		const html = page(['../_app/nodes/2.js']);
		const { html: out } = completePreloads(html, 'speaker/index.html', read);
		expect(out).toContain('<link href="../_app/chunks/theme.js" rel="modulepreload">');
	});

	it('leaves a complete page, and a page with no scripts, as they are', () => {
		const all = page(staticClosure(['_app/nodes/2.js'], read).map((p) => `./${p}`));
		expect(completePreloads(all, 'index.html', read)).toEqual({ html: all, added: [] });
		const none = '<head></head>';
		expect(completePreloads(none, 'index.html', read)).toEqual({ html: none, added: [] });
	});
});
