import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { n8nEnv, runCli } from '../n8n/cli';
import { installPackage } from '../n8n/installPackage';
import { ensureN8n, type N8nInstall } from '../n8n/n8nInstall';
import { freePort, startPostgres, startRedis, type Service } from './services';

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export interface N8nProcess {
	name: string;
	pid?: number;
	/** Everything it logged so far. */
	log(): string;
	exited: Promise<void>;
	running(): boolean;
	kill(signal: NodeJS.Signals): void;
}

export interface QueueN8n {
	url: string;
	main: N8nProcess;
	workers: N8nProcess[];
	/** Runs SQL against n8n's database; rows as `a|b` lines. */
	psql(sql: string): string;
	/** Runs a redis-cli command against the queue's Redis. */
	redis(...args: string[]): string;
	/** Executions so far, oldest first. */
	executions(): Array<{ id: string; status: string; mode: string; retryOf: string | null }>;
	/** Which worker logged starting each execution (a re-run shows twice). */
	startedBy(): Array<{ worker: string; executionId: string; jobId: string }>;
	stop(): Promise<void>;
}

export interface QueueN8nOptions {
	workers?: number;
	/** Jobs each worker runs at once (n8n's default is 10). */
	concurrency?: number;
	credentials: IDataObject[];
	/** Imported and published (active), so that their webhooks are live on the main process. */
	workflows: IDataObject[];
	/** Environment for every process on top of the queue set-up (e.g. QUEUE_WORKER_* settings). */
	env?: Record<string, string>;
}

function startProcess(
	n8n: N8nInstall,
	name: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	logDir: string,
): N8nProcess {
	const file = join(logDir, `${name}.log`);
	const fd = openSync(file, 'w');
	const child: ChildProcess = spawn(n8n.node, [n8n.bin, ...args], {
		env,
		stdio: ['ignore', fd, fd],
		detached: true,
	});
	closeSync(fd);
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	return {
		name,
		pid: child.pid,
		log: () => readFileSync(file, 'utf8'),
		exited,
		running: () => child.exitCode === null && child.signalCode === null,
		kill(signal) {
			if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
			try {
				process.kill(-child.pid, signal);
			} catch {
				// already gone
			}
		},
	};
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await delay(250);
	}
}

/**
 * n8n 2.41 in queue mode as a team runs it: Redis, PostgreSQL, one main process (editor, webhooks,
 * enqueues executions) and `workers` worker processes. Each process has its own user folder with
 * this package installed as a community package, and all share the encryption key, as on separate
 * machines. Expects a fresh build.
 */
export async function startQueueN8n(options: QueueN8nOptions): Promise<QueueN8n> {
	const n8n = ensureN8n();
	const root = mkdtempSync(join(tmpdir(), 'n8n-queue-'));
	const processes: N8nProcess[] = [];
	let redis: Service | undefined;
	let postgres: (Service & { psql(sql: string): string }) | undefined;
	const stop = async () => {
		for (const process of processes) process.kill('SIGTERM');
		// A grace period that ends with the processes: a bare 15 s timer would hold the test runner open.
		let grace: NodeJS.Timeout | undefined;
		await Promise.race([
			Promise.all(processes.map(async (p) => await p.exited)),
			new Promise((resolve) => (grace = setTimeout(resolve, 15_000))),
		]);
		clearTimeout(grace);
		for (const process of processes) process.kill('SIGKILL');
		await Promise.all(processes.map(async (p) => await p.exited));
		await postgres?.stop();
		await redis?.stop();
		rmSync(root, { recursive: true, force: true });
	};
	try {
		[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		const port = await freePort();
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_PORT: String(port),
			N8N_SECURE_COOKIE: 'false',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			...options.env,
		};
		const folder = (name: string) => {
			const path = join(root, name);
			mkdirSync(path, { recursive: true });
			installPackage(path);
			return path;
		};
		const mainFolder = folder('main');
		const mainEnv = n8nEnv(mainFolder, {
			...queueEnv,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		const importFile = async (command: string, content: unknown) => {
			const file = join(root, `${command.replace(':', '-')}.json`);
			writeFileSync(file, JSON.stringify(content));
			const result = await runCli(n8n, [command, `--input=${file}`], mainEnv);
			if (result.code !== 0)
				throw new Error(`n8n ${command} failed:\n${result.stdout}\n${result.stderr}`);
		};
		await importFile('import:credentials', options.credentials);
		await importFile('import:workflow', options.workflows);
		for (const workflow of options.workflows) {
			const result = await runCli(
				n8n,
				['publish:workflow', `--id=${String(workflow.id)}`],
				mainEnv,
			);
			if (result.code !== 0) throw new Error(`n8n publish:workflow failed:\n${result.stderr}`);
		}

		const logDir = join(root, 'logs');
		mkdirSync(logDir);
		const main = startProcess(n8n, 'main', ['start'], mainEnv, logDir);
		processes.push(main);
		const url = `http://127.0.0.1:${port}`;
		await waitFor(
			'the main process',
			async () => {
				if (!main.running()) throw new Error('the main process exited');
				try {
					return (await fetch(`${url}/healthz/readiness`)).ok;
				} catch {
					return false;
				}
			},
			180_000,
		);
		const workers: N8nProcess[] = [];
		for (let n = 1; n <= (options.workers ?? 2); n++) {
			const env = n8nEnv(folder(`worker-${n}`), {
				...queueEnv,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			});
			const worker = startProcess(
				n8n,
				`worker-${n}`,
				['worker', `--concurrency=${options.concurrency ?? 1}`],
				env,
				logDir,
			);
			processes.push(worker);
			workers.push(worker);
		}
		await waitFor(
			'the workers',
			() => {
				if (workers.some((worker) => !worker.running())) throw new Error('a worker exited');
				return workers.every((worker) => worker.log().includes('n8n worker is now ready'));
			},
			180_000,
		);
		const psql = postgres.psql;
		const redisPort = redis.port;
		return {
			url,
			main,
			workers,
			psql,
			redis: (...args) =>
				execFileSync('redis-cli', ['-p', String(redisPort), ...args], { encoding: 'utf8' }),
			executions: () =>
				psql(`select id, status, mode, coalesce("retryOf", '') from execution_entity order by id`)
					.trim()
					.split('\n')
					.filter(Boolean)
					.map((line) => {
						const [id, status, mode, retryOf] = line.split('|');
						return { id, status, mode, retryOf: retryOf || null };
					}),
			startedBy: () =>
				workers.flatMap((worker) =>
					[...worker.log().matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)].map(
						(match) => ({ worker: worker.name, executionId: match[1], jobId: match[2] }),
					),
				),
			stop,
		};
	} catch (error) {
		const logs = processes.map((p) => `--- ${p.name}\n${p.log().slice(-3000)}`).join('\n');
		await stop();
		throw new Error(`${(error as Error).message}\n${logs}`);
	}
}
