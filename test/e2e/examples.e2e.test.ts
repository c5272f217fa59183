import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { EXAMPLES_DIR, exampleWorkflows, sandboxCredentials } from '../../dev/n8n/localN8n';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { startE2E, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;
const examples = exampleWorkflows();

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows(
		examples.map(
			(example) =>
				JSON.parse(readFileSync(join(EXAMPLES_DIR, example.file), 'utf8')) as IDataObject,
		),
	);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

describe('The example workflows, in a real n8n against the sandbox', () => {
	// Examples that start only from a webhook trigger run in test/e2e/triggers.e2e.test.ts.
	it.each(
		examples
			.filter((example) => example.startsManually)
			.map((example) => [example.name, example.id]),
	)(
		'%s runs and reaches the provider',
		async (_name, id) => {
			const result = await n8n.execute(id);
			expect(result.error).toBeUndefined();
			expect(result.ok).toBe(true);
			// A push accepted, or (for the sign-up example) a token subscribed to a topic.
			const subscribed = [...sandbox.rustore.subscriptions.values()].reduce(
				(count, tokens) => count + tokens.size,
				0,
			);
			expect(sandbox.deliveries.length + subscribed).toBeGreaterThan(0);
		},
		120_000,
	);

	it('the dead-token clean-up lists the dead tokens from the error output', async () => {
		const result = await n8n.execute('exRuStoreDeadTokens');
		expect(result.ok).toBe(true);
		expect(
			result
				.outputs('Tokens to delete')[0]
				.map((item) => item.json.pushToken)
				.sort(),
		).toEqual(['expired-old-phone', 'invalid-typo']);
	}, 120_000);

	it('the stored-token campaign sends each distinct token once and lists the dead one to delete', async () => {
		const result = await n8n.execute('exRuStoreCampaign');
		expect(result.ok).toBe(true);
		expect(result.outputs('Spring sale')[0][0].json).toEqual({
			summary: true,
			success: false,
			recipients: 4,
			failed: 1,
			counts: { sent: 3, invalid_token: 1 },
			duplicatesRemoved: 1,
		});
		expect(result.outputs('Tokens to delete')[0].map((item) => item.json.pushToken)).toEqual([
			'expired-chen-old-phone',
		]);
		expect(sandbox.deliveries.map((delivery) => delivery.target).sort()).toEqual([
			'device-anna-7f3a',
			'device-boris-21c9',
			'device-dana-88e0',
		]);
	}, 120_000);

	it('the campaign report example reads the statistics of the push it sent', async () => {
		const result = await n8n.execute('exEngageLabReport');
		expect(result.ok).toBe(true);
		const [sent] = result.outputs('Send campaign')[0];
		expect(result.outputs('Get report')[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ status: 'sent', msgId: sent.json.msgId, targets: 3, delivered: 3 }),
		]);
	}, 120_000);
});
