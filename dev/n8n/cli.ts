import { spawn } from 'node:child_process';

import type { N8nInstall } from './n8nInstall';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Env for an offline, quiet, isolated n8n whose user folder is ours. */
export function n8nEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'push-gateways-e2e-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		// `execute` prints the run through the logger at info level.
		N8N_LOG_LEVEL: 'info',
		N8N_PERSONALIZATION_ENABLED: 'false',
		...extra,
	};
}

export function runCli(
	n8n: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
	timeoutMs = 300_000,
): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(n8n.node, [n8n.bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code: code ?? -1, stdout, stderr });
		});
	});
}

/** The pretty-printed IRun that `execute` prints, found among the log lines around it. */
export function parseRun(stdout: string): unknown {
	// Log lines can end in a stray "{" before it, so anchor on the run's first key.
	const start = stdout.search(/^\{\n {2}"data": \{/m);
	if (start < 0) return undefined;
	const end = stdout.slice(start).search(/^\}$/m);
	return end < 0 ? undefined : JSON.parse(stdout.slice(start, start + end + 1));
}

/**
 * Activates a workflow from the CLI, before `n8n start`: `publish:workflow` in n8n 2.x, which has no
 * `update:workflow --active`; n8n 1.x has only the latter.
 */
export async function activateWorkflow(
	n8n: N8nInstall,
	id: string,
	env: NodeJS.ProcessEnv,
): Promise<CliResult> {
	const published = await runCli(n8n, ['publish:workflow', `--id=${id}`], env);
	if (
		published.code === 0 ||
		!/Command "publish:workflow" not found/.test(published.stderr + published.stdout)
	)
		return published;
	return await runCli(n8n, ['update:workflow', `--id=${id}`, '--active=true'], env);
}
