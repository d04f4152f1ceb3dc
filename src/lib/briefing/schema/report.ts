/** How problems are worded for an editor: a field path and a message per line, limits first. */
import type { z } from 'zod';
import { LIMITS, MAX_ERRORS } from '../limits';
import { LIMIT_ERROR, characters, count } from './fields';

export type ParseResult<T> = { ok: true; briefing: T } | { ok: false; errors: string[] };

/** Field names are quoted from the file: a hostile one could be megabytes long. */
const KEY_CHARS = 60;

/** `['countries', 2, 'roles', 0]` -> `countries[2].roles[0]`: the path an editor can follow. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else {
			const name = String(key);
			const shown =
				name.length > KEY_CHARS
					? `${name.slice(0, KEY_CHARS)}… (${count(characters(name))} characters)`
					: name;
			out += out ? `.${shown}` : shown;
		}
	}
	return out || '(root)';
}

/**
 * One line per problem, each starting with the field's path. A union's failure is reported from
 * the branch that came closest (fewest issues), because "Invalid input" on a whole geometry tells
 * an editor nothing about which field to fix.
 */
export function formatIssues(
	issues: readonly z.core.$ZodIssue[],
	prefix: PropertyKey[] = []
): string[] {
	const lines: string[] = [];
	for (const issue of issues) {
		const path = [...prefix, ...issue.path];
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) lines.push(`${formatPath([...path, key])}: unknown field`);
		} else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
			const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
			lines.push(...formatIssues(closest, path));
		} else if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
			lines.push(`${formatPath(path)}: required (${issue.expected})`);
		} else {
			lines.push(`${formatPath(path)}: ${issue.message}`);
		}
	}
	return lines;
}

/**
 * The limits no field of the format can check: how deep the file nests and how many values it
 * holds, counted before zod reads it field by field (which, for millions of values, takes
 * seconds). Iterative, so that a file nested 100,000 deep cannot overflow the stack either.
 */
export function checkSize(raw: unknown): string[] {
	interface Node {
		value: unknown;
		parent: Node | undefined;
		key: string | number;
		depth: number;
	}
	const pathOf = (node: Node) => {
		const keys: (string | number)[] = [];
		for (let n: Node | undefined = node; n?.parent; n = n.parent) keys.push(n.key);
		return formatPath(keys.reverse());
	};
	const stack: Node[] = [{ value: raw, parent: undefined, key: '', depth: 0 }];
	let values = 1;
	while (stack.length > 0) {
		const node = stack.pop()!;
		const { value } = node;
		if (typeof value !== 'object' || value === null) continue;
		const keys = Array.isArray(value) ? null : Object.keys(value);
		const size = keys ? keys.length : (value as unknown[]).length;
		if (size === 0) continue;
		if (node.depth >= LIMITS.depth) {
			return [`${pathOf(node)}: nested too deep: the limit is ${LIMITS.depth} levels (depth)`];
		}
		values += size;
		if (values > LIMITS.values) {
			return [
				`${pathOf(node)}: too many values in the file: more than ${count(LIMITS.values)}, the limit is ${count(LIMITS.values)} (values)`
			];
		}
		// Pushed last to first, so that the file is read in its own order.
		for (let i = size - 1; i >= 0; i--) {
			const key = keys ? keys[i]! : i;
			const child = keys ? (value as Record<string, unknown>)[key] : (value as unknown[])[i];
			stack.push({ value: child, parent: node, key, depth: node.depth + 1 });
		}
	}
	return [];
}

/**
 * The errors as listed: limits first (a file over one is likely not a briefing at all, and its
 * other errors follow from it), at most MAX_ERRORS, then how many more there are.
 */
export function listErrors(lines: readonly string[]): string[] {
	const ordered = [
		...lines.filter((l) => LIMIT_ERROR.test(l)),
		...lines.filter((l) => !LIMIT_ERROR.test(l))
	];
	if (ordered.length <= MAX_ERRORS) return ordered;
	const more = ordered.length - MAX_ERRORS;
	return [...ordered.slice(0, MAX_ERRORS), `… and ${more} more problem${more === 1 ? '' : 's'}`];
}
