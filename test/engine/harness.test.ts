/**
 * Proves the engine harness: a throw-away declarative node runs through n8n-core's WorkflowExecute
 * against a loopback server, with n8n's generic authentication and preAuthentication behaviour.
 */
import { FixtureBearerApi } from './fixtures/FixtureBearerApi.credentials';
import { FixturePush } from './fixtures/FixturePush.node';
import { FixtureTokenApi, tokenRequests } from './fixtures/FixtureTokenApi.credentials';
import { startFixtureServer } from './fixtures/fixture-server';
import type { FixtureServer } from './fixtures/fixture-server';
import { createCredentialStore, runNode } from './harness';
import type { RunNodeOptions } from './harness';

let server: FixtureServer;

beforeAll(async () => {
	server = await startFixtureServer();
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.reset();
	tokenRequests.length = 0;
});

const bearer = () => ({
	type: new FixtureBearerApi(),
	data: { baseUrl: server.baseUrl, apiKey: 'key-1' },
});
const token = (accessToken = '') => ({
	type: new FixtureTokenApi(),
	data: { baseUrl: server.baseUrl, clientId: 'id-1', clientSecret: 'secret-1', accessToken },
});
const messages = (...texts: string[]) => texts.map((message) => ({ message }));
const params = (authentication = 'bearer') => ({
	authentication,
	operation: 'send',
	message: '={{ $json.message }}',
});
/** The fixture node with the bearer credential unless the test overrides it. */
const push = (options: Partial<RunNodeOptions>) =>
	runNode({ nodeType: new FixturePush(), parameters: params(), credentials: bearer(), ...options });
const pushWithToken = (options: Partial<RunNodeOptions>) =>
	push({ parameters: params('token'), ...options });

describe('engine harness: declarative node through WorkflowExecute', () => {
	it('applies generic authenticate (with credential defaults) and returns the response as an item', async () => {
		const run = await push({ items: messages('hi') });

		expect(run.error).toBeUndefined();
		expect(server.sent()).toHaveLength(1);
		// keyPrefix is not stored: its property default 'Bearer' was filled in, as n8n does.
		expect(server.sent()[0].headers.authorization).toBe('Bearer key-1');
		expect(server.sent()[0].headers.accept).toBe('application/json');
		expect(server.sent()[0].body).toEqual({ message: 'hi' });
		expect(run.outputs).toEqual([[{ json: { ok: true, echo: 'hi' }, pairedItem: { item: 0 } }]]);
		expect(run.runData['Fixture Push'][0].executionTime).toEqual(expect.any(Number));
		expect(run.preAuthenticationCalls).toBe(0);
	});

	it('sends one request per item and pairs every output item with its input', async () => {
		const run = await push({ items: messages('a', 'b', 'c') });

		expect(
			server
				.sent()
				.map((r) => r.body.message)
				.sort(),
		).toEqual(['a', 'b', 'c']);
		expect(run.outputs[0].map((i) => [i.json.echo, i.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
			['c', { item: 2 }],
		]);
	});

	it('keeps a failed item in the main output, paired, with continueRegularOutput', async () => {
		const run = await push({
			items: messages('a', 'boom', 'c'),
			onError: 'continueRegularOutput',
		});

		expect(run.error).toBeUndefined();
		expect(run.outputs).toHaveLength(1);
		const [a, failed, c] = run.outputs[0];
		expect([a.json.echo, c.json.echo]).toEqual(['a', 'c']);
		// WorkflowExecute.normalizeNodeErrors: json becomes { error: message }, `error` keeps the instance.
		expect(failed.json).toEqual({ error: 'Message "boom" is not allowed' });
		expect(failed.error?.name).toBe('NodeOperationError');
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(server.sent()).toHaveLength(2);
	});

	it('routes a failed item to the error output with continueErrorOutput (engine leaves pairedItem unset)', async () => {
		const run = await push({
			items: messages('a', 'boom', 'c'),
			onError: 'continueErrorOutput',
		});

		expect(run.error).toBeUndefined();
		expect(run.outputs).toHaveLength(2);
		expect(run.outputs[0].map((i) => i.json.echo)).toEqual(['a', 'c']);
		expect(run.outputs[1]).toHaveLength(1);
		const [failed] = run.outputs[1];
		expect(failed.json).toEqual({ error: 'Message "boom" is not allowed' });
		expect(failed.error?.name).toBe('NodeOperationError');
		// The split into two outputs happens before assignPairedItems, whose index rule needs one output:
		// with several input items, neither output gets pairedItem unless the node set it itself.
		expect(run.outputs.flat().map((i) => i.pairedItem)).toEqual([undefined, undefined, undefined]);
		expect(server.sent()).toHaveLength(2);
	});

	it('fails the workflow with default settings, while sibling items were already sent', async () => {
		const run = await push({ items: messages('a', 'boom', 'c') });

		expect(run.error).toBeDefined();
		// RoutingNode re-wraps anything that is not a NodeApiError thrown inside the request promise.
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Message "boom" is not allowed');
		expect(run.outputs).toEqual([]);
		expect(server.sent()).toHaveLength(2);
	});

	it('retries the whole node on failure with retryOnFail (every item is sent again)', async () => {
		server.failOnce.add('b');
		const run = await push({
			items: messages('a', 'b'),
			retryOnFail: { maxTries: 2, waitBetweenTries: 10 },
		});

		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((i) => i.json.echo)).toEqual(['a', 'b']);
		expect(
			server
				.sent()
				.map((r) => r.body.message)
				.sort(),
		).toEqual(['a', 'a', 'b', 'b']);
	});
});

describe('engine harness: preAuthentication like n8n', () => {
	it('fetches a token when the expirable property is empty and persists it', async () => {
		const run = await pushWithToken({ credentials: token() });

		expect(run.error).toBeUndefined();
		expect(run.preAuthenticationCalls).toBe(1);
		expect(server.tokenCalls()[0].body).toEqual({
			grant_type: 'client_credentials',
			client_id: 'id-1',
			client_secret: 'secret-1',
		});
		expect(server.sent()[0].headers.authorization).toBe('Bearer tok-1');
		expect(run.credentialData).toMatchObject({ accessToken: 'tok-1', clientId: 'id-1' });
		// preAuthentication receives the resolved credential data (defaults applied), token still empty.
		expect(tokenRequests).toEqual([
			{ accessToken: '', baseUrl: server.baseUrl, clientId: 'id-1', clientSecret: 'secret-1' },
		]);
	});

	it('refreshes exactly once on 401 and resends, then a later run reuses the stored token', async () => {
		const store = createCredentialStore();
		server.rejected.add('stale');
		const first = await pushWithToken({
			credentials: token('stale'),
			credentialStore: store,
			credentialId: 'shared',
			items: messages('m'),
		});

		expect(first.error).toBeUndefined();
		expect(first.preAuthenticationCalls).toBe(1);
		expect(server.sent().map((r) => r.headers.authorization)).toEqual([
			'Bearer stale',
			'Bearer tok-1',
		]);
		expect(first.outputs[0]).toEqual([{ json: { ok: true, echo: 'm' }, pairedItem: { item: 0 } }]);
		expect(first.credentialData.accessToken).toBe('tok-1');
		// On a 401 refresh, preAuthentication sees the rejected token (credentialsExpired = true).
		expect(tokenRequests.map((c) => c.accessToken)).toEqual(['stale']);

		server.reset();
		// The seed data is ignored now: the store already holds credential "shared" (with tok-1).
		const second = await pushWithToken({
			credentials: token(),
			credentialStore: store,
			credentialId: 'shared',
		});
		expect(second.preAuthenticationCalls).toBe(0);
		expect(server.tokenCalls()).toHaveLength(0);
		expect(server.sent()[0].headers.authorization).toBe('Bearer tok-1');
		expect(store.preAuthenticationCalls('shared')).toBe(1);
	});

	it('fails with NodeApiError when the refreshed token is rejected too (no second refresh)', async () => {
		server.rejected.add('stale').add('tok-1');
		const run = await pushWithToken({ credentials: token('stale') });

		expect(run.preAuthenticationCalls).toBe(1);
		expect(server.sent()).toHaveLength(2);
		expect(run.error?.name).toBe('NodeApiError');
		expect((run.error as { httpCode?: string } | undefined)?.httpCode).toBe('401');
	});

	it('shares a store across concurrent runs; each item seeing an empty token calls preAuthentication', async () => {
		const store = createCredentialStore();
		server.tokenDelayMs = 200; // keep all fetches in flight together
		const options = {
			nodeType: new FixturePush(), // one instance for both runs, as n8n loads a node class once
			parameters: params('token'),
			credentials: token(),
			credentialStore: store,
			credentialId: 'concurrent',
			items: messages('x', 'y'),
		};
		const runs = await Promise.all([push(options), push(options)]);

		expect(runs.map((r) => r.error)).toEqual([undefined, undefined]);
		// n8n does not coalesce: 2 runs × 2 items = 4 token fetches; the last one persisted wins.
		expect(runs.map((r) => r.preAuthenticationCalls)).toEqual([2, 2]);
		expect(store.preAuthenticationCalls('concurrent')).toBe(4);
		expect(server.tokenCalls()).toHaveLength(4);
		expect((await store.read('concurrent', 'fixtureTokenApi')).accessToken).toMatch(/^tok-[1-4]$/);
	});
});
