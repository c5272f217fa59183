/**
 * Version 1 of the EngageLab node is 0.1.0's parameters, kept for the workflows saved with them
 * (their requests are pinned in savedWorkflows.0.1.0.test.ts); these are the rules 0.1.0 kept that a
 * golden body cannot show: the node's Product against the credential's, and the fields it shows.
 */
import { NodeHelpers, type INode, type INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { EngageLab } from '../../nodes/EngageLab/EngageLab.node';
import { runEngageLab } from './harness/providers/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});

const version1Push = (extra: INodeParameters): INodeParameters => ({
	resource: 'push',
	operation: 'send',
	product: 'appPush',
	audience: 'targets',
	alert: 'Hello',
	...extra,
});

describe('EngageLab version 1 (0.1.0’s parameters) through n8n’s engine', () => {
	it('refuses a node whose Product is not the credential’s, as 0.1.0 did, before sending', async () => {
		const run = await runEngageLab(
			sandbox,
			version1Push({
				product: 'webPush',
				aliases: 'user_1',
				web: { alert: 'A', url: 'https://x.example' },
			}),
			{ typeVersion: 1 },
		);
		expect(run.error?.message).toBe(
			'The node is set to Web Push but the credential is for App Push',
		);
		expect(run.error?.description).toBe(
			'Choose the same product in the node and in the credential.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('sends Web Push when the node’s Product and the credential say Web Push', async () => {
		const run = await runEngageLab(
			sandbox,
			version1Push({
				product: 'webPush',
				aliases: 'user_1',
				web: { alert: 'Sale', url: 'https://shop.example/sale' },
				options: { distribution: 'mtpush_web' },
			}),
			{ typeVersion: 1, credentialOverrides: { product: 'webPush' } },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe('/engagelab-web/v4/push');
		expect(sandbox.requests[0].body).toMatchObject({
			to: { alias: ['user_1'] },
			body: {
				platform: 'web',
				notification: { web: { alert: 'Sale', url: 'https://shop.example/sale' } },
				options: { third_party_channel: { w3push: { distribution: 'mtpush' } } },
			},
		});
	});

	it('names a recipient field as version 1 shows it, and asks for recipients in 0.1.0’s words', async () => {
		const tags = Array.from({ length: 21 }, (_, n) => `t${n}`).join(',');
		const tooMany = await runEngageLab(sandbox, version1Push({ tags: 'vip', tagsAnd: tags }), {
			typeVersion: 1,
		});
		expect(tooMany.error?.message).toContain('Tags AND');
		expect(tooMany.error?.message).not.toContain('Recipients');
		const none = await runEngageLab(sandbox, version1Push({}), { typeVersion: 1 });
		expect(none.error?.message).toBe(
			'Invalid EngageLab push: Audience: give registration ids, tags, aliases or a segment, or choose Everyone',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('EngageLab’s parameters by version, as n8n resolves them', () => {
	const { description } = new EngageLab();
	const shown = (typeVersion: number, values: INodeParameters) => {
		const node = { typeVersion, parameters: values } as unknown as INode;
		return Object.keys(
			NodeHelpers.getNodeParameters(
				description.properties,
				values,
				true,
				false,
				node,
				description,
			) ?? {},
		);
	};
	const RECIPIENT_FIELDS = [
		'registrationIds',
		'tags',
		'tagsAnd',
		'tagsNot',
		'aliases',
		'segmentId',
	];

	it.each([
		['push', 'send'],
		['groupPush', 'sendToGroup'],
		['schedule', 'createSchedule'],
		['schedule', 'updateSchedule'],
	])(
		'%s → %s: version 1 has Product and the six recipient fields, version 2 Recipients',
		(resource, operation) => {
			const values = { resource, operation, audience: 'targets' };
			const version1 = shown(1, values);
			expect(version1).toEqual(expect.arrayContaining(['product', ...RECIPIENT_FIELDS]));
			expect(version1).not.toContain('to');
			const version2 = shown(2, values);
			expect(version2).toContain('to');
			for (const name of ['product', ...RECIPIENT_FIELDS]) expect(version2).not.toContain(name);
		},
	);

	it('version 1 shows the App Push fields for App Push and the Web Notification for Web Push', () => {
		const base = { resource: 'push', operation: 'send' };
		const app = shown(1, { ...base, product: 'appPush' });
		expect(app).toEqual(expect.arrayContaining(['platforms', 'android', 'ios', 'hmos']));
		expect(app).not.toContain('web');
		const web = shown(1, { ...base, product: 'webPush' });
		expect(web).toContain('web');
		for (const name of ['platforms', 'android', 'ios', 'hmos']) expect(web).not.toContain(name);
		expect(shown(2, base)).toEqual(
			expect.arrayContaining(['platforms', 'android', 'ios', 'hmos', 'web']),
		);
	});
});
