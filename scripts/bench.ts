/**
 * npm run bench: campaigns through a real n8n process against the provider sandbox, our node next to
 * n8n's HTTP Request node as users set it up. Prints a table and writes bench-results.json.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, IRun } from 'n8n-workflow';

import { parseRun, runCli } from '../dev/n8n/cli';
import { REPO_ROOT } from '../dev/n8n/n8nInstall';
import { startSandbox, type Sandbox } from '../dev/sandbox';
import { prepareLocalN8n, type LocalN8n } from '../dev/n8n/localN8n';
import { burstTable, runTriggerBurst } from './lib/triggerBurst';

const PUSH = 'Push';
const AUDIENCE = 'Audience';
const CAP = { rustore: 300, engagelab: 500 };
const HEAP_400 = '--max-old-space-size=400';

interface Scenario {
	id: string;
	label: string;
	items: number;
	/** Sandbox settings for the run. */
	latencyMs: number;
	rustoreCap?: number;
	engageLabCap?: number;
	node: IDataObject;
	/** All recipients in one input item (Send to Many) instead of one item each. */
	oneItem?: boolean;
	/** The ideal wall time's rate, when capped. */
	cap?: number;
	/** Node.js flags for the n8n process (a capped heap shows what a run needs, not what V8 lets it keep). */
	nodeArgs?: string[];
	/** Environment for the n8n process, on top of the set-up's (a diagnostic: which part of the time is n8n's). */
	env?: Record<string, string>;
	/** One item per token, gathered into one list by an Aggregate node before the push node (counted in the wall time). */
	aggregate?: boolean;
}

interface Result {
	scenario: string;
	items: number;
	wallSeconds: number | null;
	idealSeconds: number | null;
	ratio: number | null;
	itemsPerSecond: number | null;
	/** From the first request the sandbox saw to the last: the part of the wall time spent sending. */
	sendSeconds: number | null;
	delivered: number;
	requests: number;
	rejections: number;
	unhandled: number;
	duplicates: number;
	peakRssMb: number;
	outcome: string;
}

function ruStoreNode(requestsPerSecond: number): IDataObject {
	return {
		name: PUSH,
		type: 'n8n-nodes-push-gateways.ruStorePush',
		typeVersion: 1,
		credentials: { ruStorePushApi: { id: 'sandboxRuStore', name: 'RuStore (sandbox)' } },
		parameters: {
			resource: 'message',
			operation: 'send',
			recipient: '={{ $json.token }}',
			notification: { title: 'Campaign', body: '={{ "Hello " + $json.n }}' },
			delivery: { requestsPerSecond },
		},
	};
}

/** One item carrying the whole audience: Message → Send to Many, the campaign set-up. */
function ruStoreSendManyNode(
	requestsPerSecond: number,
	results: 'each' | 'summary' = 'each',
): IDataObject {
	return {
		...ruStoreNode(requestsPerSecond),
		parameters: {
			resource: 'message',
			operation: 'sendMany',
			recipients: '={{ $json.tokens }}',
			notification: { title: 'Campaign', body: 'Hello from the bench' },
			delivery: { requestsPerSecond, results },
		},
	};
}

function engageLabNode(registrationIds: string): IDataObject {
	return {
		name: PUSH,
		type: 'n8n-nodes-push-gateways.engageLab',
		typeVersion: 2,
		credentials: { engageLabApi: { id: 'sandboxEngageLab', name: 'EngageLab App Push (sandbox)' } },
		parameters: {
			resource: 'push',
			operation: 'send',
			audience: 'targets',
			to: { registrationIds },
			alert: 'Hello from the bench',
		},
	};
}

/** The HTTP Request node as a user builds an EngageLab push by hand (Basic auth in a header). */
function httpEngageLabNode(
	sandbox: Sandbox,
	batching?: { batchSize: number; batchInterval: number },
): IDataObject {
	const basic = Buffer.from('app-key-1:master-secret-1').toString('base64');
	return {
		name: PUSH,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandbox.baseUrls.engagelabApp}/v4/push`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Basic ${basic}` }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ to: { registration_id: [$json.token] }, body: { platform: "all", notification: { alert: "Hello from the bench" } } }) }}',
			options: batching ? { batching: { batch: batching } } : {},
		},
	};
}

/** A Header Auth credential holding the RuStore token, for the HTTP Request node set up as n8n advises. */
const HEADER_AUTH_CREDENTIAL = {
	id: 'benchHeaderAuth',
	name: 'RuStore token (Header Auth)',
	type: 'httpHeaderAuth',
	data: { name: 'Authorization', value: 'Bearer sandbox-service-token' },
};

/** The HTTP Request node as a user builds a RuStore send by hand: the token in a fixed header, or in a credential. */
function httpRequestNode(
	sandbox: Sandbox,
	batching?: { batchSize: number; batchInterval: number },
	auth: 'header' | 'credential' = 'header',
): IDataObject {
	const authentication =
		auth === 'credential'
			? { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' }
			: {
					sendHeaders: true,
					headerParameters: {
						parameters: [{ name: 'Authorization', value: 'Bearer sandbox-service-token' }],
					},
				};
	return {
		name: PUSH,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		...(auth === 'credential'
			? {
					credentials: {
						httpHeaderAuth: { id: HEADER_AUTH_CREDENTIAL.id, name: HEADER_AUTH_CREDENTIAL.name },
					},
				}
			: {}),
		parameters: {
			method: 'POST',
			url: `${sandbox.baseUrls.rustoreSend}/v1/projects/sandbox-project/messages:send`,
			...authentication,
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ message: { token: $json.token, notification: { title: "Campaign", body: "Hello " + $json.n } } }) }}',
			options: batching ? { batching: { batch: batching } } : {},
		},
	};
}

/** n8n's Aggregate node gathering every item's `token` into one `tokens` list, as a user prepares Send to Many. */
function aggregateNode(scenarioId: string): IDataObject {
	return {
		id: `${scenarioId}-a`,
		name: AUDIENCE,
		type: 'n8n-nodes-base.aggregate',
		typeVersion: 1,
		position: [400, 0],
		parameters: {
			fieldsToAggregate: {
				fieldToAggregate: [
					{ fieldToAggregate: 'token', renameField: true, outputFieldName: 'tokens' },
				],
			},
			options: {},
		},
	};
}

function benchWorkflow(scenario: Scenario): IDataObject {
	// The nodes in order, each feeding the next.
	const chain = ['Start', 'Recipients', ...(scenario.aggregate ? [AUDIENCE] : []), PUSH];
	const code = scenario.oneItem
		? `const tokens = Array.from({ length: ${scenario.items} }, (_, n) => 'device-' + n); return [{ json: { tokens, ids: tokens } }];`
		: `return Array.from({ length: ${scenario.items} }, (_, n) => ({ json: { n, token: 'device-' + n } }));`;
	return {
		id: scenario.id,
		name: `bench ${scenario.label}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${scenario.id}-t`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${scenario.id}-c`,
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: code },
			},
			...(scenario.aggregate ? [aggregateNode(scenario.id)] : []),
			{ id: `${scenario.id}-p`, position: [600, 0], ...scenario.node },
		],
		connections: Object.fromEntries(
			chain
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] },
				]),
		),
	};
}

/**
 * Runs `n8n execute` and samples the process's peak resident memory (VmHWM) until it exits. Its
 * output goes to a file, not a pipe: n8n exits as soon as it has written, and a pipe would lose the
 * tail of a 50,000-item run.
 */
async function executeMeasured(
	local: LocalN8n,
	workflowId: string,
	nodeArgs: string[] = [],
	env: Record<string, string> = {},
) {
	const outputFile = join(local.userFolder, `bench-output-${workflowId}.json`);
	const fd = openSync(outputFile, 'w');
	const child = spawn(
		local.n8n.node,
		[...nodeArgs, local.n8n.bin, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{ env: { ...local.env, ...env }, stdio: ['ignore', fd, 'pipe'] },
	);
	child.stderr?.resume();
	let peakKb = 0;
	const sample = setInterval(() => {
		try {
			const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
			if (match) peakKb = Math.max(peakKb, Number(match[1]));
		} catch {
			// the process has exited
		}
	}, 100);
	const code = await new Promise<number>((resolve) =>
		child.on('close', (exit) => resolve(exit ?? -1)),
	);
	clearInterval(sample);
	closeSync(fd);
	const stdout = readFileSync(outputFile, 'utf8');
	if (process.env.BENCH_DUMP) writeFileSync(`${process.env.BENCH_DUMP}-${workflowId}.txt`, stdout);
	rmSync(outputFile, { force: true });
	return { code, run: parseRun(stdout) as IRun | undefined, peakRssMb: Math.round(peakKb / 1024) };
}

async function runScenario(local: LocalN8n, sandbox: Sandbox, scenario: Scenario): Promise<Result> {
	sandbox.reset();
	sandbox.configure({
		latencyMs: scenario.latencyMs,
		rustore: { ratePerSecond: scenario.rustoreCap },
		engagelab: { ratePerSecond: scenario.engageLabCap },
	});
	const { code, run, peakRssMb } = await executeMeasured(
		local,
		scenario.id,
		scenario.nodeArgs,
		scenario.env,
	);
	const task = run?.data.resultData.runData[PUSH]?.[0];
	const gathered = scenario.aggregate ? run?.data.resultData.runData[AUDIENCE]?.[0] : undefined;
	const wallSeconds = task ? (task.executionTime + (gathered?.executionTime ?? 0)) / 1000 : null;
	const outputs = (task?.data?.main?.[0] ?? []).map((item) => item.json);
	const ourStatuses = outputs.filter(
		(json) => typeof json.status === 'string' && json.status !== 'sent',
	).length;
	const error = run?.data.resultData.error;
	const delivered = sandbox.deliveries.length;
	const arrivals = sandbox.requests.map((request) => request.receivedAt);
	// Requests the node made (the list scenario: how many pushes 10,000 ids took).
	const requestCount = sandbox.requests.length;
	const sendSeconds =
		arrivals.length > 1
			? (arrivals.reduce((a, b) => Math.max(a, b)) - arrivals.reduce((a, b) => Math.min(a, b))) /
				1000
			: null;
	const idealSeconds = scenario.cap ? scenario.items / scenario.cap : null;
	return {
		scenario: scenario.label,
		items: scenario.items,
		wallSeconds,
		idealSeconds,
		ratio: wallSeconds && idealSeconds ? wallSeconds / idealSeconds : null,
		itemsPerSecond: wallSeconds ? Math.round(scenario.items / wallSeconds) : null,
		sendSeconds,
		delivered,
		requests: requestCount,
		rejections: sandbox.requests.filter((request) => (request.status ?? 0) >= 400).length,
		// Pushes neither delivered nor reported with a status by the node.
		unhandled: error ? scenario.items - delivered : ourStatuses,
		duplicates: sandbox.duplicates().length,
		peakRssMb,
		outcome:
			code === 0 && !error
				? 'ok'
				: `failed: ${String(error?.message ?? 'exit ' + code).slice(0, 60)}`,
	};
}

const fmt = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

function table(results: Result[]): string {
	const header =
		'| Scenario | Items | Node wall (s) | Ideal N/cap (s) | Ratio | Items/s | Sending (s) | Requests | Delivered | Provider rejections | Unhandled | Duplicates | Peak RSS (MB) | Outcome |';
	const rule = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
	const rows = results.map(
		(r) =>
			`| ${r.scenario} | ${r.items} | ${fmt(r.wallSeconds)} | ${fmt(r.idealSeconds)} | ${fmt(r.ratio, 3)} | ${r.itemsPerSecond ?? '—'} | ${fmt(r.sendSeconds)} | ${r.requests} | ${r.delivered} | ${r.rejections} | ${r.unhandled} | ${r.duplicates} | ${r.peakRssMb} | ${r.outcome} |`,
	);
	return [header, rule, ...rows].join('\n');
}

/** The trigger burst (scripts/lib/triggerBurst.ts); `--cpu-prof` writes the n8n process's CPU profile. */
async function triggerBurst(sandbox: Sandbox, cpuProfile: boolean): Promise<void> {
	const local = await prepareLocalN8n('bench-burst', sandbox);
	const profileDir = join(local.userFolder, 'cpu-profiles');
	const results = await runTriggerBurst(local, {
		rounds: Number(process.env.BURST_ROUNDS ?? 5),
		variants: process.env.BURST_VARIANTS?.split(',').filter(Boolean),
		env: cpuProfile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {},
	});
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, n8n 2.41.1 on Node 24`;
	console.log(
		`${burstTable(results)}\n\nMachine: ${machine}. Command: npm run bench -- trigger-burst.`,
	);
	if (cpuProfile) console.log(`CPU profiles of the n8n process: ${profileDir}`);
	writeFileSync(
		join(REPO_ROOT, 'bench-burst-results.json'),
		JSON.stringify({ machine, results }, null, 2),
	);
}

async function main() {
	const args = process.argv.slice(2);
	const only = args.filter((arg) => !arg.startsWith('--'));
	const sandbox = await startSandbox();
	const scenarios: Scenario[] = [
		{
			id: 'bRsNode10k',
			label: 'RuStore node, cap 300/s',
			items: 10_000,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreNode(CAP.rustore),
		},
		// The same run with n8n's older, unisolated expression engine (deprecated; not advice): how much of
		// the per-item time is the isolated engine's, which resolves each expression three times per item.
		{
			id: 'bRsNodeLegacyExpr10k',
			label: "RuStore node, cap 300/s, n8n's legacy expression engine (diagnostic)",
			items: 10_000,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreNode(CAP.rustore),
			env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		},
		{
			id: 'bRsMany10k',
			label: 'RuStore node, Send to Many (1 item), cap 300/s',
			items: 10_000,
			oneItem: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore),
		},
		{
			id: 'bRsAggSum10k',
			label: 'RuStore node, 10,000 items → Aggregate → Send to Many, summary results, cap 300/s',
			items: 10_000,
			aggregate: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore, 'summary'),
		},
		{
			id: 'bRsManySum10k',
			label: 'RuStore node, Send to Many, summary results, cap 300/s',
			items: 10_000,
			oneItem: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore, 'summary'),
		},
		{
			id: 'bHttpDefault10k',
			label: 'HTTP Request, defaults, cap 300/s',
			items: 10_000,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: httpRequestNode(sandbox),
		},
		{
			id: 'bHttpBatched10k',
			label: 'HTTP Request, batching 300/1 s, cap 300/s',
			items: 10_000,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: httpRequestNode(sandbox, { batchSize: CAP.rustore, batchInterval: 1000 }),
		},
		{
			id: 'bElNode10k',
			label: 'EngageLab node, cap 500/s',
			items: 10_000,
			latencyMs: 20,
			engageLabCap: CAP.engagelab,
			cap: CAP.engagelab,
			node: engageLabNode('={{ $json.token }}'),
		},
		{
			id: 'bElList10k',
			label: 'EngageLab node, one list of 10,000 ids, cap 500/s',
			items: 10_000,
			oneItem: true,
			latencyMs: 20,
			engageLabCap: CAP.engagelab,
			node: engageLabNode('={{ $json.ids }}'),
		},
		{
			id: 'bElAgg10k',
			label: 'EngageLab node, 10,000 items → Aggregate → one push per 1,000 ids, cap 500/s',
			items: 10_000,
			aggregate: true,
			latencyMs: 20,
			engageLabCap: CAP.engagelab,
			node: engageLabNode('={{ $json.tokens }}'),
		},
		{
			id: 'bHttpElDefault10k',
			label: 'HTTP Request → EngageLab, defaults, cap 500/s',
			items: 10_000,
			latencyMs: 20,
			engageLabCap: CAP.engagelab,
			cap: CAP.engagelab,
			node: httpEngageLabNode(sandbox),
		},
		{
			id: 'bHttpElBatched10k',
			label: 'HTTP Request → EngageLab, batching 500/1 s, cap 500/s',
			items: 10_000,
			latencyMs: 20,
			engageLabCap: CAP.engagelab,
			cap: CAP.engagelab,
			node: httpEngageLabNode(sandbox, { batchSize: CAP.engagelab, batchInterval: 1000 }),
		},
		{
			id: 'bRsNodeFree',
			label: 'RuStore node, no latency, no cap',
			items: 10_000,
			latencyMs: 0,
			node: ruStoreNode(1_000_000),
		},
		{
			id: 'bHttpFree',
			label: 'HTTP Request, no latency, no cap',
			items: 10_000,
			latencyMs: 0,
			node: httpRequestNode(sandbox),
		},
		{
			id: 'bHttpCredFree',
			label: 'HTTP Request, Header Auth credential, no latency, no cap',
			items: 10_000,
			latencyMs: 0,
			node: httpRequestNode(sandbox, undefined, 'credential'),
		},
		{
			id: 'bRsManyFree',
			label: 'RuStore node, Send to Many (1 item), no latency, no cap',
			items: 10_000,
			oneItem: true,
			latencyMs: 0,
			node: ruStoreSendManyNode(1_000_000),
		},
		{
			id: 'bHttpFree50k',
			label: 'HTTP Request, no latency, no cap, 50k',
			items: 50_000,
			latencyMs: 0,
			node: httpRequestNode(sandbox),
		},
		{
			id: 'bRsNode50k',
			label: 'RuStore node, cap 300/s, 50k',
			items: 50_000,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreNode(CAP.rustore),
		},
		{
			id: 'bRsMany50k',
			label: 'RuStore node, Send to Many (1 item), cap 300/s, 50k',
			items: 50_000,
			oneItem: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore),
		},
		{
			id: 'bRsManySum50k',
			label: 'RuStore node, Send to Many, summary results, cap 300/s, 50k',
			items: 50_000,
			oneItem: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore, 'summary'),
		},
		// The same campaign with n8n's heap capped, as on a small server: V8 collects sooner, and the peak
		// is what the run needs rather than garbage it was allowed to keep.
		{
			id: 'bRsManySumHeap10k',
			label: 'RuStore node, Send to Many, summary results, cap 300/s, heap 400 MB',
			items: 10_000,
			oneItem: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore, 'summary'),
			nodeArgs: [HEAP_400],
		},
		{
			id: 'bRsManySumHeap50k',
			label: 'RuStore node, Send to Many, summary results, cap 300/s, heap 400 MB, 50k',
			items: 50_000,
			oneItem: true,
			latencyMs: 20,
			rustoreCap: CAP.rustore,
			cap: CAP.rustore,
			node: ruStoreSendManyNode(CAP.rustore, 'summary'),
			nodeArgs: [HEAP_400],
		},
	].filter((scenario) => only.length === 0 || only.includes(scenario.id));
	if (only.length > 0 && scenarios.length === 0) {
		// Only the trigger burst was asked for.
		try {
			if (only.includes('trigger-burst')) await triggerBurst(sandbox, args.includes('--cpu-prof'));
		} finally {
			await sandbox.close();
		}
		return;
	}
	try {
		const local = await prepareLocalN8n('bench', sandbox);
		const file = join(local.userFolder, 'bench-workflows.json');
		writeFileSync(file, JSON.stringify(scenarios.map(benchWorkflow)));
		const credentialsFile = join(local.userFolder, 'bench-credentials.json');
		writeFileSync(credentialsFile, JSON.stringify([HEADER_AUTH_CREDENTIAL]));
		for (const [command, input] of [
			['import:credentials', credentialsFile],
			['import:workflow', file],
		]) {
			const imported = await runCli(local.n8n, [command, `--input=${input}`], local.env);
			if (imported.code !== 0) throw new Error(imported.stderr);
		}

		const results: Result[] = [];
		for (const scenario of scenarios) {
			process.stderr.write(`running ${scenario.label} (${scenario.items} items)...\n`);
			results.push(await runScenario(local, sandbox, scenario));
		}
		const growthBetween = (smallId: string, largeId: string) => {
			const small = results[scenarios.findIndex((scenario) => scenario.id === smallId)];
			const large = results[scenarios.findIndex((scenario) => scenario.id === largeId)];
			return small && large
				? (large.peakRssMb - small.peakRssMb) / ((large.items - small.items) / 1000)
				: null;
		};
		const growth = {
			perItem: growthBetween('bRsNode10k', 'bRsNode50k'),
			sendToMany: growthBetween('bRsMany10k', 'bRsMany50k'),
			sendToManySummary: growthBetween('bRsManySum10k', 'bRsManySum50k'),
			sendToManySummaryHeap400: growthBetween('bRsManySumHeap10k', 'bRsManySumHeap50k'),
			httpRequest: growthBetween('bHttpFree', 'bHttpFree50k'),
		};
		const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (tests) / n8n 2.41.1 on Node 24`;
		const output = `${table(results)}\n\nMemory growth of the n8n process, 10k → 50k: ${fmt(growth.sendToManySummaryHeap400, 2)} MB per 1,000 tokens with Send to Many and summary results and a 400 MB heap; by default ${fmt(growth.sendToManySummary, 2)} MB with summary results, ${fmt(growth.sendToMany, 2)} MB with Send to Many and one result item per token, ${fmt(growth.perItem, 2)} MB per 1,000 items with one item per push; n8n's HTTP Request node, one item per request: ${fmt(growth.httpRequest, 2)} MB per 1,000 items.\nMachine: ${machine}. Command: npm run bench.`;
		console.log(output);
		writeFileSync(
			join(REPO_ROOT, 'bench-results.json'),
			JSON.stringify({ machine, results, memoryGrowthMbPer1000: growth }, null, 2),
		);
		if (only.length === 0 || only.includes('trigger-burst'))
			await triggerBurst(sandbox, args.includes('--cpu-prof'));
	} finally {
		await sandbox.close();
	}
}

void main();
