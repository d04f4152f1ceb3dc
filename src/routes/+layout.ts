// Every route is prerendered: the app is a static site that works offline.
export const prerender = true;
export const ssr = false;
