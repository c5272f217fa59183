import { EngageLabApi } from '../../credentials/EngageLabApi.credentials';
import { EngageLabGroupApi } from '../../credentials/EngageLabGroupApi.credentials';
import { EngageLab } from '../../nodes/EngageLab/EngageLab.node';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { testCredential } from './harness';
import {
	engageLabCredentials,
	engageLabGroupCredentials,
	groupPush,
	pushTo,
	runEngageLab,
} from './harness/providers/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	useVirtualTime();
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});
afterEach(() => useWallTime());

const json = (run: { outputs: Array<Array<{ json: unknown }>> }, output = 0) =>
	(run.outputs[output]?.map((item) => item.json) ?? []) as Array<Record<string, unknown>>;
type Body = { to: unknown; body: Record<string, unknown> };
const sent = (index = 0) => sandbox.requests[index].body as Body;

describe("EngageLab through n8n's engine: Push → Send", () => {
	it('sends to registration ids with Basic auth, a derived cid, and the msg_id as text', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo(
				{ registrationIds: 'rid-1, rid-2' },
				{
					android: { title: 'Shop', channel_id: 'orders', intentUrl: 'shop://orders/1' },
					ios: { badge: '+1' },
				},
			),
		);
		expect(run.error).toBeUndefined();
		const request = sandbox.requests[0];
		expect(request.path).toBe('/engagelab-app/v4/push');
		expect(request.headers.authorization).toBe(
			`Basic ${Buffer.from('app-key-1:master-secret-1').toString('base64')}`,
		);
		expect(sent().to).toEqual({ registration_id: ['rid-1', 'rid-2'] });
		expect(sent().body).toMatchObject({
			platform: 'all',
			notification: {
				alert: 'Your order has shipped',
				android: { title: 'Shop', channel_id: 'orders', intent: { url: 'shop://orders/1' } },
				ios: { badge: '+1' },
			},
		});
		const cid = (sent().body.options as { cid: string }).cid;
		expect(cid).toMatch(/^n8n-[A-Za-z0-9_-]{43}$/);
		expect(json(run)).toEqual([
			{ status: 'sent', success: true, cid, recipient: 'rid-1', msgId: expect.any(String) },
			{ status: 'sent', success: true, cid, recipient: 'rid-2', msgId: expect.any(String) },
		]);
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual(['rid-1', 'rid-2']);
	});

	it('reads the Recipients collection: registration ids, tags, tags AND, tags NOT, aliases and a segment', async () => {
		const run = await runEngageLab(sandbox, {
			resource: 'push',
			operation: 'send',
			audience: 'targets',
			to: {
				registrationIds: 'rid-1\nrid-2',
				tags: 'vip\nnew',
				tagsAnd: '={{ ["ru"] }}',
				tagsNot: 'churned',
				aliases: '={{ ["user_1", "user_2"] }}',
				segmentId: ' seg-9 ',
			},
			alert: 'Hello',
		});
		expect(run.error).toBeUndefined();
		expect(sent().to).toEqual({
			registration_id: ['rid-1', 'rid-2'],
			tag: ['vip', 'new'],
			tag_and: ['ru'],
			tag_not: ['churned'],
			alias: ['user_1', 'user_2'],
			seg: { id: 'seg-9' },
		});
	});

	// A node saved by 0.1.0 has typeVersion 1 and runs as it did (engagelab.version1.test.ts); version 2
	// never saved these parameters, and does not read them.
	it('version 2 reads the Recipients collection only: top-level recipient fields are refused before sending, not sent to no one', async () => {
		const run = await runEngageLab(sandbox, {
			resource: 'push',
			operation: 'send',
			product: 'appPush',
			audience: 'targets',
			registrationIds: 'rid-1',
			alert: 'Hello',
		});
		expect(run.error?.message).toContain(
			'Recipients: add registration ids, tags, aliases or a segment',
		);
		expect(sandbox.requests).toHaveLength(0);
		// With its recipients moved under "to", the leftover product is ignored.
		const moved = await runEngageLab(sandbox, {
			resource: 'push',
			operation: 'send',
			product: 'webPush',
			audience: 'targets',
			to: { registrationIds: 'rid-1' },
			alert: 'Hello',
		});
		expect(moved.error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe('/engagelab-app/v4/push');
	});

	it('sends to everyone on chosen platforms', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo(
				{ audience: 'all', platforms: ['android', 'hmos'] },
				{ hmos: { category: 'MARKETING', intentUrl: 'action.system.home' } },
			),
		);
		expect(run.error).toBeUndefined();
		expect(sent()).toMatchObject({
			to: 'all',
			body: {
				platform: ['android', 'hmos'],
				notification: { hmos: { category: 'MARKETING', intent: { url: 'action.system.home' } } },
			},
		});
		expect((sent().body.notification as Record<string, unknown>).ios).toBeUndefined();
	});

	it('sends a custom message instead of a notification', async () => {
		await runEngageLab(
			sandbox,
			pushTo(
				{ registrationIds: 'rid-1' },
				{ content: 'message', message: { msg_content: 'sync', extras: '{"k": 1}' } },
			),
		);
		expect(sent().body).toMatchObject({ message: { msg_content: 'sync', extras: { k: 1 } } });
		expect(sent().body.notification).toBeUndefined();
	});

	it('sends Web Push to the web host with platform web', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo(
				{ aliases: 'user_1' },
				{
					web: { alert: 'Sale', url: 'https://shop.example/sale', title: 'Shop' },
					options: { distribution: 'mtpush_web' },
				},
			),
			{
				credentialOverrides: { product: 'webPush' },
			},
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe('/engagelab-web/v4/push');
		expect(sent().body).toMatchObject({
			platform: 'web',
			notification: { web: { alert: 'Sale', url: 'https://shop.example/sale' } },
			options: { third_party_channel: { w3push: { distribution: 'mtpush' } } },
		});
	});

	it('splits 2,500 registration ids (with duplicates) into pushes of 1,000, each id with its own result', async () => {
		const ids = Array.from({ length: 2500 }, (_, n) => `rid-${n}`);
		const run = await runEngageLab(sandbox, pushTo({ registrationIds: '={{ $json.ids }}' }), {
			items: [{ ids: [...ids, 'rid-5', 'rid-6'] }],
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(3);
		expect(
			sandbox.requests.map(
				(request) =>
					((request.body as Body).to as { registration_id: string[] }).registration_id.length,
			),
		).toEqual([1000, 1000, 500]);
		const cids = sandbox.requests.map(
			(request) => ((request.body as Body).body.options as { cid: string }).cid,
		);
		expect(new Set(cids).size).toBe(3);
		const results = json(run);
		expect(results.map((result) => result.recipient)).toEqual(ids);
		expect(results.find((result) => result.recipient === 'rid-5')).toMatchObject({
			status: 'sent',
			duplicatesRemoved: 1,
		});
		expect(sandbox.deliveries).toHaveLength(2500);
	});

	it('sends options: time to live, APNs, big push, multi-language, plan, request id and custom args', async () => {
		await runEngageLab(
			sandbox,
			pushTo(
				{ registrationIds: 'rid-1' },
				{
					options: {
						timeToLive: 600,
						apnsProduction: false,
						bigPushDuration: 30,
						multiLanguage: '{"en": {"content": "Hi"}}',
						planId: 'plan-1',
						requestId: 'req-7',
						customArgs: '{"campaign": "x"}',
						cid: 'my-cid-1',
						distribution: 'pns_mtpush',
					},
				},
			),
		);
		expect(sent()).toMatchObject({
			request_id: 'req-7',
			custom_args: { campaign: 'x' },
			body: {
				options: {
					time_to_live: 600,
					apns_production: false,
					big_push_duration: 30,
					multi_language: { en: { content: 'Hi' } },
					plan_id: 'plan-1',
					cid: 'my-cid-1',
					third_party_channel: { distribution_new: 'pns_mtpush' },
				},
			},
		});
	});

	it('takes the whole body as JSON', async () => {
		const body = {
			to: { alias: ['a_1'] },
			body: { platform: ['ios'], notification: { ios: { alert: { title: 'T', body: 'B' } } } },
		};
		const run = await runEngageLab(sandbox, {
			resource: 'push',
			operation: 'send',
			bodyInput: 'json',
			bodyJson: JSON.stringify(body),
		});
		expect(run.error).toBeUndefined();
		expect(sent()).toMatchObject(body);
	});

	it.each([
		['Tags NOT alone', pushTo({ tagsNot: 'x' }), 'Tags NOT narrows another audience'],
		[
			'more than 20 tags AND',
			pushTo({ tagsAnd: Array.from({ length: 21 }, (_, n) => `t${n}`).join(',') }),
			'Recipients → Tags AND (to.tag_and): at most 20 tags',
		],
		['a tag over 40 bytes', pushTo({ tags: 'я'.repeat(21) }), 'each must be at most 40 bytes'],
		[
			'more than 1,000 aliases',
			pushTo({ aliases: Array.from({ length: 1001 }, (_, n) => `a${n}`).join(',') }),
			'at most 1000 aliases per push',
		],
		[
			'a notification over 4000 bytes',
			pushTo({ registrationIds: 'r' }, { alert: 'x'.repeat(4001) }),
			'EngageLab accepts at most 4000 (code 21005)',
		],
		[
			'a big push over 1440 minutes',
			pushTo({ registrationIds: 'r' }, { options: { bigPushDuration: 1441 } }),
			'must be at most 1440 minutes',
		],
		[
			'a malformed cid',
			pushTo({ registrationIds: 'r' }, { options: { cid: 'has space' } }),
			'Idempotency Key (CID)',
		],
		[
			'an empty audience',
			pushTo({}),
			'Recipients: add registration ids, tags, aliases or a segment, or choose Audience → Everyone',
		],
		[
			'recipients added but left empty',
			pushTo({ registrationIds: ' ', tags: '', segmentId: '' }),
			'Recipients: add registration ids, tags, aliases or a segment',
		],
		[
			'Web Push fields without a URL',
			pushTo({ aliases: 'u' }, { web: { alert: 'Sale' } }),
			'Web Notification → URL',
			'webPush',
		],
	])(
		'refuses %s before sending anything',
		async (_case, parameters, message, product = 'appPush') => {
			const run = await runEngageLab(sandbox, parameters, { credentialOverrides: { product } });
			expect(run.error?.message).toContain(message);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('refuses Web Notification fields with an App Push credential, naming the field, before sending anything', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo(
				{ registrationIds: 'rid-1, rid-2' },
				{ web: { alert: 'A', url: 'https://x.example' } },
			),
			{ items: [{}, {}] },
		);
		expect(run.error?.message).toBe(
			'Web Notification is for Web Push, but the credential is for App Push',
		);
		expect(run.error?.description).toContain(
			'pick an EngageLab credential whose Product is Web Push',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		['Android', { android: { title: 'Shop' } }],
		['iOS', { ios: { badge: '+1' } }],
		['HarmonyOS', { hmos: { category: 'MARKETING' } }],
		['Platforms', { platforms: ['android'] }],
		['Options → Third-Party Channel Distribution', { options: { distribution: 'pns_mtpush' } }],
	])('refuses %s with a Web Push credential, before sending anything', async (field, extra) => {
		const run = await runEngageLab(
			sandbox,
			pushTo({ aliases: 'u' }, { web: { alert: 'A', url: 'https://x.example' }, ...extra }),
			{ credentialOverrides: { product: 'webPush' } },
		);
		expect(run.error?.message).toBe(`${field} is for App Push, but the credential is for Web Push`);
		expect(run.error?.description).toContain(`clear ${field}`);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a Web Push credential with Platforms left at its default sends to the web; added App fields left empty do not count', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo(
				{ registrationIds: 'rid-1' },
				{
					platforms: ['android', 'ios', 'hmos'],
					android: { title: '' },
					web: { alert: 'Sale', url: 'https://shop.example/sale' },
				},
			),
			{ credentialOverrides: { product: 'webPush' } },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe('/engagelab-web/v4/push');
		expect(sent().body).toMatchObject({
			platform: 'web',
			notification: { web: { alert: 'Sale', url: 'https://shop.example/sale' } },
		});
		expect(Object.keys(sent().body.notification as object).sort()).toEqual(['alert', 'web']);
	});

	it("explains EngageLab's codes: 21011 no target (no id called dead), 21004 credentials", async () => {
		const noTarget = await runEngageLab(sandbox, pushTo({ registrationIds: 'unknown-1' }), {
			onError: 'continueErrorOutput',
		});
		expect(noTarget.outputs[1].map((item) => item.json)).toMatchObject([
			{
				error: 'EngageLab: No device of this app and platform matches the audience (21011)',
				details: { status: 'rejected', recipient: 'unknown-1' },
			},
		]);
		const badKey = await runEngageLab(sandbox, pushTo({ registrationIds: 'r' }), {
			credentialOverrides: { masterSecret: 'wrong' },
		});
		expect(badKey.error?.message).toBe('EngageLab: The credentials were refused (21004)');
		expect(JSON.stringify(badKey.error)).not.toContain('wrong');
	});

	it('keeps to 500 requests per second per AppKey: 23008 answers are retried and every push arrives once', async () => {
		sandbox.configure({ engagelab: { ratePerSecond: 20 } });
		const items = Array.from({ length: 60 }, (_, n) => ({ rid: `rid-${n}` }));
		const run = await runEngageLab(
			sandbox,
			pushTo({ registrationIds: '={{ $json.rid }}' }, { delivery: { requestsPerSecond: 200 } }),
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests.some((request) => request.status === 400)).toBe(true);
		expect(sandbox.deliveries).toHaveLength(60);
		expect(sandbox.duplicates()).toHaveLength(0);
	});

	it('re-sends with the same cid after a lost answer, and EngageLab delivers once', async () => {
		sandbox.configure({ faults: { resetAfterRead: 1, limit: 1, providers: ['engagelab'] } });
		const run = await runEngageLab(
			sandbox,
			pushTo({ registrationIds: 'rid-1' }, { delivery: { maxAttempts: 3 } }),
			{ onError: 'continueRegularOutput' },
		);
		expect(json(run)).toMatchObject([{ status: 'sent', recipient: 'rid-1' }]);
		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.deliveries).toHaveLength(1);
	});
});

describe("EngageLab through n8n's engine: Push → Validate and Group Push", () => {
	it('validates without delivering', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo({ registrationIds: 'rid-1' }, { operation: 'validate' }),
		);
		expect(sandbox.requests[0].path).toBe('/engagelab-app/v4/push/validate');
		expect(json(run)).toMatchObject([{ status: 'validated', success: true, recipient: 'rid-1' }]);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('sends to every app of a group, one result per app, with the group message id', async () => {
		sandbox.engagelab.failingGroupApps.add('app-key-3');
		const run = await runEngageLab(sandbox, groupPush(), { onError: 'continueRegularOutput' });
		expect(run.error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe('/engagelab-app/v4/grouppush');
		expect(sandbox.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from('group-gk-1:group-secret-1').toString('base64')}`,
		);
		const results = json(run);
		expect(results.map((result) => [result.appKey, result.status])).toEqual([
			['app-key-1', 'sent'],
			['app-key-2', 'sent'],
			['app-key-3', 'rejected'],
		]);
		expect(results[0].groupMsgId).toEqual(expect.any(String));
		expect(results[2]).toMatchObject({ providerCode: 21011 });
	});

	it('refuses an app credential picked for a group push, before sending anything', async () => {
		const run = await runEngageLab(sandbox, groupPush({ authentication: 'app' }), {
			credentials: engageLabCredentials(sandbox),
		});
		expect(run.error?.message).toBe('Group Push needs an EngageLab Group API credential');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses Override Message ID on a group push', async () => {
		const run = await runEngageLab(sandbox, groupPush({ options: { overrideMsgId: '123' } }));
		expect(run.error?.message).toContain('not available for group pushes');
	});
});

describe('EngageLab credentials', () => {
	it("pass n8n's credential test without sending, and fail it with a wrong secret", async () => {
		const ok = await testCredential(
			new EngageLabApi(),
			new EngageLab(),
			engageLabCredentials(sandbox).data,
		);
		expect(ok.status).toBe('OK');
		const wrong = await testCredential(
			new EngageLabApi(),
			new EngageLab(),
			engageLabCredentials(sandbox, { masterSecret: 'nope' }).data,
		);
		expect(wrong).toMatchObject({ status: 'Error', message: expect.stringContaining('21004') });
		const group = await testCredential(
			new EngageLabGroupApi(),
			new EngageLab(),
			engageLabGroupCredentials(sandbox).data,
		);
		expect(group.status).toBe('OK');
		const wrongGroup = await testCredential(
			new EngageLabGroupApi(),
			new EngageLab(),
			engageLabGroupCredentials(sandbox, { groupMasterSecret: 'nope' }).data,
		);
		expect(wrongGroup.status).toBe('Error');
		expect(sandbox.deliveries).toHaveLength(0);
	});
});
