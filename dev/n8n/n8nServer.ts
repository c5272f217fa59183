import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

import type { LocalN8n } from './localN8n';

/** The owner account `npm start` and the editor check set up (documented in the README). */
export const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-password-1',
	firstName: 'Demo',
	lastName: 'User',
};

export interface N8nServer {
	url: string;
	/** The n8n process's id (the bench reads its CPU time). */
	pid: number;
	exited: Promise<number>;
	stop(): Promise<void>;
}

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until n8n says it is ready (its readiness route answers once every route is mounted), on a
 * health path only this process serves: a random port can be taken by another program between
 * choosing it and n8n binding it (then this n8n exits), and another server must never pass for ours.
 */
async function waitUntilUp(
	url: string,
	healthPath: string,
	child: { exitCode: number | null },
): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			const ready = await fetch(`${url}${healthPath}/readiness`);
			await ready.arrayBuffer();
			if (ready.ok) return;
			// n8n 1.x ignores N8N_ENDPOINT_HEALTH (its /healthz/readiness means only "database
			// ready"): there, its fixed health path, then the settings route (mounted after the others).
			if (ready.status === 404 && (await answersOk(`${url}/healthz`)))
				if (await answersOk(`${url}/rest/settings`)) return;
		} catch {
			// not listening yet
		}
		await delay(500);
	}
	throw new Error('n8n did not start within 2 minutes');
}

async function answersOk(url: string): Promise<boolean> {
	const response = await fetch(url);
	await response.arrayBuffer();
	return response.ok;
}

/**
 * Sets up the owner account. On a busy machine n8n mounts its routes one after another, so the owner
 * route can answer 404 after the settings route is up: wait for this route itself, not for a neighbour.
 */
async function setUpOwner(url: string): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		const answer = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (answer.status !== 404 || attempt >= 120) return answer;
		await delay(500);
	}
}

/**
 * `n8n start` on `port` in the prepared user folder, up and with its owner account set up. Choose
 * the port (freePort) right before: the longer it waits, the likelier another program takes it.
 */
export async function startN8nServer(
	local: LocalN8n,
	port: number,
	output: 'inherit' | 'ignore' = 'inherit',
): Promise<N8nServer> {
	const healthPath = `/healthz-${randomBytes(6).toString('hex')}`;
	const child = spawn(local.n8n.node, [local.n8n.bin, 'start'], {
		env: { ...local.env, ...serverEnv(port), N8N_ENDPOINT_HEALTH: healthPath },
		stdio: ['ignore', output, output],
		detached: true,
	});
	const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
	const stop = async () => {
		if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
		await exited;
	};
	const url = `http://localhost:${port}`;
	try {
		await waitUntilUp(url, healthPath, child);
		const setup = await setUpOwner(url);
		if (!setup.ok)
			throw new Error(
				`Owner set-up answered ${setup.status}: ${(await setup.text()).slice(0, 200)}`,
			);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, pid: child.pid ?? 0, exited, stop };
}

/** Env for a server on `port`: its task broker one port above, plain-HTTP cookies. */
export function serverEnv(port: number): Record<string, string> {
	return {
		N8N_PORT: String(port),
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(port + 1000),
	};
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
