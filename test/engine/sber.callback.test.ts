/**
 * Sber SmartPush → Callback: the callback URL built at send time from the Sber SmartPush Callback
 * credential (so no secret lives in the workflow), a plain URL as before, or none.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import type { EngineRun } from './harness';
import {
	CALLBACK_SECRET,
	CALLBACK_TRIGGER_URL,
	extendedTo,
	liteTo,
	runSber,
	sberCallbackCredential,
} from './harness/providers/sber';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const sends = () => sandbox.requests.filter((request) => request.path.includes('/smartpush/'));
const visible = (run: EngineRun) => JSON.stringify({ error: run.error, runData: run.runData });
const withCredential = (overrides: IDataObject = {}) => ({
	moreCredentials: [sberCallbackCredential(overrides)],
});

describe('Sber SmartPush → Callback: Sber SmartPush Trigger (Callback Credential)', () => {
	it.each([
		['Send (Lite)', liteTo('sub-1', { callback: 'credential' })],
		['Send (Extended)', extendedTo('sub-1', { callback: 'credential' })],
	])(
		"%s gives Sber the trigger's URL with the secret, which no output shows",
		async (_operation, parameters) => {
			const run = await runSber(sandbox, parameters, withCredential());
			expect(run.error).toBeUndefined();
			const [send] = sends();
			const callbackUrl = new URL(send.headers.callbackurl ?? '');
			expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(CALLBACK_TRIGGER_URL);
			expect(callbackUrl.searchParams.get('secret')).toBe(CALLBACK_SECRET);
			expect(visible(run)).not.toContain(CALLBACK_SECRET);
		},
	);

	it('keeps a query the Trigger URL already has, and a plain Callback URL left in Options is not used', async () => {
		const run = await runSber(
			sandbox,
			liteTo('sub-1', {
				callback: 'credential',
				options: { callbackUrl: 'https://elsewhere.example/status' },
			}),
			withCredential({ triggerUrl: `${CALLBACK_TRIGGER_URL}?tenant=7` }),
		);
		expect(run.error).toBeUndefined();
		const callbackUrl = new URL(sends()[0].headers.callbackurl ?? '');
		expect(callbackUrl.searchParams.get('tenant')).toBe('7');
		expect(callbackUrl.searchParams.get('secret')).toBe(CALLBACK_SECRET);
	});

	it.each([
		['no Trigger URL', { triggerUrl: '' }, /has no Trigger URL/],
		['a Trigger URL that is not one', { triggerUrl: 'n8n.example.com/webhook' }, /not a URL/],
		['no URL Secret', { urlSecret: '' }, /has no URL Secret/],
	])(
		'with %s, stops before sending and says which field to fix, without the secret',
		async (_case, overrides, message) => {
			const run = await runSber(
				sandbox,
				liteTo('sub-1', { callback: 'credential' }),
				withCredential(overrides),
			);
			expect(run.error?.message).toMatch(message);
			expect(sends()).toHaveLength(0);
			expect(visible(run)).not.toContain(CALLBACK_SECRET);
		},
	);

	it('without the credential set on the node, n8n refuses the send before anything goes out', async () => {
		const run = await runSber(sandbox, liteTo('sub-1', { callback: 'credential' }));
		expect(run.error?.message).toBe(
			'Node does not have any credentials set for "sberSmartPushCallbackApi"',
		);
		expect(sends()).toHaveLength(0);
	});
});

describe('Sber SmartPush → Callback: the other choices', () => {
	it('a workflow saved before the Callback choice still sends its Options → Callback URL', async () => {
		const run = await runSber(
			sandbox,
			liteTo('sub-1', { options: { callbackUrl: 'https://example.com/status' } }),
		);
		expect(run.error).toBeUndefined();
		expect(sends()[0].headers.callbackurl).toBe('https://example.com/status');
	});

	it('None sends no callback URL, even one left in Options', async () => {
		const run = await runSber(
			sandbox,
			liteTo('sub-1', { callback: 'none', options: { callbackUrl: 'https://example.com/status' } }),
		);
		expect(run.error).toBeUndefined();
		expect(sends()[0].headers.callbackurl).toBeUndefined();
	});
});
