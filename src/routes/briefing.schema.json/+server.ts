import { json } from '@sveltejs/kit';
import { briefingJsonSchema } from '$lib/briefing/json-schema';
import type { RequestHandler } from './$types';

// Prerendered to build/briefing.schema.json, where every served briefing's `$schema` points.
export const prerender = true;

export const GET: RequestHandler = () => json(briefingJsonSchema());
