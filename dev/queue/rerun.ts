import type { Sandbox } from '../sandbox';
import { startCampaign } from './campaign';
import type { N8nProcess, QueueN8n } from './queueN8n';

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export interface RerunObservation {
	executionId: string;
	/** Every worker that logged starting the execution: twice means n8n ran it again. */
	startedOn: string[];
	/** n8n's status for the execution at the end of the observation. */
	status: string;
	/** Whether the job's queue lock was seen missing while the execution still ran (the lock was lost). */
	lockLost?: boolean;
	/** Pushes the provider took, and how many of them repeated a token. */
	delivered: number;
	duplicates: number;
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await delay(100);
	}
}

function observe(cluster: QueueN8n, sandbox: Sandbox, executionId: string): RerunObservation {
	const targets = sandbox.deliveries.map((delivery) => delivery.target);
	return {
		executionId,
		startedOn: cluster
			.startedBy()
			.filter((start) => start.executionId === executionId)
			.map((start) => start.worker),
		status: cluster.executions().find((execution) => execution.id === executionId)?.status ?? '?',
		delivered: targets.length,
		duplicates: targets.length - new Set(targets).size,
	};
}

/** Starts one campaign and waits for a worker to log starting its execution. */
async function startOne(
	cluster: QueueN8n,
	path: string,
	prefix: string,
	count: number,
): Promise<{ executionId: string; jobId: string; worker: N8nProcess }> {
	const before = new Set(cluster.startedBy().map((start) => start.executionId));
	await startCampaign(cluster, path, prefix, count);
	let executionId = '';
	await until(
		'a worker to start the execution',
		() => {
			executionId =
				cluster.startedBy().find((start) => !before.has(start.executionId))?.executionId ?? '';
			return executionId !== '';
		},
		60_000,
	);
	const start = cluster.startedBy().find((candidate) => candidate.executionId === executionId);
	const worker = cluster.workers.find(
		(candidate) => candidate.name === start?.worker,
	) as N8nProcess;
	return { executionId, jobId: start?.jobId ?? '', worker };
}

/**
 * A worker SIGKILLed once the provider has taken `afterDeliveries` pushes of a campaign, then
 * `watchMs` to see whether another worker runs the same execution again.
 */
export async function killWorkerMidCampaign(
	cluster: QueueN8n,
	sandbox: Sandbox,
	options: { path: string; count: number; afterDeliveries: number; watchMs: number },
): Promise<RerunObservation & { deliveredBeforeKill: number }> {
	const { executionId, worker } = await startOne(cluster, options.path, 'killed', options.count);
	await until(
		'the campaign to be under way',
		() => sandbox.deliveries.length >= options.afterDeliveries,
		120_000,
	);
	worker.kill('SIGKILL');
	await worker.exited;
	const deliveredBeforeKill = sandbox.deliveries.length;
	await delay(options.watchMs);
	return { ...observe(cluster, sandbox, executionId), deliveredBeforeKill };
}

/**
 * A campaign whose worker stops answering past its queue lock, watched until the provider has been
 * quiet for `quietMs` after the campaign's last push. Without `freeze`, the block is n8n's own: a
 * per-item campaign prepares every item before the first request, and a slow enough machine holds
 * the event loop past the lock. With `freeze`, the worker's processes are stopped (SIGSTOP) once the
 * provider has taken `afterDeliveries` pushes and resumed `ms` later: the lock lapses on any machine,
 * as it would under a long block of the event loop or a paused VM.
 */
export async function blockWorkerPastLock(
	cluster: QueueN8n,
	sandbox: Sandbox,
	options: {
		path: string;
		count: number;
		quietMs: number;
		timeoutMs: number;
		freeze?: { afterDeliveries: number; ms: number };
	},
): Promise<RerunObservation> {
	const { executionId, jobId, worker } = await startOne(
		cluster,
		options.path,
		'blocked',
		options.count,
	);
	const deadline = Date.now() + options.timeoutMs;
	const queue = /\* Queue: (\S+)/.exec(cluster.workers[0].log())?.[1] ?? 'jobs';
	let lockLost = false;
	let frozenUntil: number | undefined;
	const { freeze } = options;
	for (;;) {
		if (
			freeze &&
			frozenUntil === undefined &&
			sandbox.deliveries.length >= freeze.afterDeliveries
		) {
			worker.kill('SIGSTOP');
			frozenUntil = Date.now() + freeze.ms;
		}
		if (frozenUntil !== undefined && Date.now() >= frozenUntil) {
			worker.kill('SIGCONT');
			frozenUntil = Number.POSITIVE_INFINITY;
		}
		const running = cluster.executions().find((execution) => execution.id === executionId);
		if (
			running?.status === 'running' &&
			cluster.redis('exists', `bull:${queue}:${jobId}:lock`).trim() === '0'
		)
			lockLost = true;
		const last = sandbox.deliveries.at(-1)?.acceptedAt;
		const finished = cluster.executions().find((execution) => execution.id === executionId);
		if (
			last !== undefined &&
			Date.now() - last > options.quietMs &&
			finished &&
			finished.status !== 'running' &&
			finished.status !== 'new'
		)
			break;
		if (Date.now() > deadline) break;
		await delay(500);
	}
	// Never leave a stopped worker behind a timed-out observation.
	if (frozenUntil !== undefined && frozenUntil !== Number.POSITIVE_INFINITY) worker.kill('SIGCONT');
	return { ...observe(cluster, sandbox, executionId), lockLost };
}
