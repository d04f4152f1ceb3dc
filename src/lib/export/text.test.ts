import { describe, expect, it } from 'vitest';
import { embedded } from '$lib/briefing/test-briefing';
import { COUNTRY_NAMES } from '$lib/map/geodata';
import { CREDITS, creditText, creditsLine } from '$lib/ui/credits';
import { imageText, legendEntries, sceneHidden } from './text';

const briefing = embedded();
const names = new Map(COUNTRY_NAMES.map((c) => [c.iso3, c.name]));
const nameOf = (iso3: string) => names.get(iso3) ?? iso3;

describe('imageText', () => {
	it('says the title, the date and what the view is, and the credits in the Credits words', () => {
		const t = imageText(briefing, [], nameOf, 'Scene 2: Something');
		expect(t.title).toBe(briefing.title);
		expect(t.subtitle).toMatch(/^As of \d{1,2} \w+ \d{4} · Scene 2: Something$/);
		expect(t.credits).toBe(creditsLine());
		for (const item of CREDITS) expect(t.credits).toContain(creditText(item));
	});
	it('has a legend entry per visible role and overlay caption, with each role’s texture', () => {
		const all = legendEntries(briefing, [], nameOf);
		const roles = all.filter((e) => e.kind === 'role');
		expect(roles.length).toBeGreaterThan(2);
		for (const r of roles) {
			expect(briefing.roles.map((x) => x.label)).toContain(r.label);
			expect(r.pattern).toBe(briefing.roles.find((x) => x.label === r.label)!.pattern);
		}
		// Hiding a role's only country and an overlay takes them out of the legend.
		const first = briefing.countries.find((c) => c.roles.length === 1)!;
		const lone = briefing.countries.filter((c) =>
			c.roles.some((r) => r.role === first.roles[0]!.role)
		);
		const overlay = briefing.overlays[0]!;
		const fewer = legendEntries(briefing, [...lone.map((c) => c.iso3), overlay.id], nameOf);
		expect(fewer.length).toBeLessThan(all.length);
		const captions = fewer.map((e) => e.text);
		for (const item of overlay.legend ?? []) expect(captions).not.toContain(item.caption);
	});
	it('a scene hides the layers it does not show', () => {
		const scene = briefing.scenes[0]!;
		const hidden = sceneHidden(briefing, scene);
		for (const id of scene.layers) expect(hidden).not.toContain(id);
		expect(hidden.length).toBeGreaterThan(0);
	});
});
