/**
 * The trigger nodes in a real n8n server (n8n start, the packed package installed), with the two
 * trigger examples published: callbacks are posted the way the providers post them
 * (dev/sandbox/callbacks.ts) and the executions n8n stored are read back through its REST API.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	EXAMPLES_DIR,
	prepareLocalN8n,
	SANDBOX_CALLBACK,
	type LocalN8n,
} from '../../dev/n8n/localN8n';
import { n8nRest, nodeItems, waitForWebhook, type N8nRest } from '../../dev/n8n/n8nRest';
import { freePort, serverEnv, startN8nServer, type N8nServer } from '../../dev/n8n/n8nServer';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import {
	callbackIdHeader,
	engageLabCallbackBody,
	engageLabHandshake,
	postEngageLabCallback,
	postSberStatus,
	sberStatusBody,
	type EngageLabSigning,
} from '../../dev/sandbox/callbacks';
import { activateWorkflow, runCli } from '../../dev/n8n/cli';

const ENGAGELAB = 'exEngageLabCallbackCrm';
const SBER = 'exSberWithStatuses';

// Credentials a user can store through an import or the API although the editor marks the field
// required, and a workflow per trigger that uses them.
const EMPTY_SECRETS = [
	{
		id: 'e2eEmptyEngageLabCallback',
		name: 'EngageLab Callback (empty secret)',
		type: 'engageLabCallbackApi',
		data: { callbackSecret: '', username: '' },
	},
	{
		id: 'e2eBlankSberCallback',
		name: 'Sber Callback (blank secret)',
		type: 'sberSmartPushCallbackApi',
		data: { urlSecret: '   ' },
	},
];
const EMPTY_ENGAGELAB = {
	id: 'e2eEmptyEngageLab',
	webhookId: 'e2e0e1a5-0000-4000-8000-00000000e1ab',
};
// The trigger alone, with the sandbox credential: what odd bodies do to the trigger, not to the example's nodes.
const ALONE = { id: 'e2eEngageLabAlone', webhookId: 'e2e0e1a5-0000-4000-8000-00000000a10e' };
const SANDBOX_ENGAGELAB_CREDENTIAL = {
	id: 'sandboxEngageLabCallback',
	name: 'EngageLab Callback (sandbox)',
	type: 'engageLabCallbackApi',
	data: { callbackSecret: SANDBOX_CALLBACK.engageLabSecret, username: '' },
};
const BLANK_SBER = { id: 'e2eBlankSber', webhookId: 'e2e0e1a5-0000-4000-8000-00000000cb01' };

function triggerWorkflow(
	id: string,
	webhookId: string,
	type: string,
	credential: { id: string; name: string; type: string },
): Record<string, unknown> {
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		nodes: [
			{
				id: `${id}-t`,
				name: 'Trigger',
				type: `n8n-nodes-push-gateways.${type}`,
				// The current version; the examples keep version 1, so both are covered.
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				parameters: {},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** A callback whose one row's custom_args nests `depth` objects, 3 levels below the body, as JSON text. */
function deepRowText(depth: number): string {
	const args = `${'{"a":'.repeat(depth - 1)}{"end":true}${'}'.repeat(depth - 1)}`;
	return `{"total":1,"rows":[{"message_id":"deep","custom_args":${args}}]}`;
}

function webhookIdOf(file: string, type: string): string {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as {
		nodes: Array<{ type: string; webhookId?: string }>;
	};
	return workflow.nodes.find((node) => node.type === type)?.webhookId ?? '';
}

let sandbox: Sandbox;
let local: LocalN8n;
let server: N8nServer;
let rest: N8nRest;
let engageLabUrl: string;
let sberCallbackUrl: URL;
let sberSendOk: boolean;

const signing: EngageLabSigning = {
	secret: SANDBOX_CALLBACK.engageLabSecret,
	username: SANDBOX_CALLBACK.engageLabUsername,
};
// EngageLab's retry schedule (10 s, 1 min, 5 min, 30 min, 1 h) shortened to milliseconds.
const FAST_RETRIES = [10, 60, 300, 1_800, 3_600].map((ms) => ms / 10);

beforeAll(async () => {
	sandbox = await startSandbox();
	const port = await freePort();
	local = await prepareLocalN8n('triggers', sandbox, serverEnv(port));
	// The Sber example's send runs first, from the CLI, as a user would press "Execute workflow".
	const send = await runCli(local.n8n, ['execute', `--id=${SBER}`, '--rawOutput'], local.env);
	sberSendOk = send.code === 0;
	const sent = sandbox.requests.find((request) => request.path.endsWith('/apprequest'));
	sberCallbackUrl = new URL(sent?.headers.callbackurl ?? 'http://missing');
	const credentialsFile = join(local.userFolder, 'e2e-empty-secrets.json');
	writeFileSync(credentialsFile, JSON.stringify(EMPTY_SECRETS));
	const workflowsFile = join(local.userFolder, 'e2e-empty-secret-workflows.json');
	writeFileSync(
		workflowsFile,
		JSON.stringify([
			triggerWorkflow(
				EMPTY_ENGAGELAB.id,
				EMPTY_ENGAGELAB.webhookId,
				'engageLabTrigger',
				EMPTY_SECRETS[0],
			),
			triggerWorkflow(ALONE.id, ALONE.webhookId, 'engageLabTrigger', SANDBOX_ENGAGELAB_CREDENTIAL),
			triggerWorkflow(
				BLANK_SBER.id,
				BLANK_SBER.webhookId,
				'sberSmartPushTrigger',
				EMPTY_SECRETS[1],
			),
		]),
	);
	for (const [command, input] of [
		['import:credentials', credentialsFile],
		['import:workflow', workflowsFile],
	]) {
		const imported = await runCli(local.n8n, [command, `--input=${input}`], local.env);
		if (imported.code !== 0) throw new Error(`${command} failed:\n${imported.stderr}`);
	}
	for (const id of [ENGAGELAB, SBER, EMPTY_ENGAGELAB.id, BLANK_SBER.id, ALONE.id]) {
		const published = await activateWorkflow(local.n8n, id, local.env);
		if (published.code !== 0)
			throw new Error(`publish ${id} failed:\n${published.stdout}\n${published.stderr}`);
	}
	server = await startN8nServer(local, port, 'ignore');
	rest = await n8nRest(server.url, local.n8n);
	engageLabUrl = `${server.url}/webhook/${webhookIdOf('engagelab-callback-crm.json', 'n8n-nodes-push-gateways.engageLabTrigger')}/webhook`;
	// Both triggers listening: a handshake and an unauthenticated call start nothing.
	await waitForWebhook(engageLabUrl, { echostr: 'ready' });
	await waitForWebhook(new URL(sberCallbackUrl.pathname, server.url).toString(), {});
	await waitForWebhook(`${server.url}/webhook/${EMPTY_ENGAGELAB.webhookId}/webhook`, {});
	await waitForWebhook(`${server.url}/webhook/${BLANK_SBER.webhookId}/status`, {});
	await waitForWebhook(`${server.url}/webhook/${ALONE.webhookId}/webhook`, {});
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.close();
});

describe('EngageLab Trigger in a running n8n', () => {
	const body = engageLabCallbackBody([
		{
			message_id: '1500012345',
			to: 'rid-anna',
			message_status: 'delivered',
			custom_args: { order: 'A-1' },
		},
		{ message_id: '1500012345', to: 'rid-boris', message_status: 'target_invalid' },
	]);
	let firstKeys: string[] = [];

	it('answers the echostr handshake with the raw value as text, nosniff, and starts no execution', async () => {
		const before = (await rest.executions(ENGAGELAB)).length;
		const answer = await engageLabHandshake(engageLabUrl, 'e2e-echo-8731');
		expect(answer.status).toBe(200);
		expect(answer.contentType).toMatch(/^text\/plain/);
		expect(answer.body).toBe('e2e-echo-8731');
		const again = await fetch(engageLabUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ echostr: 'e2e-echo-2' }),
		});
		expect(again.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await again.text()).toBe('e2e-echo-2');
		// Not echoed to a form post: that is an unsigned callback.
		const form = await fetch(engageLabUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'echostr=%3Cscript%3E',
		});
		expect(form.status).toBe(401);
		expect(await form.text()).not.toContain('<script>');
		expect((await rest.executions(ENGAGELAB)).length).toBe(before);
	});

	it.each([
		['nested 5,000 objects deep', deepRowText(5000), 400],
		['nested 1,000 levels (the limit)', deepRowText(997), 200],
		['not the documented envelope', JSON.stringify([1, 'two', { status: 'constructor' }]), 200],
		[
			'of about 1.5 MB (6,000 rows)',
			JSON.stringify(
				engageLabCallbackBody(
					Array.from({ length: 6000 }, (_, n) => ({
						message_id: `big-${n}`,
						to: `rid-${n}`,
						message_status: 'delivered',
					})),
				),
			),
			200,
		],
	])(
		'answers a signed body %s cleanly, never a 500 or an error execution',
		async (_kind, text, status) => {
			const before = await rest.waitForEnded(ALONE.id, 0);
			// Posted as text: the test's own JSON.stringify would run out of stack on the deep body.
			const answer = await fetch(`${server.url}/webhook/${ALONE.webhookId}/webhook`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'X-CALLBACK-ID': callbackIdHeader(signing) },
				body: text,
			});
			expect(answer.status).toBe(status);
			expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
			await answer.arrayBuffer();
			const started = status === 200 ? 1 : 0;
			const after = await rest.waitForEnded(ALONE.id, before.length + started);
			expect(after.length).toBe(before.length + started);
			expect(after.filter((execution) => execution.status !== 'success')).toEqual([]);
		},
		120_000,
	);

	it('starts one execution for a signed callback, with one item per event row', async () => {
		const before = (await rest.executions(ENGAGELAB)).length;
		const delivery = await postEngageLabCallback(engageLabUrl, body, signing, {
			retryDelaysMs: FAST_RETRIES,
		});
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([200]);
		// A small JSON saying what was taken, not n8n's placeholder "firstEntryJson".
		expect(delivery.attempts[0].contentType).toMatch(/^application\/json/);
		expect(JSON.parse(delivery.attempts[0].body)).toEqual({ received: 2, passed: 2 });
		const [latest] = await rest.waitForEnded(ENGAGELAB, before + 1);
		expect(latest.status).toBe('success');
		const run = await rest.run(latest.id);
		const items = nodeItems(run, 'EngageLab Trigger').map((item) => item.json);
		expect(items).toEqual([
			expect.objectContaining({
				messageId: '1500012345',
				recipient: 'rid-anna',
				status: 'delivered',
				message_status: 'delivered',
				custom_args: { order: 'A-1' },
				dedupeKey: expect.stringMatching(/^engagelab:/),
				raw: expect.objectContaining({ to: 'rid-anna' }),
			}),
			expect.objectContaining({ recipient: 'rid-boris', status: 'invalid_token' }),
		]);
		firstKeys = items.map((item) => String(item.dedupeKey));
		expect(nodeItems(run, 'Update CRM row').map((item) => item.json)).toEqual([
			expect.objectContaining({ customer: 'Anna', pushStatus: 'delivered', deleteToken: false }),
			expect.objectContaining({
				customer: 'Boris',
				pushStatus: 'invalid_token',
				deleteToken: true,
			}),
		]);
	}, 120_000);

	it('gives a repeated callback the same dedupeKey, and the example skips it', async () => {
		const before = (await rest.executions(ENGAGELAB)).length;
		// EngageLab's retry: the same rows, signed again.
		const delivery = await postEngageLabCallback(engageLabUrl, body, signing);
		expect(delivery.delivered).toBe(true);
		const [latest] = await rest.waitForEnded(ENGAGELAB, before + 1);
		const run = await rest.run(latest.id);
		expect(nodeItems(run, 'EngageLab Trigger').map((item) => item.json.dedupeKey)).toEqual(
			firstKeys,
		);
		expect(nodeItems(run, 'Skip repeated callbacks')).toEqual([]);
		expect(run.resultData.runData['Update CRM row']).toBeUndefined();
	}, 120_000);

	it.each([
		['forged (signed with another secret)', { ...signing, forgeWith: 'a-guessed-secret' }],
		['stale (signed 10 minutes ago)', { ...signing, atMs: Date.now() - 600_000 }],
		['unsigned', undefined],
	])(
		'answers 401 to a %s callback on every retry, and starts no execution',
		async (_kind, forged) => {
			const before = (await rest.executions(ENGAGELAB)).length;
			const delivery = await postEngageLabCallback(engageLabUrl, body, forged, {
				retryDelaysMs: FAST_RETRIES,
			});
			expect(delivery.delivered).toBe(false);
			expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([
				401, 401, 401, 401, 401, 401,
			]);
			// A good callback afterwards is the only new execution.
			await postEngageLabCallback(
				engageLabUrl,
				engageLabCallbackBody([{ message_id: 'm-after', to: 'rid-x', message_status: 'click' }]),
				signing,
			);
			const after = await rest.waitForEnded(ENGAGELAB, before + 1);
			expect(after).toHaveLength(before + 1);
			const run = await rest.run(after[0].id);
			expect(nodeItems(run, 'EngageLab Trigger').map((item) => item.json.messageId)).toEqual([
				'm-after',
			]);
		},
		120_000,
	);
});

describe('Triggers whose credential holds an empty or blank secret', () => {
	it('refuse a callback signed with the empty key, and the URL check, with 401 and no execution', async () => {
		const url = `${server.url}/webhook/${EMPTY_ENGAGELAB.webhookId}/webhook`;
		const signedWithEmpty = await postEngageLabCallback(
			url,
			engageLabCallbackBody([{ message_id: 'm', to: 'rid', message_status: 'delivered' }]),
			{ secret: '', username: 'anyone' },
			{ retryDelaysMs: [] },
		);
		expect(signedWithEmpty.attempts.map((attempt) => attempt.status)).toEqual([401]);
		expect((await engageLabHandshake(url, 'echo')).status).toBe(401);
		const sber = await postSberStatus(
			`${server.url}/webhook/${BLANK_SBER.webhookId}/status?secret=${encodeURIComponent('   ')}`,
			sberStatusBody({ messageId: 1 }),
		);
		expect(sber.status).toBe(401);
		expect(await rest.executions(EMPTY_ENGAGELAB.id)).toEqual([]);
		expect(await rest.executions(BLANK_SBER.id)).toEqual([]);
	});

	it("fail the credential test (the node's testedBy), while the sandbox secrets pass it", async () => {
		for (const credential of EMPTY_SECRETS)
			expect(await rest.testCredential(credential)).toMatchObject({ status: 'Error' });
		expect(await rest.testCredential(SANDBOX_ENGAGELAB_CREDENTIAL)).toMatchObject({ status: 'OK' });
	});
});

describe('Sber SmartPush Trigger in a running n8n', () => {
	it("the example's send gave Sber the trigger's URL with its secret as callbackUrl", () => {
		expect(sberSendOk).toBe(true);
		expect(sberCallbackUrl.pathname).toBe(
			`/webhook/${webhookIdOf('sber-send-with-statuses.json', 'n8n-nodes-push-gateways.sberSmartPushTrigger')}/status`,
		);
		expect(sberCallbackUrl.searchParams.get('secret')).toBe(SANDBOX_CALLBACK.sberUrlSecret);
	});

	it('the example holds no secret: the send builds the URL from the callback credential', () => {
		const example = readFileSync(join(EXAMPLES_DIR, 'sber-send-with-statuses.json'), 'utf8');
		expect(example).not.toContain(SANDBOX_CALLBACK.sberUrlSecret);
		expect(example).not.toContain('"callbackUrl"');
	});

	// The example points at npm start's port; the test server's port is its own.
	const urlWith = (secret?: string) => {
		const url = new URL(sberCallbackUrl.pathname, server.url);
		if (secret !== undefined) url.searchParams.set('secret', secret);
		return url.toString();
	};

	it('starts an execution with one item per device status when the URL carries the secret', async () => {
		const before = (await rest.executions(SBER)).length;
		const answer = await postSberStatus(
			urlWith(SANDBOX_CALLBACK.sberUrlSecret),
			sberStatusBody({
				messageId: 4242,
				devices: [
					{ deviceId: 'box-1', code: 0, description: 'Success' },
					{ deviceId: 'box-2', code: 3, description: 'Device unavailable' },
				],
			}),
		);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ received: 2 });
		const latest = (await rest.waitForEnded(SBER, before + 1)).find(
			(execution) => execution.mode === 'webhook',
		);
		expect(latest?.status).toBe('success');
		const run = await rest.run(String(latest?.id));
		expect(nodeItems(run, 'Record statuses').map((item) => item.json)).toEqual([
			expect.objectContaining({ messageId: '4242', deviceId: 'box-1', status: 'sent' }),
			expect.objectContaining({ deviceId: 'box-2', status: 'failed', sberCode: 3 }),
		]);
	}, 120_000);

	it.each([
		['a wrong secret', 'not-the-secret'],
		['no secret', undefined],
	])(
		'answers 401 to %s and starts no execution',
		async (_kind, secret) => {
			const before = (await rest.executions(SBER)).length;
			const answer = await postSberStatus(urlWith(secret), sberStatusBody({ messageId: 1 }));
			expect(answer.status).toBe(401);
			await postSberStatus(
				urlWith(SANDBOX_CALLBACK.sberUrlSecret),
				sberStatusBody({ messageId: 2 }),
			);
			expect(await rest.waitForEnded(SBER, before + 1)).toHaveLength(before + 1);
		},
		120_000,
	);
});
