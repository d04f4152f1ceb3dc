import { describe, expect, it } from 'vitest';
import { DraftEditor } from './draft.svelte';
import { passagesOf } from './passages-model';

// Paragraph 2 names Pakistan by its prime minister's surname only.
const ARTICLE = [
	'Floods in Pakistan have displaced thousands of families, officials in Islamabad said.',
	'Sharif asked donors for help on Tuesday.',
	'A charity based in Georgia, in the United States, sent tents.'
].join('\n\n');

describe('DraftEditor: passages and story terms', () => {
	it('commits each change as its own step, named, and says why one is refused', async () => {
		const commits: string[] = [];
		const editor = new DraftEditor({ onCommit: (_, what) => commits.push(what) });
		editor.setArticle(ARTICLE);
		await editor.find();
		commits.length = 0;

		expect(editor.addTerm('PAK', 'Sharif')).toBeNull();
		expect(editor.removePassage('GEO', 3)).toBeNull();
		expect(editor.addPassage('GEO', 1)).toBeNull();
		expect(editor.removeTerm('PAK', 'Sharif')).toBeNull();
		expect(commits).toEqual([
			'Story term “Sharif” for Pakistan',
			'Remove paragraph 3 from Georgia',
			'Add paragraph 1 to Georgia',
			'Remove the story term “Sharif” of Pakistan'
		]);

		const before = editor.draft;
		expect(editor.addTerm('PAK', 'Islamabad')).toBe(
			'“Islamabad” already names Pakistan: it counts without being added.'
		);
		expect(editor.addPassage('PAK', 7)).toBe(
			'Choose a paragraph from 1 to 3: the article has 3 paragraphs.'
		);
		expect(editor.draft).toBe(before);
		expect(commits).toHaveLength(4);
	});

	it('finds countries with the draft’s story terms, as the panel reads them', async () => {
		const editor = new DraftEditor();
		editor.setArticle(ARTICLE);
		await editor.find();
		editor.addTerm('PAK', 'Sharif');
		// The article edited (the list is stale), then found again: the term still counts.
		editor.setArticle(`${ARTICLE}\n\nSharif flew to the south.`);
		await editor.find();
		expect(editor.listed.find((c) => c.iso3 === 'PAK')?.passages).toBe(3);
		expect(passagesOf(editor.draft, 'PAK').map((p) => p.paragraph)).toEqual([1, 2, 4]);
	});
});
