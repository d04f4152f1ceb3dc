/** The briefing the app opens with: src/content/<id>/. */
export const DEFAULT_BRIEFING_ID = 'feb-2022';
