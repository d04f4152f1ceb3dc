/**
 * The speaker channel: the messages the main window and the speaker view send each other over a
 * BroadcastChannel. Any page of the origin can post on it, so every message is checked on arrival
 * and one that does not parse is dropped; scene numbers are whole numbers, which the receiver
 * brings into its own 1..count (its briefing decides how many scenes there are).
 */
import { z } from '$lib/briefing/schema/zod';

const sceneNumber = z.number().int();

const channelMessage = z.discriminatedUnion('type', [
	/** The speaker view has opened: the main window answers with `scene` or `exit`. */
	z.object({ type: z.literal('hello') }),
	/** The main window shows scene `scene` of `count`. */
	z.object({
		type: z.literal('scene'),
		scene: sceneNumber,
		count: z.number().int().nonnegative().optional()
	}),
	/** The main window is not presenting (it ended, or never started). */
	z.object({ type: z.literal('exit') }),
	/** The speaker view steps a running presentation. */
	z.object({ type: z.literal('goto'), scene: sceneNumber }),
	/** The speaker view asks the main window to start presenting again. */
	z.object({ type: z.literal('start'), scene: sceneNumber })
]);

export type ChannelMessage = z.infer<typeof channelMessage>;

/** The channel's name: one per briefing, so two briefings open side by side do not mix. */
export function channelName(briefingId: string): string {
	return `briefing-map:${briefingId}`;
}

/** The message in `data`, or null when it is not one of ours (dropped, never thrown on). */
export function readMessage(data: unknown): ChannelMessage | null {
	const parsed = channelMessage.safeParse(data);
	return parsed.success ? parsed.data : null;
}

/** Posts a message; a closed channel (the page is going away) is not an error. */
export function postMessage(channel: BroadcastChannel | null, message: ChannelMessage): void {
	try {
		channel?.postMessage(message);
	} catch {
		// InvalidStateError: closed.
	}
}
