import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { startE2E, workflow, type CredentialFixture, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;

const app = (id: string, masterSecret: string): CredentialFixture => ({
	id,
	name: `EngageLab ${id}`,
	type: 'engageLabApi',
	data: {
		appKey: 'app-key-1',
		masterSecret,
		product: 'appPush',
		dataCenter: 'custom',
		customBaseUrl: `${sandbox.baseUrls.engagelabApp}/v4/`,
	},
});

const push = (extra: Record<string, unknown>) => ({
	resource: 'push',
	operation: 'send',
	audience: 'targets',
	alert: 'Hello',
	...extra,
});

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	const good = app('elGood', 'master-secret-1');
	const bad = app('elBad', 'not-the-secret');
	const group: CredentialFixture = {
		id: 'elGroup',
		name: 'EngageLab group',
		type: 'engageLabGroupApi',
		data: {
			groupKey: 'gk-1',
			groupMasterSecret: 'group-secret-1',
			product: 'appPush',
			dataCenter: 'custom',
			customBaseUrl: sandbox.baseUrls.engagelabApp,
		},
	};
	await n8n.importCredentials([good, bad, group]);
	await n8n.importWorkflows([
		workflow(
			'elIds',
			{
				type: 'engageLab',
				parameters: push({ to: { registrationIds: '={{ $json.ids }}' } }),
				credential: good,
			},
			[{ ids: Array.from({ length: 1500 }, (_, n) => `rid-${n}`) }],
		),
		workflow('elBad', {
			type: 'engageLab',
			parameters: push({ to: { tags: 'vip' } }),
			credential: bad,
		}),
		workflow('elGroupPush', {
			type: 'engageLab',
			parameters: { ...push({ audience: 'all' }), resource: 'groupPush', operation: 'sendToGroup' },
			credential: group,
		}),
	]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

describe('EngageLab in a real n8n', () => {
	it('splits 1,500 registration ids into two pushes with their own idempotency keys, one result per id', async () => {
		const result = await n8n.execute('elIds');
		expect(result.ok).toBe(true);
		const items = result.outputs()[0];
		expect(items).toHaveLength(1500);
		expect(items.every((item) => item.json.status === 'sent')).toBe(true);
		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.deliveries).toHaveLength(1500);
	}, 120_000);

	it('explains a refused Master Secret without revealing it', async () => {
		const result = await n8n.execute('elBad');
		expect(result.error?.message).toBe('EngageLab: The credentials were refused (21004)');
		expect(result.stdout + result.stderr).not.toContain('not-the-secret');
	}, 120_000);

	it('sends a group push with one result per app', async () => {
		const result = await n8n.execute('elGroupPush');
		expect(result.ok).toBe(true);
		expect(result.outputs()[0].map((item) => item.json.appKey)).toEqual([
			'app-key-1',
			'app-key-2',
			'app-key-3',
		]);
	}, 120_000);
});
