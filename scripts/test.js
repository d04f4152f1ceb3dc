// `npm test`: unit tests (Vitest), then the end-to-end tests (Playwright driving Debian's Chromium
// against the built site). Installs the `chromium` package first when it is missing and we are
// root (as in CI); otherwise stops and names the package. Prints one closing line
// "tests: N passed, N failed" summing both runners.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

import { CHROMIUM } from './chromium.js';

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!root || process.env.CHROMIUM_PATH) {
		console.error(
			`Chromium was not found at ${CHROMIUM}. The end-to-end tests need Debian's "chromium" package:\n` +
				`  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium executable).`
		);
		process.exit(1);
	}
	console.log('Installing Debian\'s "chromium" package for the end-to-end tests...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execSync('apt-get update', { stdio: 'inherit', env });
	execSync('apt-get install -y --no-install-recommends chromium fonts-dejavu-core', {
		stdio: 'inherit',
		env
	});
	if (!existsSync(CHROMIUM)) {
		console.error(`apt-get installed chromium but ${CHROMIUM} is still missing.`);
		process.exit(1);
	}
}

function run(cmd, args) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
	return r.status ?? 1;
}

mkdirSync('test-results', { recursive: true });
const only = process.argv[2]; // "unit" or "e2e" to run one half

let unitStatus = 0;
let unit = { passed: 0, failed: 0 };
if (only !== 'e2e') {
	unitStatus = run('npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		'--outputFile.json=test-results/unit.json'
	]);
	try {
		const r = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
		unit = { passed: r.numPassedTests, failed: r.numFailedTests };
	} catch {
		unit.failed += 1;
	}
}

let e2eStatus = 0;
let e2e = { passed: 0, failed: 0 };
if (only !== 'unit') {
	ensureChromium();
	const built = run('npm', ['run', 'build']);
	if (built !== 0) {
		e2eStatus = built;
		e2e.failed += 1;
	} else {
		e2eStatus = run('npx', ['playwright', 'test']);
		try {
			const r = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
			e2e = { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky };
		} catch {
			e2e.failed += 1;
		}
	}
}

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(
	`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(unitStatus || e2eStatus || (failed > 0 ? 1 : 0) || (passed === 0 ? 1 : 0));
