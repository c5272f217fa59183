import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import { n8nEnv, parseRun, runCli } from '../../../dev/n8n/cli';
import { installPackage } from '../../../dev/n8n/installPackage';
import { ensureN8n, N8N_E2E_VERSION } from '../../../dev/n8n/n8nInstall';
import { NODE_NAME, type CredentialFixture } from './workflows';

export { workflow, NODE_NAME, type CredentialFixture, type NodeUnderTest } from './workflows';

/**
 * A failed item's result on the error output: under `details`, or under `message` on n8n before 2.36,
 * which routes no other shape there (nodes/shared/delivery/errorOutput.ts).
 */
export function errorDetails(item: INodeExecutionData): IDataObject {
	const [major, minor] = N8N_E2E_VERSION.split('.').map(Number);
	const routesDetails = major > 2 || (major === 2 && minor >= 36);
	return item.json[routesDetails ? 'details' : 'message'] as IDataObject;
}

export interface E2ERun {
	ok: boolean;
	exitCode: number;
	run?: IRun;
	/** All outputs of a node (main, and the error output when it has one). */
	outputs(nodeName?: string): INodeExecutionData[][];
	error?: { message: string; description?: string | null; httpCode?: string | null; name?: string };
	stdout: string;
	stderr: string;
}

export interface E2E {
	userFolder: string;
	importCredentials(credentials: CredentialFixture[]): Promise<void>;
	importWorkflows(workflows: IDataObject[]): Promise<void>;
	execute(workflowId: string): Promise<E2ERun>;
	stop(): Promise<void>;
}

/**
 * A real n8n (the cached N8N_E2E_VERSION, 2.41.1 by default) with this package installed as a community package, in a fresh
 * user folder. Each call is one n8n CLI process, as a user would run it.
 */
export async function startE2E(): Promise<E2E> {
	const n8n = ensureN8n();
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	installPackage(userFolder);
	// Its own task-broker port, so a running `npm start` n8n does not collide with the tests.
	const env = n8nEnv(userFolder, {
		N8N_RUNNERS_BROKER_PORT: String(20000 + Math.floor(Math.random() * 20000)),
	});

	const importFile = async (command: string, name: string, content: unknown) => {
		const file = join(userFolder, name);
		writeFileSync(file, JSON.stringify(content));
		const result = await runCli(n8n, [command, `--input=${file}`], env);
		if (result.code !== 0)
			throw new Error(`n8n ${command} failed:\n${result.stdout}\n${result.stderr}`);
	};

	return {
		userFolder,
		importCredentials: async (credentials) =>
			await importFile('import:credentials', 'credentials.json', credentials),
		importWorkflows: async (workflows) =>
			await importFile('import:workflow', 'workflows.json', workflows),
		async execute(workflowId) {
			const result = await runCli(n8n, ['execute', `--id=${workflowId}`, '--rawOutput'], env);
			const run = parseRun(result.stdout) as IRun | undefined;
			const error = run?.data.resultData.error as E2ERun['error'] | undefined;
			return {
				ok: result.code === 0 && !error,
				exitCode: result.code,
				run,
				error,
				stdout: result.stdout,
				stderr: result.stderr,
				outputs: (nodeName = NODE_NAME) =>
					(run?.data.resultData.runData[nodeName]?.[0]?.data?.main ?? []) as INodeExecutionData[][],
			};
		},
		async stop() {
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}
