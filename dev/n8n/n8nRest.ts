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
	/** The editor's "Test" of a stored credential (n8n runs the credential's test or the node's `testedBy`). */
	testCredential(credential: {
		id: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<{ status: string; message: string }>;
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);
const UNFINISHED = ['new', 'running', 'waiting', 'unknown'];
const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** n8n's internal REST API as the signed-in owner (the editor's own calls). */
export async function n8nRest(url: string, n8n: N8nInstall): Promise<N8nRest> {
	const browserId = 'push-gateways-tests';
	let headers = await signIn(url, browserId);
	// n8n stores run data with `flatted`; read it with n8n's own copy.
	const flatted = createRequire(join(n8n.bin, '..', '..', 'package.json'))('flatted') as {
		parse(text: string): unknown;
	};

	const get = async (path: string): Promise<unknown> => {
		let response = await fetch(`${url}${path}`, { headers });
		if (response.status === 401) {
			// A session n8n no longer honours (see signIn): sign in again, once, and repeat the call.
			await response.arrayBuffer();
			headers = await signIn(url, browserId);
			response = await fetch(`${url}${path}`, { headers });
		}
		if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
		return ((await response.json()) as { data: unknown }).data;
	};

	const page = async (filter: Record<string, unknown>, limit: number) =>
		(await get(
			`/rest/executions?filter=${encodeURIComponent(JSON.stringify(filter))}&limit=${limit}`,
		)) as { count: number; results: ExecutionSummary[] };

	return {
		async testCredential(credential) {
			const response = await fetch(`${url}/rest/credentials/test`, {
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/json' },
				body: JSON.stringify({ credentials: credential }),
			});
			if (!response.ok) throw new Error(`POST /rest/credentials/test answered ${response.status}`);
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		},
		async executions(workflowId) {
			return (await page({ workflowId }, 100)).results;
		},
		async run(executionId) {
			const execution = (await get(`/rest/executions/${executionId}`)) as { data: string };
			return flatted.parse(execution.data) as IRun['data'];
		},
		async waitForEnded(workflowId, count) {
			for (let attempt = 0; attempt < 120; attempt++) {
				// Counted by n8n, not from one page of at most 100 rows.
				const all = await page({ workflowId }, 100);
				const unfinished = await page({ workflowId, status: UNFINISHED }, 1);
				if (all.count >= count && unfinished.count === 0) {
					if (all.results.every((execution) => ENDED.has(execution.status))) return all.results;
				}
				await delay(500);
			}
			throw new Error(`${count} executions of ${workflowId} did not end within a minute`);
		},
	};
}

/**
 * Signs in as the owner and returns the session's headers once a call that needs the session
 * succeeds with them: the cookie alone is not proof that n8n will honour it.
 */
async function signIn(url: string, browserId: string): Promise<Record<string, string>> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		await login.arrayBuffer();
		if (!login.ok) throw new Error(`login answered ${login.status}`);
		const cookie = login.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.find((pair) => pair.startsWith('n8n-auth='));
		if (!cookie) throw new Error('login set no n8n-auth cookie');
		const headers = { cookie, 'browser-id': browserId };
		const check = await fetch(`${url}/rest/login`, { headers });
		await check.arrayBuffer();
		if (check.ok) return headers;
		await delay(500);
	}
	throw new Error('n8n did not honour a fresh session within 30 seconds');
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
