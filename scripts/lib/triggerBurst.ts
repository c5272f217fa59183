/**
 * The trigger burst of docs/performance.md: 50 simultaneous signed EngageLab callbacks to the
 * EngageLab Trigger, side by side with 50 simultaneous calls to n8n's own Webhook node with a Header
 * Auth credential (and without auth), interleaved round by round in one n8n so every variant meets
 * the same machine load. Each workflow is the start node and a No Operation node.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { callbackIdHeader, engageLabCallbackBody } from '../../dev/sandbox/callbacks';
import { activateWorkflow, runCli } from '../../dev/n8n/cli';
import { SANDBOX_CALLBACK, type LocalN8n } from '../../dev/n8n/localN8n';
import { n8nRest, waitForWebhook, type N8nRest } from '../../dev/n8n/n8nRest';
import { freePort, startN8nServer } from '../../dev/n8n/n8nServer';

export const BURST_SIZE = 50;

const HEADER = { name: 'X-Bench-Token', value: 'bench-header-token-0123456789' };

const HEADER_AUTH = {
	id: 'burstHeaderAuth',
	name: 'Burst Header Auth',
	type: 'httpHeaderAuth',
	data: HEADER,
};

interface Variant {
	id: string;
	label: string;
	path: string;
	node: Record<string, unknown>;
	/** The headers and body of one call (a fresh signature each time for the trigger). */
	request(): { headers: Record<string, string>; body: unknown };
}

const rowsBody = engageLabCallbackBody([
	{ message_id: '1500012345', to: 'rid-anna', message_status: 'delivered' },
	{ message_id: '1500012345', to: 'rid-boris', message_status: 'click' },
]);

function signedRequest(): { headers: Record<string, string>; body: unknown } {
	const header = callbackIdHeader({
		secret: SANDBOX_CALLBACK.engageLabSecret,
		username: SANDBOX_CALLBACK.engageLabUsername,
	});
	return { headers: { 'X-CALLBACK-ID': header }, body: rowsBody };
}

/** The EngageLab Trigger at `typeVersion`, on its own webhook id. */
function engageLabVariant(
	id: string,
	label: string,
	typeVersion: number,
	webhookId: string,
): Variant {
	return {
		id,
		label,
		path: `${webhookId}/webhook`,
		node: {
			name: 'Start',
			type: 'n8n-nodes-push-gateways.engageLabTrigger',
			typeVersion,
			webhookId,
			credentials: {
				engageLabCallbackApi: {
					id: 'sandboxEngageLabCallback',
					name: 'EngageLab Callback (sandbox)',
				},
			},
			parameters: { verifySignature: true, windowSeconds: 300, events: [] },
		},
		request: () => signedRequest(),
	};
}

export const VARIANTS: Variant[] = [
	engageLabVariant(
		'burstEngageLab',
		'EngageLab Trigger (signed)',
		2,
		'b0e1a5f0-0000-4000-8000-000000000001',
	),
	// A workflow saved before version 2: n8n evaluates an old Webhook option's expression per call.
	engageLabVariant(
		'burstEngageLabV1',
		'EngageLab Trigger version 1 (signed)',
		1,
		'b0e1a5f0-0000-4000-8000-000000000004',
	),
	{
		id: 'burstWebhookHeaderAuth',
		label: "n8n's Webhook node, Header Auth",
		path: 'burst-header-auth',
		node: {
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'b0e1a5f0-0000-4000-8000-000000000002',
			credentials: { httpHeaderAuth: { id: HEADER_AUTH.id, name: HEADER_AUTH.name } },
			parameters: {
				httpMethod: 'POST',
				path: 'burst-header-auth',
				authentication: 'headerAuth',
				options: {},
			},
		},
		request: () => ({ headers: { [HEADER.name]: HEADER.value }, body: rowsBody }),
	},
	{
		id: 'burstWebhookOpen',
		label: "n8n's Webhook node, no auth",
		path: 'burst-open',
		node: {
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'b0e1a5f0-0000-4000-8000-000000000003',
			parameters: { httpMethod: 'POST', path: 'burst-open', options: {} },
		},
		request: () => ({ headers: {}, body: rowsBody }),
	},
];

function workflow(variant: Variant): Record<string, unknown> {
	return {
		id: variant.id,
		name: `burst ${variant.label}`,
		active: false,
		nodes: [
			{ id: `${variant.id}-s`, position: [0, 0], ...variant.node },
			{
				id: `${variant.id}-n`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { Start: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export interface BurstRound {
	variant: string;
	round: number;
	statuses: Record<number, number>;
	medianMs: number;
	maxMs: number;
	/** CPU time the n8n process spent from the burst's start until its executions ended. */
	cpuSeconds: number;
}

/** User + system CPU time of a process so far, in seconds (Linux /proc). */
function cpuSecondsOf(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** All calls of one burst at once; each call's time from its send to the end of its answer. */
async function burst(
	url: string,
	variant: Variant,
): Promise<Omit<BurstRound, 'variant' | 'round' | 'cpuSeconds'>> {
	const calls = Array.from({ length: BURST_SIZE }, () => variant.request());
	const times = await Promise.all(
		calls.map(async ({ headers, body }) => {
			const started = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body),
			});
			await response.arrayBuffer();
			return { status: response.status, ms: performance.now() - started };
		}),
	);
	const statuses: Record<number, number> = {};
	for (const { status } of times) statuses[status] = (statuses[status] ?? 0) + 1;
	const sorted = times.map((time) => time.ms).sort((a, b) => a - b);
	return {
		statuses,
		medianMs: (sorted[BURST_SIZE / 2 - 1] + sorted[BURST_SIZE / 2]) / 2,
		maxMs: sorted[sorted.length - 1],
	};
}

/** Waits until every execution the bursts so far started has ended, so each round starts on a quiet n8n. */
async function settle(rest: N8nRest, started: Map<string, number>): Promise<void> {
	for (const [workflowId, count] of started) await rest.waitForEnded(workflowId, count);
}

export interface BurstOptions {
	rounds: number;
	/** Only these variants (ids), e.g. one per process to read a CPU profile; default all. */
	variants?: string[];
	/** Extra env for the n8n process (e.g. NODE_OPTIONS=--cpu-prof). */
	env?: Record<string, string>;
}

/** Imports and publishes the burst workflows, starts n8n, and runs the variants in turn, `rounds` times. */
export async function runTriggerBurst(
	local: LocalN8n,
	options: BurstOptions,
): Promise<BurstRound[]> {
	const workflows = join(local.userFolder, 'burst-workflows.json');
	writeFileSync(workflows, JSON.stringify(VARIANTS.map(workflow)));
	const credentials = join(local.userFolder, 'burst-credentials.json');
	writeFileSync(credentials, JSON.stringify([HEADER_AUTH]));
	for (const [command, input] of [
		['import:credentials', credentials],
		['import:workflow', workflows],
	]) {
		const imported = await runCli(local.n8n, [command, `--input=${input}`], local.env);
		if (imported.code !== 0) throw new Error(imported.stderr);
	}
	for (const variant of VARIANTS) {
		const published = await activateWorkflow(local.n8n, variant.id, local.env);
		if (published.code !== 0) throw new Error(`publish ${variant.id}: ${published.stderr}`);
	}
	const server = await startN8nServer(
		{ ...local, env: { ...local.env, ...options.env } },
		await freePort(),
		'ignore',
	);
	const results: BurstRound[] = [];
	const chosen = VARIANTS.filter(
		(variant) => !options.variants?.length || options.variants.includes(variant.id),
	);
	try {
		const rest = await n8nRest(server.url, local.n8n);
		// A call each variant refuses or answers without a run: wait until n8n serves the path.
		const started = new Map<string, number>();
		for (const variant of VARIANTS) {
			// An unsigned call the triggers refuse (401), as does the Header Auth variant (403); the
			// open one starts a run.
			await waitForWebhook(`${server.url}/webhook/${variant.path}`, {});
			started.set(variant.id, variant.id === 'burstWebhookOpen' ? 1 : 0);
		}
		// One warm-up burst each, not counted: n8n loads node types and credentials on first use.
		for (let round = 0; round <= options.rounds; round++) {
			for (const variant of chosen) {
				await settle(rest, started);
				const cpuBefore = cpuSecondsOf(server.pid);
				const answer = await burst(`${server.url}/webhook/${variant.path}`, variant);
				const ok = answer.statuses[200] ?? 0;
				started.set(variant.id, (started.get(variant.id) ?? 0) + ok);
				await settle(rest, started);
				const cpuSeconds = cpuSecondsOf(server.pid) - cpuBefore;
				if (round > 0) results.push({ variant: variant.label, round, ...answer, cpuSeconds });
				process.stderr.write(
					`round ${round} ${variant.label}: median ${answer.medianMs.toFixed(0)} ms, slowest ${answer.maxMs.toFixed(0)} ms, n8n CPU ${cpuSeconds.toFixed(2)} s, ${JSON.stringify(answer.statuses)}\n`,
				);
			}
		}
		await settle(rest, started);
	} finally {
		await server.stop();
	}
	return results;
}

/** The markdown table of docs/performance.md: per variant, every round's median and slowest. */
export function burstTable(results: BurstRound[]): string {
	const rows = VARIANTS.map((variant) => {
		const mine = results.filter((result) => result.variant === variant.label);
		const medians = mine.map((result) => (result.medianMs / 1000).toFixed(2)).join(' / ');
		const slowest = mine.map((result) => (result.maxMs / 1000).toFixed(2)).join(' / ');
		const cpu = mine.map((result) => result.cpuSeconds.toFixed(2)).join(' / ');
		const statuses: Record<string, number> = {};
		for (const result of mine)
			for (const [status, count] of Object.entries(result.statuses))
				statuses[status] = (statuses[status] ?? 0) + count;
		const answered = Object.entries(statuses)
			.map(([status, count]) => `${count}× ${status}`)
			.join(', ');
		return `| ${variant.label} | ${medians} | ${slowest} | ${cpu} | ${answered} |`;
	});
	return [
		`| ${BURST_SIZE} simultaneous calls | Median answer per round (s) | Slowest answer per round (s) | n8n CPU per burst (s) | Answers |`,
		'|---|---|---|---|---|',
		...rows,
	].join('\n');
}
