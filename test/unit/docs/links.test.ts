import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Every link a reader or the editor follows into this package's documentation lands somewhere: the
 * relative links and #anchors of the Markdown files, and the README anchors that the nodes' codex
 * files and the credentials' documentationUrl point n8n's users to.
 */
const ROOT = resolve(__dirname, '../../..');
const REPO_URL = 'https://github.com/n8n-nodes-push-gateways/n8n-nodes-push-gateways';

function files(dir: string, test: (path: string) => boolean): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path, test);
		return test(path) ? [path] : [];
	});
}

const MARKDOWN = [
	'README.md',
	'CONTRIBUTING.md',
	'ARCHITECTURE.md',
	'CHANGELOG.md',
	...files(join(ROOT, 'docs'), (path) => path.endsWith('.md')).map((path) => relative(ROOT, path)),
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const result = new Set<string>();
	const text = markdown.replace(/```[\s\S]*?```/g, '');
	for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
		const slug = heading
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		result.add(count ? `${slug}-${count}` : slug);
	}
	return result;
}

function anchorsOf(file: string): Set<string> {
	return anchors(readFileSync(join(ROOT, file), 'utf8'));
}

describe('documentation links', () => {
	it.each(MARKDOWN)('%s: every relative link and anchor resolves', (file) => {
		const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
		const broken: string[] = [];
		for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
			if (/^[a-z]+:/i.test(target)) continue;
			const [path, anchor] = target.split('#');
			const linked = path ? relative(ROOT, resolve(dirname(join(ROOT, file)), path)) : file;
			if (!existsSync(join(ROOT, linked))) broken.push(`${target}: no ${linked}`);
			else if (anchor && !anchorsOf(linked).has(anchor))
				broken.push(`${target}: no heading #${anchor} in ${linked}`);
		}
		expect(broken).toEqual([]);
	});

	it('every README anchor the nodes and credentials link to is a README heading', () => {
		const sources = [
			...files(join(ROOT, 'nodes'), (path) => /\.(ts|json)$/.test(path)),
			...files(join(ROOT, 'credentials'), (path) => path.endsWith('.ts')),
		];
		const linked = sources.flatMap((path) =>
			[...readFileSync(path, 'utf8').matchAll(new RegExp(`${REPO_URL}#([\\w-]+)`, 'g'))].map(
				([, anchor]) => anchor,
			),
		);
		expect(linked.length).toBeGreaterThan(0);
		const readme = anchorsOf('README.md');
		expect([...new Set(linked)].filter((anchor) => !readme.has(anchor))).toEqual([]);
	});
});
