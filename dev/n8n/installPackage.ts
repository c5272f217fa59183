import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from './n8nInstall';

export const PACKAGE_NAME = 'n8n-nodes-push-gateways';

/**
 * Installs the package the way n8n installs a community package: the packed tarball (only what
 * `files` ships) unpacked into <user folder>/.n8n/nodes/node_modules/<name>. Expects a fresh build.
 */
export function installPackage(userFolder: string): void {
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-pack-'));
	try {
		execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack produced no tarball');
		const target = join(userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['xzf', join(packDir, tarball), '-C', target, '--strip-components=1']);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}
