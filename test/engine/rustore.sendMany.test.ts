import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { runRuStore } from './harness/providers/rustore';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	useVirtualTime();
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, rustore: { ratePerSecond: undefined } });
});
afterEach(() => useWallTime());

const sendMany = (recipients: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendMany',
	recipients,
	notification: { title: 'Sale', body: 'Everything 20% off today' },
	...extra,
});

describe("RuStore Push through n8n's engine: Message → Send to Many", () => {
	// Nothing waits (virtual time): the timeout covers n8n's own work on this many items.
	it('sends the message once per distinct token, with one result per token in input order', async () => {
		const tokens = Array.from({ length: 1200 }, (_, n) => `device-${n}`);
		const run = await runRuStore(
			sandbox,
			sendMany('={{ $json.tokens }}', { delivery: { requestsPerSecond: 10_000 } }),
			{ items: [{ tokens: [...tokens, 'device-7', 'expired-1'] }] },
		);
		expect(run.error).toBeUndefined();

		const results = run.outputs[0].map((item) => item.json);
		expect(results.map((result) => result.token)).toEqual([...tokens, 'expired-1']);
		expect(results.filter((result) => result.status === 'sent')).toHaveLength(1200);
		expect(results.find((result) => result.token === 'device-7')).toMatchObject({
			status: 'sent',
			duplicatesRemoved: 1,
		});
		expect(results.at(-1)).toMatchObject({
			status: 'invalid_token',
			success: false,
			providerCode: 'NOT_FOUND',
		});

		expect(sandbox.deliveries).toHaveLength(1200);
		expect(sandbox.duplicates()).toHaveLength(0);
		expect(sandbox.requests[0].body).toEqual({
			message: {
				token: 'device-0',
				notification: { title: 'Sale', body: 'Everything 20% off today' },
			},
		});
	}, 60_000);

	it('gives a campaign one summary item and an item per token that was not sent, when asked', async () => {
		const tokens = ['device-1', 'expired-1', 'device-2', 'device-1', 'expired-2', 'device-3'];
		const run = await runRuStore(
			sandbox,
			sendMany('={{ $json.tokens }}', { delivery: { results: 'summary' } }),
			{ items: [{ tokens }] },
		);
		expect(run.error).toBeUndefined();
		const [summary, ...failed] = run.outputs[0].map((item) => item.json);
		expect(summary).toEqual({
			summary: true,
			success: false,
			recipients: 5,
			failed: 2,
			counts: { sent: 3, invalid_token: 2 },
			duplicatesRemoved: 1,
		});
		expect(failed.map((result) => [result.token, result.status])).toEqual([
			['expired-1', 'invalid_token'],
			['expired-2', 'invalid_token'],
		]);
		expect(sandbox.deliveries).toHaveLength(3);
	});

	it('sends failed tokens of a summarised campaign to the error output', async () => {
		const run = await runRuStore(
			sandbox,
			sendMany('device-1, expired-1', { delivery: { results: 'summary' } }),
			{ onError: 'continueErrorOutput' },
		);
		expect(run.outputs[0].map((item) => item.json)).toEqual([
			{
				summary: true,
				success: false,
				recipients: 2,
				failed: 1,
				counts: { sent: 1, invalid_token: 1 },
			},
		]);
		expect(run.outputs[1].map((item) => (item.json.details as { token: string }).token)).toEqual([
			'expired-1',
		]);
	});

	it('keeps to the rate limit across the list', async () => {
		sandbox.configure({ rustore: { ratePerSecond: 50 } });
		const tokens = Array.from({ length: 120 }, (_, n) => `paced-${n}`);
		const run = await runRuStore(
			sandbox,
			sendMany(tokens.join('\n'), { delivery: { requestsPerSecond: 50 } }),
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests.filter((request) => request.status === 429)).toHaveLength(0);
		expect(sandbox.deliveries).toHaveLength(120);
	});

	it('fails once, without trying every token, when the credential is wrong', async () => {
		const run = await runRuStore(sandbox, sendMany('a, b, c, d'), {
			credentialOverrides: { projectId: 'someone-elses-project' },
		});
		expect(run.error?.message).toContain('PERMISSION_DENIED');
		expect(sandbox.requests).toHaveLength(1);
	});

	it('goes on with the campaign when the first token is dead, and reports that token', async () => {
		const run = await runRuStore(sandbox, sendMany('expired-1, device-1, device-2'));
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => [item.json.token, item.json.status])).toEqual([
			['expired-1', 'invalid_token'],
			['device-1', 'sent'],
			['device-2', 'sent'],
		]);
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual(['device-1', 'device-2']);
	});

	it('fails, as a single send does, when every token is dead', async () => {
		const run = await runRuStore(sandbox, sendMany('expired-1, expired-2'));
		expect(run.error?.message).toContain('NOT_FOUND');
		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('validates the tokens and the message before sending anything', async () => {
		const run = await runRuStore(
			sandbox,
			sendMany('good-1, has space', { androidNotification: { color: 'blue' } }),
		);
		expect(run.error?.message).toContain('Push Tokens');
		expect(sandbox.requests).toHaveLength(0);
	});
});
