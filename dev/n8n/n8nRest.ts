import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { INodeExecutionData, IRun } from 'n8n-workflow';

import type { N8nInstall } from './n8nInstall';
import { OWNER } from './n8nServer';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
}

export interface N8nRest {
	executions(workflowId: string): Promise<ExecutionSummary[]>;
	/** The run of an execution, as n8n stored it. */
	run(executionId: string): Promise<IRun['data']>;
	/** Polls until `count` executions of the workflow have ended (or throws after a minute). */
	waitForEnded(workflowId: string, count: number): Promise<ExecutionSummary[]>;
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);
const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** n8n's internal REST API as the signed-in owner (the editor's own calls). */
export async function n8nRest(url: string, n8n: N8nInstall): Promise<N8nRest> {
	const browserId = 'push-gateways-tests';
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`login answered ${login.status}`);
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	const headers = { cookie, 'browser-id': browserId };
	// n8n stores run data with `flatted`; read it with n8n's own copy.
	const flatted = createRequire(join(n8n.bin, '..', '..', 'package.json'))('flatted') as {
		parse(text: string): unknown;
	};

	const get = async (path: string): Promise<unknown> => {
		const response = await fetch(`${url}${path}`, { headers });
		if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
		return ((await response.json()) as { data: unknown }).data;
	};

	const executions = async (workflowId: string): Promise<ExecutionSummary[]> => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = (await get(`/rest/executions?filter=${filter}&limit=100`)) as {
			results: ExecutionSummary[];
		};
		return data.results;
	};

	return {
		executions,
		async run(executionId) {
			const execution = (await get(`/rest/executions/${executionId}`)) as { data: string };
			return flatted.parse(execution.data) as IRun['data'];
		},
		async waitForEnded(workflowId, count) {
			for (let attempt = 0; attempt < 120; attempt++) {
				const list = await executions(workflowId);
				if (list.length >= count && list.every((execution) => ENDED.has(execution.status)))
					return list;
				await delay(500);
			}
			throw new Error(`${count} executions of ${workflowId} did not end within a minute`);
		},
	};
}

/** The items a node put out in a stored run (its first run, main output). */
export function nodeItems(run: IRun['data'], nodeName: string): INodeExecutionData[] {
	return (run.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[];
}

/**
 * n8n registers a published workflow's webhooks shortly after its API is up: polls with a request
 * that starts nothing (a handshake, or a call the trigger refuses) until the path stops answering 404.
 */
export async function waitForWebhook(url: string, harmlessBody: unknown): Promise<void> {
	for (let attempt = 0; attempt < 120; attempt++) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(harmlessBody),
		});
		await response.arrayBuffer();
		if (response.status !== 404) return;
		await delay(500);
	}
	throw new Error(`${url} was not registered within a minute`);
}
