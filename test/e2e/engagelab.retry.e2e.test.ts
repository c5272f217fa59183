/**
 * n8n's "retry execution" in a real n8n 2.41.1 server: the retry is a new execution (new id, mode
 * `retry`) started from the original's saved data. The EngageLab node keeps the original execution's
 * id in the execution's custom data and derives its cid from it in a retry, so a push the original
 * may have delivered (the answer was lost) is not delivered again by the retry.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { prepareLocalN8n } from '../../dev/n8n/localN8n';
import { OWNER, serverEnv, startN8nServer, type N8nServer } from '../../dev/n8n/n8nServer';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { runCli } from '../../dev/n8n/cli';
import { N8N_E2E_VERSION } from '../../dev/n8n/n8nInstall';
import { workflow } from './harness/workflows';

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

const WORKFLOW_ID = 'elRetryCampaign';
let sandbox: Sandbox;
let server: N8nServer;
let cookie = '';

async function rest(method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${server.url}/rest${path}`, {
		method,
		headers: { 'content-type': 'application/json', cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
	return (JSON.parse(text) as { data: unknown }).data;
}

async function finished(executionId: string): Promise<any> {
	for (let attempt = 0; attempt < 120; attempt++) {
		const execution = await rest('GET', `/executions/${executionId}`);
		if (execution && !['new', 'running', 'waiting'].includes(execution.status)) return execution;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`execution ${executionId} did not finish`);
}

beforeAll(async () => {
	sandbox = await startSandbox();
	const port = await freePort();
	const local = await prepareLocalN8n('engagelab-retry', sandbox, serverEnv(port));
	const file = join(local.userFolder, 'retry-workflow.json');
	writeFileSync(
		file,
		JSON.stringify([
			workflow(WORKFLOW_ID, {
				type: 'engageLab',
				parameters: {
					resource: 'push',
					operation: 'send',
					audience: 'targets',
					to: { registrationIds: 'rid-1' },
					alert: 'Your order has shipped',
					// One attempt, so that a lost answer fails the node (as several lost answers would).
					delivery: { maxAttempts: 1 },
				},
				credential: {
					id: 'sandboxEngageLab',
					name: 'EngageLab App Push (sandbox)',
					type: 'engageLabApi',
					data: {},
				},
			}),
		]),
	);
	const imported = await runCli(local.n8n, ['import:workflow', `--input=${file}`], local.env);
	if (imported.code !== 0) throw new Error(imported.stderr);
	server = await startN8nServer(local, port, 'ignore');
	const login = await fetch(`${server.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	expect(login.ok).toBe(true);
	cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.close();
});

it('a retried execution reuses the original cid: the push the original delivered is not delivered again', async () => {
	// EngageLab takes the push, the answer is lost: the node reports unknown and the execution fails.
	sandbox.configure({ faults: { resetAfterRead: 1, providers: ['engagelab'] } });
	// n8n 1.x runs the workflow data it is sent; 2.x loads it by id when none is sent.
	const workflowData = await rest('GET', `/workflows/${WORKFLOW_ID}`);
	const started = await rest('POST', `/workflows/${WORKFLOW_ID}/run`, {
		workflowData,
		triggerToStartFrom: { name: 'Start' },
	});
	const original = await finished(started.executionId);
	expect(original.status).toBe('error');
	expect(sandbox.deliveries).toHaveLength(1);
	const originalCid = (sandbox.requests[0].body as any).body.options.cid as string;

	sandbox.configure({ faults: {} });
	const retried = await rest('POST', `/executions/${started.executionId}/retry`, {
		loadWorkflow: false,
	});
	expect(retried.id).not.toBe(started.executionId);
	expect(retried.status).toBe('success');
	const retryCid = (sandbox.requests.at(-1)!.body as any).body.options.cid as string;
	if (N8N_E2E_VERSION.startsWith('1.')) {
		// n8n 1.x does not carry the original's custom data into its retry: new keys, so the retry
		// delivers the push again (README, EngageLab: the limit on n8n 1.x).
		expect(retryCid).not.toBe(originalCid);
		expect(sandbox.deliveries).toHaveLength(2);
		return;
	}
	expect(retryCid).toBe(originalCid);
	expect(sandbox.deliveries).toHaveLength(1);
}, 300_000);
