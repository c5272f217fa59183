import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');

export interface N8nInstall {
	/** The Node 24 binary n8n runs on. */
	node: string;
	/** n8n's CLI entry point. */
	bin: string;
}

/** The cached real n8n (installed on first use by scripts/ensure-n8n.sh). */
export function ensureN8n(): N8nInstall {
	const cache = execFileSync('bash', [join(REPO_ROOT, 'scripts/ensure-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop() as string;
	return { node: join(cache, 'node'), bin: join(cache, 'node_modules/n8n/bin/n8n') };
}
