// Debian's Chromium, as the tests and the benchmark launch it: never a downloaded browser (there
// is no network here). Headless Chromium renders WebGL through SwiftShader with no extra flags;
// the others keep it from calling home (refused connections on a closed network).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
