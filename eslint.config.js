import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'bench-results/',
			'scripts/_*.mjs'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The layout's one-way arrows, enforced: only the map module talks to MapLibre.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/map/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: 'maplibre-gl', message: 'Only src/lib/map may import maplibre-gl.' }] }
			]
		}
	},
	{
		// Every end-to-end test runs under the CSP check of tests/e2e/fixtures.ts.
		files: ['tests/e2e/**/*.e2e.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							message:
								'Import test and expect from ./fixtures: it fails a test on any CSP violation.'
						}
					]
				}
			]
		}
	},
	{
		// One module owns the URL hash: people share and bookmark it, so it has one writer.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/state/hash.ts'],
		rules: {
			'no-restricted-globals': ['error', { name: 'history', message: 'Use $lib/state/hash.' }],
			'no-restricted-properties': [
				'error',
				{ object: 'location', property: 'hash', message: 'Use $lib/state/hash.' },
				{ object: 'window', property: 'history', message: 'Use $lib/state/hash.' }
			]
		}
	},
	{
		files: ['src/lib/briefing/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'$lib/map/*',
								'$lib/ui/*',
								'$lib/state/*',
								'svelte',
								'svelte/*',
								'maplibre-gl'
							],
							message: 'The briefing model knows no renderer and no screen.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/map/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/ui/*', '../ui/*'],
							message: 'The map exposes verbs and events; components call it, not the reverse.'
						}
					]
				}
			]
		}
	}
);
