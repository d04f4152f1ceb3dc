import type { ImageSizeId } from '$lib/export/layout';

/**
 * The size Save image draws at, as last chosen (in the sidebar): the presentation's toolbar has
 * only the button, which saves at this size, so that the toolbar holds no text to fade.
 */
export const imageChoice = $state<{ size: ImageSizeId }>({ size: '1920x1080' });
