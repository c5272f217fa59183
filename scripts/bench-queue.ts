/**
 * npm run bench:queue: n8n 2.41.1 in queue mode (Redis, PostgreSQL, a main process and two workers)
 * against the provider sandbox. Two campaigns started at once run on the two workers with one
 * credential; then what n8n does with an execution whose worker blocks past its queue lock or dies.
 * Prints rows in the columns of `npm run bench`'s table, the floors, and the re-run findings; writes
 * bench-queue-results.json. Scenario ids as arguments run only those.
 *
 * QUEUE_WORKER_LOCK_DURATION, QUEUE_WORKER_LOCK_RENEW_TIME and QUEUE_WORKER_STALLED_INTERVAL in the
 * environment reach every n8n process (n8n's defaults otherwise: 60 s, 10 s, 30 s).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from '../dev/n8n/n8nInstall';
import {
	campaignWorkflow,
	RUSTORE_CREDENTIAL,
	startCampaign,
	tally,
	waitForExecutions,
	type Tally,
} from '../dev/queue/campaign';
import { startQueueN8n, type QueueN8n } from '../dev/queue/queueN8n';
import {
	blockWorkerPastLock,
	killWorkerMidCampaign,
	type RerunObservation,
} from '../dev/queue/rerun';
import { startSandbox, type Sandbox } from '../dev/sandbox';

const CAP = 300;
const PER_CAMPAIGN = 10_000;
const QUEUE_SETTINGS = [
	'QUEUE_WORKER_LOCK_DURATION',
	'QUEUE_WORKER_LOCK_RENEW_TIME',
	'QUEUE_WORKER_STALLED_INTERVAL',
];

/** Peak resident memory (VmHWM) of the worker processes, sampled while a scenario runs. */
function sampleWorkers(cluster: QueueN8n) {
	let peakKb = 0;
	const timer = setInterval(() => {
		for (const worker of cluster.workers) {
			try {
				const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
				const match = /VmHWM:\s+(\d+)/.exec(status);
				if (match) peakKb = Math.max(peakKb, Number(match[1]));
			} catch {
				// exited
			}
		}
	}, 200);
	return () => {
		clearInterval(timer);
		return Math.round(peakKb / 1024);
	};
}

/**
 * Campaigns of 10,000 tokens (Send to Many) started at once, same credential: two run one on each
 * worker; one alone is the reference (one process at the cap, on the same machine at the same time).
 */
async function campaigns(cluster: QueueN8n, sandbox: Sandbox, prefixes: string[]) {
	sandbox.reset();
	sandbox.configure({ latencyMs: 20, rustore: { ratePerSecond: CAP } });
	const before = cluster.executions().length;
	const peak = sampleWorkers(cluster);
	const began = Date.now();
	await Promise.all(
		prefixes.map(async (prefix) => await startCampaign(cluster, 'campaign', prefix, PER_CAMPAIGN)),
	);
	const executions = (
		await waitForExecutions(cluster, before + prefixes.length, 15 * 60_000)
	).slice(before);
	const wallSeconds = (Date.now() - began) / 1000;
	const seen = tally(
		sandbox,
		Object.fromEntries(prefixes.map((prefix) => [prefix, PER_CAMPAIGN])),
		CAP,
	);
	const workers = new Set(
		cluster
			.startedBy()
			.filter((start) => executions.some((execution) => execution.id === start.executionId))
			.map((start) => start.worker),
	);
	return {
		seen,
		wallSeconds,
		peakRssMb: peak(),
		statuses: executions.map((execution) => execution.status),
		workers: workers.size,
	};
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);

function row(
	label: string,
	items: number,
	wallSeconds: number,
	seen: Tally,
	peakRssMb: number,
	outcome: string,
) {
	const ideal = items / CAP;
	return `| ${label} | ${items} | ${fmt(wallSeconds)} | ${fmt(ideal)} | ${fmt(wallSeconds / ideal, 3)} | ${Math.round(items / wallSeconds)} | ${fmt(seen.seconds)} | ${seen.requests} | ${seen.delivered} | ${seen.refusals} | ${seen.lost} | ${seen.duplicates} | ${peakRssMb} | ${outcome} |`;
}

function rerunLine(what: string, observation: RerunObservation & { deliveredBeforeKill?: number }) {
	const again = observation.startedOn.length > 1 ? 'RUN AGAIN' : 'not run again';
	return `- ${what}: execution ${observation.executionId} started on ${observation.startedOn.join(', ')}; ${again}; n8n status ${observation.status}; ${observation.delivered} pushes delivered${observation.deliveredBeforeKill !== undefined ? ` (${observation.deliveredBeforeKill} before the kill)` : ''}, ${observation.duplicates} duplicates${observation.lockLost !== undefined ? `; queue lock lost: ${observation.lockLost}` : ''}`;
}

async function main() {
	const only = process.argv.slice(2);
	const wanted = (id: string) => only.length === 0 || only.includes(id);
	const settings = Object.fromEntries(
		QUEUE_SETTINGS.filter((name) => process.env[name]).map((name) => [
			name,
			process.env[name] as string,
		]),
	);
	const sandbox = await startSandbox();
	const cluster = await startQueueN8n({
		credentials: [RUSTORE_CREDENTIAL(sandbox)],
		workflows: [
			campaignWorkflow({ id: 'qCampaign', path: 'campaign', requestsPerSecond: CAP }),
			campaignWorkflow({ id: 'qPerItem', path: 'per-item', requestsPerSecond: CAP, perItem: true }),
		],
		env: settings,
	});
	const lines: string[] = [];
	const results: Record<string, unknown> = { settings };
	try {
		const header = [
			'| Scenario | Items | Wall (s) | Ideal N/cap (s) | Ratio | Items/s | Sending (s) | Requests | Delivered | Provider rejections | Unhandled | Duplicates | Peak RSS (MB) | Outcome |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
		];
		lines.push(...header);
		if (wanted('qOne10k')) {
			process.stderr.write('one campaign of 10,000 tokens on one worker (reference)...\n');
			const run = await campaigns(cluster, sandbox, ['solo']);
			lines.push(
				row(
					'Queue mode, 1 worker × Send to Many (1 item, 10,000 tokens), cap 300/s (reference)',
					PER_CAMPAIGN,
					run.wallSeconds,
					run.seen,
					run.peakRssMb,
					run.statuses.every((status) => status === 'success') ? 'ok' : 'failed',
				),
			);
			results.oneCampaign = run;
		}
		if (wanted('qTwo10k')) {
			process.stderr.write('two campaigns of 10,000 tokens on two workers...\n');
			const run = await campaigns(cluster, sandbox, ['a', 'b']);
			const floors = {
				shareOfCap: run.seen.shareOfCap >= 0.85,
				refusals: run.seen.refusals / run.seen.requests <= 0.03,
				lost: run.seen.lost === 0,
				duplicates: run.seen.duplicates === 0,
			};
			const ok = run.statuses.every((status) => status === 'success') && run.workers === 2;
			lines.push(
				row(
					'Queue mode, 2 workers × Send to Many (1 item, 10,000 tokens), one credential, cap 300/s',
					2 * PER_CAMPAIGN,
					run.wallSeconds,
					run.seen,
					run.peakRssMb,
					ok ? 'ok' : `failed: ${run.statuses.join(', ')} on ${run.workers} worker(s)`,
				),
				'',
				`Two campaigns, floors: delivery ${fmt(100 * run.seen.shareOfCap)} % of the cap over the run (≥ 85 %: ${floors.shareOfCap ? 'met' : 'NOT MET'}; ${fmt(100 * run.seen.togetherShareOfCap)} % while both sent), refusals ${fmt((100 * run.seen.refusals) / run.seen.requests, 2)} % of requests (≤ 3 %: ${floors.refusals ? 'met' : 'NOT MET'}), lost ${run.seen.lost}, duplicates ${run.seen.duplicates}. Campaigns finished after ${Object.entries(
					run.seen.finishedAfter,
				)
					.map(([name, seconds]) => `${name} ${fmt(seconds)} s`)
					.join(', ')}.`,
			);
			results.twoCampaigns = { ...run, floors };
		}
		if (wanted('qBlocked')) {
			process.stderr.write('a per-item campaign of 10,000 items blocking its worker...\n');
			sandbox.reset();
			sandbox.configure({ latencyMs: 20, rustore: { ratePerSecond: CAP } });
			const blocked = await blockWorkerPastLock(cluster, sandbox, {
				path: 'per-item',
				count: PER_CAMPAIGN,
				quietMs: 15_000,
				timeoutMs: 10 * 60_000,
			});
			lines.push('', rerunLine('Worker blocked by a per-item campaign of 10,000 items', blocked));
			results.blocked = blocked;
		}
		if (wanted('qKilled')) {
			process.stderr.write('a worker killed mid-campaign...\n');
			sandbox.reset();
			sandbox.configure({ latencyMs: 20, rustore: { ratePerSecond: CAP } });
			const lock = Number(process.env.QUEUE_WORKER_LOCK_DURATION ?? 60_000);
			const stalled = Number(process.env.QUEUE_WORKER_STALLED_INTERVAL ?? 30_000);
			const killed = await killWorkerMidCampaign(cluster, sandbox, {
				path: 'campaign',
				count: PER_CAMPAIGN,
				afterDeliveries: 3000,
				watchMs: lock + 2 * stalled + 10_000,
			});
			lines.push(rerunLine('Worker SIGKILLed after 3,000 of 10,000 pushes', killed));
			results.killed = killed;
		}
	} finally {
		await cluster.stop();
		await sandbox.close();
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
		.map((load) => load.toFixed(1))
		.join(' / ')} at the end, n8n 2.41.1 on Node 24`;
	lines.push(
		'',
		`Queue settings: ${Object.keys(settings).length ? JSON.stringify(settings) : "n8n's defaults"}. Machine: ${machine}. Command: npm run bench:queue.`,
	);
	console.log(lines.join('\n'));
	writeFileSync(
		join(REPO_ROOT, 'bench-queue-results.json'),
		JSON.stringify({ machine, ...results }, null, 2),
	);
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
