/**
 * npm run verify (plain ESM like the scanner itself): the release checks, offline, on the packed tarball
 * (npm test and so .ci/run run them; the Publish workflow runs them before `npm publish`).
 * 1. What `npx @n8n/scan-community-package` checks before a package can be verified, minus its two
 *    network legs (npm provenance and the GitHub download): the lint config is the scanner's own
 *    (`buildScanConfig` in @n8n/scan-community-package 0.32.0, scanner/scanner.mjs), run with inline
 *    `eslint-disable` comments ignored, on the sources and on the packed tarball.
 * 2. The package rules the scanner's lint cannot see: no runtime dependencies, only `dist` shipped,
 *    every registered node and credential present with its light and dark icons, a codex file per node.
 * 3. `n8n-node lint` (@n8n/node-cli, which n8n's verification guidelines name) on the package's sources
 *    laid out as n8n's starter lays them out, with the starter's unmodified eslint.config.mjs (strict
 *    mode refuses any other); the repository's own config lints more (tests, scripts) with other rules.
 * 4. `npm publish --dry-run`: it needs no token and no network, and must list exactly the tarball's files
 *    under package.json's name and version; and CHANGELOG.md has a dated section for that version.
 */
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import communityNodesModule from '@n8n/eslint-plugin-community-nodes';
import * as tsParserModule from '@typescript-eslint/parser';
import { createRequire } from 'node:module';

import { ESLint } from 'eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const communityNodes = communityNodesModule.n8nCommunityNodesPlugin ?? communityNodesModule;
// As the scanner does: the parser's default export when the module system gives one.
const tsParser = tsParserModule.default ?? tsParserModule;

function scanConfig() {
	return [
		communityNodes.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
		{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
		{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
	];
}

function walk(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

async function lint(label, cwd, files) {
	const eslint = new ESLint({
		cwd,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: scanConfig(),
	});
	const results = await eslint.lintFiles(files);
	const errors = results.flatMap((result) =>
		result.messages
			.filter((message) => message.severity === 2)
			.map(
				(message) =>
					`${label}: ${relative(cwd, result.filePath)}:${message.line} ${message.ruleId ?? ''} ${message.message}`,
			),
	);
	console.log(
		`${errors.length === 0 ? 'ok  ' : 'FAIL'} ${label}: ${files.length} files linted with the scanner's rules`,
	);
	return errors;
}

function iconFiles(icon) {
	if (typeof icon === 'string') return [icon];
	if (icon && typeof icon === 'object') return Object.values(icon);
	return [];
}

/** The package rules, checked on the unpacked tarball. */
function packageRules(unpacked) {
	const errors = [];
	const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
	if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0)
		errors.push(`runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
	if (JSON.stringify(pkg.files) !== '["dist"]')
		errors.push(`files must be ["dist"], is ${JSON.stringify(pkg.files)}`);
	const stray = walk(unpacked)
		.map((file) => relative(unpacked, file))
		.filter(
			(file) =>
				!file.startsWith('dist/') && !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(file),
		);
	if (stray.length) errors.push(`files outside dist in the tarball: ${stray.join(', ')}`);

	const entries = [
		...pkg.n8n.nodes.map((file) => ({ file, kind: 'node' })),
		...pkg.n8n.credentials.map((file) => ({ file, kind: 'credential' })),
	];
	for (const { file, kind } of entries) {
		if (!existsSync(join(unpacked, file))) {
			errors.push(`${kind} ${file} is registered but not in the tarball`);
			continue;
		}
		// Loaded from the repo's build (the same files) so that n8n-workflow resolves.
		const module = require(join(ROOT, file));
		// n8n loads the class named like the file (X.node.js → X), whatever else the file exports.
		const className = basename(file).split('.')[0];
		if (typeof module[className] !== 'function') {
			errors.push(`${file}: exports no class named ${className}, which n8n loads`);
			continue;
		}
		const instance = new module[className]();
		const icons = iconFiles(kind === 'node' ? instance.description?.icon : instance.icon);
		if (icons.length !== 2)
			errors.push(`${file}: needs a light and a dark icon, has ${icons.length}`);
		for (const icon of icons) {
			const path = join(dirname(join(unpacked, file)), icon.replace(/^file:/, ''));
			if (!existsSync(path) || !readFileSync(path, 'utf8').includes('<svg'))
				errors.push(`${file}: icon ${icon} missing or not an SVG`);
		}
		if (kind === 'node') {
			const codex = join(unpacked, file.replace(/\.js$/, '.json'));
			const expected = `${pkg.name}.${instance.description?.name}`;
			if (!existsSync(codex)) errors.push(`${file}: codex file missing`);
			else if (JSON.parse(readFileSync(codex, 'utf8')).node !== expected)
				errors.push(`${file}: codex "node" must be ${expected}`);
		}
	}
	console.log(
		`${errors.length === 0 ? 'ok  ' : 'FAIL'} package rules: ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials, icons, codex, no dependencies`,
	);
	return errors;
}

/** n8n's starter project: its eslint.config.mjs, which `n8n-node lint` requires unchanged in strict mode. */
const STARTER_ESLINT_CONFIG =
	"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";

/** `n8n-node lint` on the package's sources in the starter's layout (see the header, point 3). */
function n8nNodeLint(work) {
	const starter = join(work, 'starter');
	for (const entry of ['package.json', 'tsconfig.json', 'nodes', 'credentials', 'icons'])
		cpSync(join(ROOT, entry), join(starter, entry), { recursive: true });
	writeFileSync(join(starter, 'eslint.config.mjs'), STARTER_ESLINT_CONFIG);
	symlinkSync(join(ROOT, 'node_modules'), join(starter, 'node_modules'), 'dir');
	const errors = [];
	try {
		execFileSync(join(ROOT, 'node_modules', '.bin', 'n8n-node'), ['lint'], {
			cwd: starter,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0' },
			stdio: 'pipe',
		});
	} catch (error) {
		// n8n-node asks eslint for colours whatever the environment says.
		const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '');
		errors.push(`n8n-node lint failed:\n${output}`);
	}
	console.log(
		`${errors.length === 0 ? 'ok  ' : 'FAIL'} n8n-node lint (@n8n/node-cli) in the starter's layout`,
	);
	return errors;
}

/** `npm publish --dry-run` lists the tarball's files under the package's name and version. */
function publishDryRun(unpacked) {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	const errors = [];
	const output = execFileSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const parsed = JSON.parse(output);
	// npm 11 keys the result by package name; npm 10 prints the result itself.
	const result = parsed[pkg.name] ?? parsed;
	if (result.name !== pkg.name || result.version !== pkg.version)
		errors.push(
			`npm publish --dry-run: ${result.name}@${result.version}, not ${pkg.name}@${pkg.version}`,
		);
	const published = result.files.map((file) => file.path).sort();
	const packed = walk(unpacked)
		.map((file) => relative(unpacked, file))
		.sort();
	if (JSON.stringify(published) !== JSON.stringify(packed))
		errors.push(
			`npm publish --dry-run lists other files than the tarball: ${published.filter((file) => !packed.includes(file)).join(', ') || '(none extra)'}; missing ${packed.filter((file) => !published.includes(file)).join(', ') || '(none)'}`,
		);
	const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
	const heading = new RegExp(
		`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`,
		'm',
	);
	if (!heading.test(changelog))
		errors.push(
			`CHANGELOG.md has no section "## [${pkg.version}] - <date>" for package.json's version`,
		);
	console.log(
		`${errors.length === 0 ? 'ok  ' : 'FAIL'} npm publish --dry-run: ${published.length} files as ${pkg.name}@${pkg.version}; CHANGELOG section`,
	);
	return errors;
}

async function main() {
	const sources = [
		'package.json',
		...[...walk(join(ROOT, 'nodes')), ...walk(join(ROOT, 'credentials'))].filter((file) =>
			/\.(js|ts|json)$/.test(file),
		),
	];
	const errors = await lint('source', ROOT, sources);

	const work = mkdtempSync(join(tmpdir(), 'push-gateways-verify-'));
	try {
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
			cwd: ROOT,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop();
		execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
		const unpacked = join(work, 'package');
		const shipped = ['package.json', ...walk(unpacked).filter((file) => file.endsWith('.js'))];
		errors.push(...(await lint('tarball', unpacked, shipped)));
		errors.push(...packageRules(unpacked));
		errors.push(...publishDryRun(unpacked));
		errors.push(...n8nNodeLint(work));
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	for (const error of errors) console.error(`  ${error}`);
	process.exitCode = errors.length ? 1 : 0;
}

await main();
