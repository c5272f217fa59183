import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { QueueN8n } from './queueN8n';

export const RUSTORE_CREDENTIAL = (sandbox: Sandbox): IDataObject => ({
	id: 'queueRuStore',
	name: 'RuStore (sandbox)',
	type: 'ruStorePushApi',
	data: {
		projectId: 'sandbox-project',
		serviceToken: 'sandbox-service-token',
		sendBaseUrl: sandbox.baseUrls.rustoreSend,
		topicsBaseUrl: sandbox.baseUrls.rustoreTopics,
	},
});

export interface CampaignWorkflow {
	id: string;
	/** The webhook path that starts it. */
	path: string;
	requestsPerSecond: number;
	/** One item per token and Message → Send (the per-item set-up) instead of one Send to Many item. */
	perItem?: boolean;
}

/**
 * Webhook (answers at once) → Code (the audience from the request: `count` tokens named
 * `<prefix>-<n>`) → RuStore. Started by a POST, so in queue mode the main process enqueues it and a
 * worker runs it.
 */
export function campaignWorkflow(campaign: CampaignWorkflow): IDataObject {
	const code = campaign.perItem
		? 'const { prefix, count } = $json.body; return Array.from({ length: count }, (_, n) => ({ json: { token: prefix + "-" + n } }));'
		: 'const { prefix, count } = $json.body; return [{ json: { tokens: Array.from({ length: count }, (_, n) => prefix + "-" + n) } }];';
	const push = campaign.perItem
		? { resource: 'message', operation: 'send', recipient: '={{ $json.token }}' }
		: { resource: 'message', operation: 'sendMany', recipients: '={{ $json.tokens }}' };
	return {
		id: campaign.id,
		name: `queue ${campaign.id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${campaign.id}-w`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${campaign.id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: campaign.path,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: `${campaign.id}-c`,
				name: 'Audience',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: code },
			},
			{
				id: `${campaign.id}-p`,
				name: 'Push',
				type: 'n8n-nodes-push-gateways.ruStorePush',
				typeVersion: 1,
				position: [400, 0],
				credentials: { ruStorePushApi: { id: 'queueRuStore', name: 'RuStore (sandbox)' } },
				parameters: {
					...push,
					notification: { title: 'Campaign', body: 'Hello from the queue' },
					delivery: { requestsPerSecond: campaign.requestsPerSecond, results: 'summary' },
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Audience', type: 'main', index: 0 }]] },
			Audience: { main: [[{ node: 'Push', type: 'main', index: 0 }]] },
		},
	};
}

/** Starts a campaign: POST to its webhook, which n8n answers as soon as the execution is queued. */
export async function startCampaign(
	cluster: QueueN8n,
	path: string,
	prefix: string,
	count: number,
): Promise<void> {
	const answer = await fetch(`${cluster.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ prefix, count }),
	});
	if (!answer.ok)
		throw new Error(`Webhook ${path} answered ${answer.status}: ${await answer.text()}`);
}

export interface Tally {
	tokens: number;
	delivered: number;
	/** Tokens of the audience the provider never took. */
	lost: number;
	/** Pushes the provider took more than once for one token. */
	duplicates: number;
	requests: number;
	/** Requests the provider refused (429). */
	refusals: number;
	/** From the first request at the provider to the last delivery. */
	seconds: number;
	/** Delivered per second over that time, as a share of the cap. */
	shareOfCap: number;
	/**
	 * The same while every campaign was still sending (until the first one's last delivery): what the
	 * campaigns took together, without the tail where one sends alone and its rate regrows.
	 */
	togetherShareOfCap: number;
	/** Seconds from the first request to each campaign's last delivery. */
	finishedAfter: Record<string, number>;
}

/** What the provider saw of campaigns `audiences` (prefix → token count). */
export function tally(sandbox: Sandbox, audiences: Record<string, number>, cap: number): Tally {
	const counts = new Map<string, number>();
	for (const delivery of sandbox.deliveries)
		counts.set(delivery.target, (counts.get(delivery.target) ?? 0) + 1);
	let tokens = 0;
	let lost = 0;
	for (const [prefix, count] of Object.entries(audiences)) {
		tokens += count;
		for (let n = 0; n < count; n++) if (!counts.has(`${prefix}-${n}`)) lost++;
	}
	const duplicates = [...counts.values()].reduce((sum, times) => sum + Math.max(0, times - 1), 0);
	const requests = sandbox.requests.filter((request) => request.path.includes('messages:send'));
	const first = Math.min(...requests.map((request) => request.receivedAt));
	const last = Math.max(...sandbox.deliveries.map((delivery) => delivery.acceptedAt));
	const seconds = (last - first) / 1000;
	const finishedAt = Object.keys(audiences).map((prefix) =>
		Math.max(
			...sandbox.deliveries
				.filter((delivery) => delivery.target.startsWith(`${prefix}-`))
				.map((delivery) => delivery.acceptedAt),
		),
	);
	const together = Math.min(...finishedAt);
	const deliveredTogether = sandbox.deliveries.filter((d) => d.acceptedAt <= together).length;
	return {
		tokens,
		delivered: sandbox.deliveries.length,
		lost,
		duplicates,
		requests: requests.length,
		refusals: requests.filter((request) => request.status === 429).length,
		seconds,
		shareOfCap: sandbox.deliveries.length / seconds / cap,
		togetherShareOfCap: deliveredTogether / ((together - first) / 1000) / cap,
		finishedAfter: Object.fromEntries(
			Object.keys(audiences).map((prefix, index) => [prefix, (finishedAt[index] - first) / 1000]),
		),
	};
}

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the provider has seen no request for `quietMs` after at least one, or the deadline. */
export async function waitUntilQuiet(sandbox: Sandbox, quietMs: number, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const last = sandbox.requests.at(-1)?.receivedAt;
		if (last !== undefined && Date.now() - last > quietMs) return;
		if (Date.now() > deadline) throw new Error('The campaigns did not finish in time');
		await delay(250);
	}
}

/** Waits until n8n has recorded `count` executions, none of them still new or running. */
export async function waitForExecutions(cluster: QueueN8n, count: number, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = cluster.executions();
		if (
			executions.length >= count &&
			executions.every((execution) => !['new', 'running', 'waiting'].includes(execution.status))
		)
			return executions;
		if (Date.now() > deadline)
			throw new Error(`Executions not finished in time: ${JSON.stringify(executions)}`);
		await delay(500);
	}
}
