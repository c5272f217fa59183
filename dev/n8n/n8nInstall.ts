import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');

/** The n8n the e2e layer runs by default; `npm run test:compat` sets N8N_E2E_VERSION to each supported one. */
export const DEFAULT_N8N_VERSION = '2.41.1';

/** The n8n version this run tests (N8N_E2E_VERSION, read by scripts/ensure-n8n.sh too). */
export const N8N_E2E_VERSION = process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;

export interface N8nInstall {
	/** The n8n version installed. */
	version: string;
	/** The Node 24 binary n8n runs on. */
	node: string;
	/** n8n's CLI entry point. */
	bin: string;
}

/** The cached real n8n of N8N_E2E_VERSION (installed on first use by scripts/ensure-n8n.sh). */
export function ensureN8n(): N8nInstall {
	const cache = execFileSync('bash', [join(REPO_ROOT, 'scripts/ensure-n8n.sh')], {
		encoding: 'utf8',
		env: { ...process.env, N8N_E2E_VERSION },
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop() as string;
	return {
		version: N8N_E2E_VERSION,
		node: join(cache, 'node'),
		bin: join(cache, 'node_modules/n8n/bin/n8n'),
	};
}
