import { repairHash } from '$lib/state/hash';

// Runs once before the router's first navigation (see repairHash for why).
export const init = () => repairHash();
