/**
 * npm start: the provider sandbox and a real n8n on http://localhost:5678 with this package installed
 * as a community package, sandbox credentials and the example workflows imported, and an owner account
 * set up, so you land in the editor and can press "Execute workflow". Ctrl-C stops everything.
 */
import { spawn } from 'node:child_process';

import { startSandbox } from '../test/sandbox';
import { prepareLocalN8n } from './lib/localN8n';

const PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 5680);
export const OWNER = { email: 'demo@example.com', password: 'Demo-password-1', firstName: 'Demo', lastName: 'User' };

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilUp(url: string, child: { exitCode: number | null }): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			// /healthz answers before the REST API is mounted; the settings route means the editor is usable.
			if ((await fetch(`${url}/rest/settings`)).ok) return;
		} catch {
			// not listening yet
		}
		await delay(500);
	}
	throw new Error('n8n did not start within 2 minutes');
}

async function main() {
	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	console.log(`Provider sandbox: ${sandbox.url}`);
	const local = await prepareLocalN8n('start', sandbox, {
		N8N_PORT: String(PORT),
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(PORT + 1000),
	});
	const child = spawn(local.n8n.node, [local.n8n.bin, 'start'], { env: local.env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
		await sandbox.close();
	};
	process.on('SIGINT', () => void stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
	child.on('exit', (code) => void stop().then(() => process.exit(code ?? 0)));

	const url = `http://localhost:${PORT}`;
	await waitUntilUp(url, child);
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!setup.ok) throw new Error(`Owner set-up answered ${setup.status}: ${(await setup.text()).slice(0, 200)}`);
	console.log(`\nn8n is ready: ${url}  (sign in as ${OWNER.email} / ${OWNER.password})`);
	console.log('The example workflows are in the Overview; open one and press "Execute workflow". Ctrl-C stops everything.\n');
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
