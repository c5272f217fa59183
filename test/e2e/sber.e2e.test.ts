import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { startE2E, workflow, type CredentialFixture, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;

const credential = (id: string, clientSecret: string): CredentialFixture => ({
	id,
	name: `Sber ${id}`,
	type: 'sberSmartPushApi',
	data: {
		authMode: 'clientSecret',
		clientId: 'sandbox-client',
		clientSecret,
		scope: 'SMART_PUSH',
		tokenUrl: `${sandbox.baseUrls.sber}/api/v2/oauth`,
		baseUrl: sandbox.baseUrls.sber,
		ignoreSslIssues: false,
	},
});

const lite = {
	resource: 'push',
	operation: 'sendLite',
	projectId: 'sandbox-sber-project',
	clientId: '={{ $json.sub }}',
	surface: 'SBERBOX',
	templateId: 'tpl-order',
	// An expression may give the variables as an object, or as JSON text.
	headerValues: '={{ { name: $json.name } }}',
	bodyValues: '={{ JSON.stringify({ order: "42", date: "today" }) }}',
};

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	const good = credential('sbGood', 'sandbox-secret');
	const bad = credential('sbBad', 'not-the-secret');
	await n8n.importCredentials([good, bad]);
	await n8n.importWorkflows([
		workflow('sbLite', { type: 'sberSmartPush', parameters: lite, credential: good }, [
			{ sub: 'sub-1', name: 'Anna' },
			{ sub: 'sub-2', name: 'Boris' },
			{ sub: 'sub-3', name: 'Vera' },
		]),
		workflow('sbExtended', {
			type: 'sberSmartPush',
			parameters: {
				resource: 'push',
				operation: 'sendExtended',
				projectId: 'sandbox-sber-project',
				clientId: 'sub-7',
				destinations: {
					destination: [
						{
							surface: 'COMPANION',
							templateId: 'tpl-plain',
							parameters: 'mobile',
							deeplinkAndroid: 'salut://x',
						},
					],
				},
				timeFrame: {
					startTime: '10:00:00',
					finishTime: '20:00:00',
					timeZone: 'GMT+03:00',
					startDate: '2026-12-24',
					endDate: '2026-12-26',
				},
			},
			credential: good,
		}),
		workflow('sbBadSecret', { type: 'sberSmartPush', parameters: lite, credential: bad }, [
			{ sub: 'sub-1', name: 'Anna' },
		]),
	]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

describe('Sber SmartPush in a real n8n', () => {
	it('fetches one token for the run and sends each template push', async () => {
		const result = await n8n.execute('sbLite');
		expect(result.ok).toBe(true);
		expect(result.outputs()[0].map((item) => [item.json.status, item.json.clientId])).toEqual([
			['sent', 'sub-1'],
			['sent', 'sub-2'],
			['sent', 'sub-3'],
		]);
		expect(sandbox.sber.tokenRequests).toBe(1);
		expect(
			sandbox.deliveries.map(
				(delivery) =>
					(delivery.body as { templateContent: { headerValues: unknown } }).templateContent
						.headerValues,
			),
		).toEqual(expect.arrayContaining([{ name: 'Anna' }, { name: 'Boris' }, { name: 'Vera' }]));
	}, 120_000);

	it('sends a deferred extended push', async () => {
		const result = await n8n.execute('sbExtended');
		expect(result.ok).toBe(true);
		expect(result.outputs()[0][0].json).toMatchObject({ status: 'sent', clientId: 'sub-7' });
		// Sber takes the time frame in each destination's template content.
		expect(sandbox.deliveries[0].body).toMatchObject({
			deliveryConfig: {
				destinations: [
					{
						templateContent: {
							timeFrame: { startDate: '2026-12-24', endDate: '2026-12-26' },
						},
					},
				],
			},
		});
		expect(sandbox.deliveries[0].body).not.toHaveProperty('deliveryConfig.timeFrame');
	}, 120_000);

	it('fails on a wrong secret without revealing it, and sends nothing', async () => {
		const result = await n8n.execute('sbBadSecret');
		expect(result.ok).toBe(false);
		expect(result.stdout + result.stderr).not.toContain('not-the-secret');
		expect(sandbox.deliveries).toHaveLength(0);
	}, 120_000);
});
