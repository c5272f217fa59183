import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

import { drawFault } from './faults';
import { seededRandom } from './prng';
import { windowClock } from './rateWindow';
import type {
	Delivery,
	FaultName,
	FaultOptions,
	ProviderAnswer,
	ProviderModule,
	RecordedRequest,
} from './types';

export interface ServerOptions {
	host?: string;
	port?: number;
	/** Added before every answer. */
	latencyMs?: number;
	faults?: FaultOptions;
	seed?: number;
}

export interface SandboxServer {
	url: string;
	port: number;
	baseUrls: Record<string, string>;
	requests: RecordedRequest[];
	deliveries: Delivery[];
	duplicates(): Delivery[];
	configureServer(patch: ServerOptions): void;
	reset(): void;
	close(): Promise<void>;
}

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseJson(raw: string): unknown {
	try {
		return raw ? JSON.parse(raw) : undefined;
	} catch {
		return undefined;
	}
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
	return Object.fromEntries(
		Object.entries(request.headers).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.join(', ') : String(value),
		]),
	);
}

/** One loopback HTTP server in front of every provider module, each under its own path prefixes. */
export async function startServer(
	modules: ProviderModule[],
	initial: ServerOptions = {},
): Promise<SandboxServer> {
	const settings: ServerOptions = { latencyMs: 0, seed: 1, ...initial };
	let random = seededRandom(settings.seed ?? 1);
	let faultsInjected = 0;
	const requests: RecordedRequest[] = [];
	const deliveries: Delivery[] = [];
	const sockets = new Set<Socket>();
	const mounts = modules
		.flatMap((module) => Object.keys(module.mounts).map((prefix) => ({ prefix, module })))
		.sort((a, b) => b.prefix.length - a.prefix.length);

	const isFactAnswer = (value: unknown): value is ProviderAnswer & { fact: string } =>
		typeof value === 'object' &&
		value !== null &&
		typeof (value as ProviderAnswer).fact === 'string' &&
		typeof (value as ProviderAnswer).status === 'number';

	const send = (
		response: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	) => {
		const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
		response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
		response.end(text);
	};

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const path = (request.url ?? '/').split('?')[0];
		const mount = mounts.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
		if (!mount) return send(response, 404, { error: `no provider at ${path}` });
		const { module, prefix } = mount;

		const limit = settings.faults?.limit;
		const fault: FaultName | undefined =
			limit !== undefined && faultsInjected >= limit
				? undefined
				: drawFault(settings.faults, module.name, random);
		if (fault) faultsInjected += 1;
		const record: RecordedRequest = {
			provider: module.name,
			method: request.method ?? 'GET',
			path,
			query: (request.url ?? '').split('?')[1] ?? '',
			headers: flatHeaders(request),
			rawBody: '',
			body: undefined,
			receivedAt: windowClock.now(),
			fault,
		};
		requests.push(record);
		if (fault === 'resetBeforeRead') return request.socket.destroy();

		record.rawBody = await readBody(request);
		record.body = parseJson(record.rawBody);
		if (fault === 'rate429' || fault === 'rate503') {
			const status = fault === 'rate429' ? 429 : 503;
			const retryAfter = settings.faults?.retryAfterSeconds;
			record.status = status;
			const fromModule = module.faultBody(status, prefix);
			// A converted module's fault body is an answer from a fact: its body is sent, its id kept.
			const documented = isFactAnswer(fromModule) ? fromModule : undefined;
			record.fact = documented?.fact;
			record.answerBody = documented ? documented.body : fromModule;
			await delay(settings.latencyMs ?? 0);
			return send(
				response,
				status,
				record.answerBody,
				status === 429 && retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
			);
		}

		const answer = await module.handle(prefix, {
			method: record.method,
			path: path.slice(prefix.length) || '/',
			query: new URLSearchParams((request.url ?? '').split('?')[1] ?? ''),
			headers: request.headers,
			rawBody: record.rawBody,
			json: record.body,
			deliver: (delivery) =>
				deliveries.push({ ...delivery, provider: module.name, acceptedAt: windowClock.now() }),
		});
		if (fault === 'resetAfterRead') return request.socket.destroy();
		if (fault === 'slow') await delay(settings.faults?.slowMs ?? 5000);
		await delay(settings.latencyMs ?? 0);
		record.status = fault === 'malformedJson' ? 200 : answer.status;
		if (fault === 'malformedJson') return send(response, 200, '{"message": "tru');
		record.fact = answer.fact;
		record.answerBody = answer.body;
		send(response, answer.status, answer.body, answer.headers);
	};

	const server = createServer((request, response) => {
		handle(request, response).catch((error: Error) => {
			if (!response.headersSent)
				send(response, 500, { error: `sandbox failure: ${error.message}` });
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) =>
		server.listen(settings.port ?? 0, settings.host ?? '127.0.0.1', resolve),
	);
	const { port } = server.address() as AddressInfo;
	const url = `http://${settings.host ?? '127.0.0.1'}:${port}`;
	const baseUrls = Object.fromEntries(
		modules.flatMap((module) =>
			Object.entries(module.mounts).map(([prefix, key]) => [key, `${url}${prefix}`]),
		),
	);

	return {
		url,
		port,
		baseUrls,
		requests,
		deliveries,
		duplicates: () => {
			const seen = new Set<string>();
			return deliveries.filter((delivery) => {
				const key = `${delivery.provider}|${delivery.identity}`;
				const repeated = seen.has(key);
				seen.add(key);
				return repeated;
			});
		},
		configureServer(patch) {
			Object.assign(settings, patch);
			if (patch.faults) faultsInjected = 0;
			if (patch.seed !== undefined) random = seededRandom(patch.seed);
		},
		reset() {
			requests.length = 0;
			deliveries.length = 0;
			random = seededRandom(settings.seed ?? 1);
			faultsInjected = 0;
			for (const module of modules) module.reset();
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
