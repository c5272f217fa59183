import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from '../n8n/n8nInstall';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A port the system has just handed out on the loopback interface, free to bind again. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function accepts(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Debian's PostgreSQL binaries, installed by scripts/ensure-services.sh when missing. */
function postgresBin(): string {
	return execFileSync('bash', [join(REPO_ROOT, 'scripts/ensure-services.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop() as string;
}

/** Starts `command` in its own process group; `stop` signals the group and waits for it. */
function startGroup(command: string, args: string[], stopSignal: NodeJS.Signals) {
	const child: ChildProcess = spawn(command, args, { stdio: 'ignore', detached: true });
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null && child.pid) {
			try {
				process.kill(-child.pid, stopSignal);
			} catch {
				// already gone
			}
		}
		await exited;
	};
	return { child, stop };
}

async function waitForPort(port: number, name: string, child: ChildProcess): Promise<void> {
	for (let attempt = 0; attempt < 300; attempt++) {
		if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
		if (await accepts(port)) return;
		await delay(100);
	}
	throw new Error(`${name} did not listen on ${port} within 30 s`);
}

/** redis-server on a free loopback port, without persistence. */
export async function startRedis(): Promise<Service> {
	postgresBin(); // installs both when missing
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'queue-redis-'));
	const { child, stop } = startGroup(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		'SIGTERM',
	);
	await waitForPort(port, 'redis-server', child);
	return {
		port,
		async stop() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * A throw-away PostgreSQL cluster on a free loopback port: trust authentication for user `postgres`,
 * no fsync (test data). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
 * the Debian package creates.
 */
export async function startPostgres(): Promise<Service & { psql(sql: string): string }> {
	const bin = postgresBin();
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'queue-postgres-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const as = (command: string, args: string[]): [string, string[]] =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	const data = join(dir, 'data');
	execFileSync(
		...as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']),
		{ stdio: 'ignore' },
	);
	const { child, stop } = startGroup(
		...as(join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(port),
			'-h',
			'127.0.0.1',
			'-k',
			dir,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		]),
		// Fast shutdown: ends the sessions of processes killed without closing them.
		'SIGINT',
	);
	await waitForPort(port, 'postgres', child);
	const psql = (sql: string) =>
		execFileSync(
			'psql',
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-At', '-c', sql],
			{ encoding: 'utf8' },
		);
	// Accepting connections comes a moment after listening.
	for (let attempt = 0; ; attempt++) {
		try {
			psql('select 1');
			break;
		} catch (error) {
			if (attempt > 100) throw error;
			await delay(100);
		}
	}
	return {
		port,
		psql,
		async stop() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
