import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { DEVICE_STATUS_TEXTS } from '../fixtures/provider-docs/engagelab';
import { pushTo, runEngageLab } from './harness/providers/engagelab';

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

type Item = Record<string, unknown>;
const json = (run: { outputs: Array<Array<{ json: unknown }>> }) =>
	(run.outputs[0]?.map((item) => item.json) ?? []) as Item[];
const op = (resource: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	...extra,
});
const last = () => sandbox.requests[sandbox.requests.length - 1];

async function sendTo(registrationIds: string, credentialOverrides = {}, extra = {}) {
	const run = await runEngageLab(sandbox, pushTo({ registrationIds }, extra), {
		credentialOverrides,
	});
	expect(run.error).toBeUndefined();
	return String(json(run)[0].msgId);
}

describe('EngageLab Message → Get Report', () => {
	it("reads a sent push's statistics, one item with readable totals and channels", async () => {
		const msgId = await sendTo('rid-1, rid-2');
		const run = await runEngageLab(sandbox, op('message', 'getReport'), {
			items: [{ msgId }],
		});
		expect(run.error).toBeUndefined();
		expect(last().method).toBe('GET');
		expect(last().path).toBe('/engagelab-app/v4/status/detail');
		expect(new URLSearchParams(last().query).get('message_ids')).toBe(msgId);
		const [report] = json(run);
		expect(report).toMatchObject({
			status: 'sent',
			msgId,
			targets: 2,
			sent: 2,
			delivered: 2,
			impressions: 0,
			clicks: 0,
			notification: { targets: 2, delivered: 2 },
		});
		// Singular names in the answer ("target", "click") come out plural.
		expect(report.channels).toContainEqual({
			kind: 'notification',
			platform: 'android',
			channel: 'engageLab_android',
			targets: 2,
			sent: 2,
			delivered: 2,
			impressions: 0,
			clicks: 0,
		});
		expect(report.channels).toContainEqual(
			expect.objectContaining({ platform: 'ios', channel: 'apns', targets: 0 }),
		);
	});

	it('splits 250 ids into calls of 100, one item per id; unknown ids say so', async () => {
		const msgId = await sendTo('rid-1');
		const ids = [msgId, ...Array.from({ length: 249 }, (_, n) => `9${n}`)];
		const run = await runEngageLab(
			sandbox,
			op('message', 'getReport', { messageIds: '={{ $json.ids }}' }),
			{ items: [{ ids }] },
		);
		expect(run.error).toBeUndefined();
		const calls = sandbox.requests.filter((request) => request.path.endsWith('/status/detail'));
		expect(
			calls.map(
				(call) => (new URLSearchParams(call.query).get('message_ids') ?? '').split(',').length,
			),
		).toEqual([100, 100, 50]);
		const items = json(run);
		expect(items.map((item) => item.msgId)).toEqual(ids);
		expect(items[0]).toMatchObject({ status: 'sent', targets: 1 });
		expect(items[1]).toMatchObject({
			status: 'rejected',
			success: false,
			reason: 'No statistics for this message id',
		});
	});

	it('a throttled call (23008) is retried: every id still gets its report', async () => {
		const msgId = await sendTo('rid-1');
		// EngageLab allows this app one request a second; the node is told it may send 50.
		sandbox.configure({ engagelab: { ratePerSecond: 1 } });
		const ids = [msgId, ...Array.from({ length: 150 }, (_, n) => `9${n}`)];
		const run = await runEngageLab(
			sandbox,
			op('message', 'getReport', {
				messageIds: '={{ $json.ids }}',
				delivery: { requestsPerSecond: 50 },
			}),
			{ items: [{ ids }] },
		);
		expect(run.error).toBeUndefined();
		const calls = sandbox.requests.filter((request) => request.path.endsWith('/status/detail'));
		expect(calls.some((call) => call.status === 400)).toBe(true);
		expect(calls.filter((call) => call.status === 200)).toHaveLength(2);
		expect(json(run)).toHaveLength(151);
		expect(json(run)[0]).toMatchObject({ status: 'sent', msgId, targets: 1 });
	});

	it('Web Push reads /v4/messages/details', async () => {
		const msgId = await sendTo(
			'rid-1',
			{ product: 'webPush' },
			{ web: { alert: 'Sale', url: 'https://shop.example' } },
		);
		const run = await runEngageLab(sandbox, op('message', 'getReport', { messageIds: msgId }), {
			credentialOverrides: { product: 'webPush' },
		});
		expect(run.error).toBeUndefined();
		expect(last().path).toBe('/engagelab-web/v4/messages/details');
		expect(json(run)[0].channels).toContainEqual(
			expect.objectContaining({ platform: 'web', channel: 'engageLab_web', targets: 1 }),
		);
	});
});

describe('EngageLab Message → Recall', () => {
	it('recalls a push once; a second recall is refused with the limits explained', async () => {
		const msgId = await sendTo('rid-1');
		const run = await runEngageLab(sandbox, op('message', 'recall'), { items: [{ msgId }] });
		expect(run.error).toBeUndefined();
		expect(last()).toMatchObject({
			method: 'DELETE',
			path: `/engagelab-app/v4/push/withdraw/${msgId}`,
		});
		expect(json(run)).toEqual([{ status: 'sent', success: true, msgId, recalled: true }]);

		const again = await runEngageLab(sandbox, op('message', 'recall'), { items: [{ msgId }] });
		expect(again.error?.message).toContain('cannot be recalled');
		expect(again.error?.description).toContain('within one day');
	});

	it('refuses a push older than a day, and an unknown id (21003), without retrying', async () => {
		const msgId = await sendTo('rid-1');
		sandbox.engagelab.lifecycle.age(msgId, 25 * 3600 * 1000);
		const old = await runEngageLab(sandbox, op('message', 'recall', { messageId: msgId }));
		expect(old.error?.message).toMatch(/cannot be recalled.*21003/);
		const unknown = await runEngageLab(sandbox, op('message', 'recall', { messageId: '123' }), {
			onError: 'continueRegularOutput',
		});
		expect(json(unknown)[0]).toMatchObject({
			status: 'rejected',
			msgId: '123',
			providerCode: 21003,
		});
		expect(sandbox.requests.filter((request) => request.method === 'DELETE')).toHaveLength(2);
	});

	it('a recall whose answer is lost (503 then nothing) is not sent again', async () => {
		const msgId = await sendTo('rid-1');
		sandbox.configure({ faults: { resetAfterRead: 1, providers: ['engagelab'] } });
		const run = await runEngageLab(sandbox, op('message', 'recall', { messageId: msgId }), {
			onError: 'continueRegularOutput',
		});
		expect(json(run)[0]).toMatchObject({ status: 'unknown', msgId });
		expect(sandbox.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
	});
});

describe('EngageLab Message → Get Device Status', () => {
	it('answers per registration id', async () => {
		const msgId = await sendTo('rid-1, rid-2');
		const run = await runEngageLab(
			sandbox,
			op('message', 'getDeviceStatus', { registrationIds: 'rid-1, rid-9' }),
			{ items: [{ msgId }] },
		);
		expect(run.error).toBeUndefined();
		expect(last().path).toBe('/engagelab-app/v4/status/message');
		const query = new URLSearchParams(last().query);
		expect(query.get('message_id')).toBe(msgId);
		expect(query.get('registration_ids')).toBe('rid-1,rid-9');
		// Status texts as EngageLab's SDKs show them (provider-docs: deviceStatus), with the raw entry.
		expect(json(run)).toEqual([
			{
				status: 'sent',
				success: true,
				msgId,
				registrationId: 'rid-1',
				deliveryStatus: DEVICE_STATUS_TEXTS.delivered,
				raw: { status: DEVICE_STATUS_TEXTS.delivered },
			},
			{
				status: 'sent',
				success: true,
				msgId,
				registrationId: 'rid-9',
				deliveryStatus: DEVICE_STATUS_TEXTS.failed,
				errorMessage: 'not a target of this message',
				raw: { status: DEVICE_STATUS_TEXTS.failed, error_message: 'not a target of this message' },
			},
		]);
	});
});

describe('EngageLab App Push-only operations with a Web Push credential', () => {
	it.each([
		['recall', { messageId: '1828256757' }, 'Recall is not available for Web Push'],
		[
			'getDeviceStatus',
			{ messageId: '1828256757', registrationIds: 'rid-1' },
			'Get Device Status is not available for Web Push',
		],
	])('%s is refused before anything is sent', async (operation, fields, message) => {
		const run = await runEngageLab(sandbox, op('message', operation, fields), {
			credentialOverrides: { product: 'webPush' },
		});
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toContain('App Push only');
		expect(sandbox.requests).toHaveLength(0);
	});
});

const inDays = (days: number) =>
	new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

const createSchedule = (extra: INodeParameters = {}): INodeParameters => ({
	...pushTo({ registrationIds: 'rid-1' }),
	resource: 'schedule',
	operation: 'createSchedule',
	scheduleName: 'Weekly_digest',
	triggerType: 'single',
	time: inDays(2),
	...extra,
});

describe('EngageLab Schedule', () => {
	it('creates, gets, lists, updates and deletes a task whose push is built like Push → Send', async () => {
		// The time the schedule was given, not a second reading of the wall clock (it may have ticked on).
		const schedule = createSchedule();
		const created = await runEngageLab(sandbox, schedule);
		expect(created.error).toBeUndefined();
		const body = last().body as Record<string, unknown>;
		expect(body).toMatchObject({
			name: 'Weekly_digest',
			enabled: true,
			trigger: { single: { time: schedule.time, zone_type: 1 } },
			push: {
				to: { registration_id: ['rid-1'] },
				body: { platform: 'all', notification: { alert: 'Your order has shipped' } },
			},
		});
		// A task sends its push many times: no generated idempotency key.
		expect(JSON.stringify(body)).not.toContain('"cid"');
		const scheduleId = String(json(created)[0].scheduleId);
		expect(json(created)[0]).toMatchObject({ status: 'sent', name: 'Weekly_digest' });

		// EngageLab's SDKs read a list of tasks (provider-docs: scheduleGet): one item per task, with
		// every field they show and the raw answer.
		const got = await runEngageLab(sandbox, op('schedule', 'getSchedule', { scheduleId }));
		expect(json(got)).toHaveLength(1);
		const task = json(got)[0];
		expect(task).toMatchObject({
			status: 'sent',
			scheduleId,
			name: 'Weekly_digest',
			enabled: true,
			trigger: body.trigger,
			push: body.push,
		});
		expect(Object.keys(task)).not.toContain('0');
		expect(task.raw).toEqual([{ schedule_id: scheduleId, ...(body as object) }]);

		await runEngageLab(sandbox, createSchedule({ scheduleName: 'Second' }));
		const list = await runEngageLab(sandbox, op('schedule', 'listSchedules', { page: 1 }));
		expect(last().query).toBe('page=1');
		expect(json(list).map((item) => item.name)).toEqual(['Weekly_digest', 'Second']);
		expect(json(list)[0]).toMatchObject({ totalCount: 2, totalPages: 1, page: 1 });

		const updated = await runEngageLab(
			sandbox,
			createSchedule({
				operation: 'updateSchedule',
				scheduleId,
				scheduleName: 'Daily_digest',
				enabled: false,
				triggerType: 'periodical',
				start: inDays(1),
				end: inDays(60),
				timeOfDay: '09:30:00',
				timeUnit: 'week',
				weekDays: ['MON', 'FRI'],
			}),
		);
		expect(updated.error).toBeUndefined();
		expect(last()).toMatchObject({
			method: 'PUT',
			path: `/engagelab-app/v4/schedules/${scheduleId}`,
		});
		expect(json(updated)[0]).toMatchObject({
			scheduleId,
			name: 'Daily_digest',
			enabled: false,
			trigger: { periodical: { time_unit: 'week', point: ['MON', 'FRI'], time: '09:30:00' } },
		});

		const deleted = await runEngageLab(sandbox, op('schedule', 'deleteSchedule', { scheduleId }));
		expect(json(deleted)).toEqual([{ status: 'sent', success: true, scheduleId, deleted: true }]);
		expect(sandbox.engagelab.lifecycle.schedules.has(String(scheduleId))).toBe(false);
	});

	it.each([
		[{ scheduleName: 'x'.repeat(256) }, 'Name (name): at most 255 bytes'],
		// The Scheduled Tasks page's characters (provider-docs: scheduleName).
		[
			{ scheduleName: 'Weekly digest' },
			'Name (name): may hold only letters, digits, underscores and Chinese characters (not space)',
		],
		[{ time: '2026-12-24T9:00' }, 'Time (trigger.single.time): must be "yyyy-MM-dd HH:mm:ss"'],
		[{ time: inDays(400) }, 'must be at most one year ahead'],
		[
			{ triggerType: 'periodical', start: inDays(1), end: inDays(400), timeOfDay: '09:00:00' },
			'the period may span at most one year',
		],
		[
			{
				triggerType: 'periodical',
				start: inDays(1),
				end: inDays(30),
				timeOfDay: '09:00:00',
				timeUnit: 'week',
			},
			'must list week days',
		],
		[
			{
				triggerType: 'periodical',
				start: inDays(1),
				end: inDays(30),
				timeOfDay: '9h',
				timeUnit: 'day',
			},
			'must be "HH:mm:ss"',
		],
	])('refuses %j before sending', async (extra, message) => {
		const run = await runEngageLab(sandbox, createSchedule(extra as INodeParameters));
		expect(run.error?.message).toContain(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a schedule takes its product from the credential: Web Notification fields with an App Push credential are refused', async () => {
		const run = await runEngageLab(
			sandbox,
			createSchedule({ web: { alert: 'Sale', url: 'https://shop.example' } }),
		);
		expect(run.error?.message).toBe(
			'Web Notification is for Web Push, but the credential is for App Push',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a schedule with no recipients added is refused before sending', async () => {
		const run = await runEngageLab(sandbox, createSchedule({ to: {} }));
		expect(run.error?.message).toContain(
			'Recipients: add registration ids, tags, aliases or a segment',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('an unknown schedule id is refused by EngageLab (21003)', async () => {
		const run = await runEngageLab(sandbox, op('schedule', 'getSchedule', { scheduleId: 'nope' }));
		expect(run.error?.message).toContain('21003');
	});
});

describe('EngageLab Device, Tag and Alias', () => {
	it("sets tags and an alias, reads them back, counts the tag's devices and removes them", async () => {
		const update = (extra: INodeParameters) =>
			runEngageLab(sandbox, op('device', 'updateDevice', { registrationId: 'rid-1', ...extra }));
		const set = await update({ tagsToAdd: 'vip, ru', aliasAction: 'set', alias: 'user_1' });
		expect(set.error).toBeUndefined();
		expect(last()).toMatchObject({ method: 'POST', path: '/engagelab-app/v4/devices/rid-1' });
		expect(last().body).toEqual({ tags: { add: ['vip', 'ru'] }, alias: 'user_1' });
		expect(json(set)[0]).toMatchObject({
			status: 'sent',
			registrationId: 'rid-1',
			tagsAdded: ['vip', 'ru'],
			alias: 'user_1',
		});

		const got = await runEngageLab(sandbox, op('device', 'getDevice', { registrationId: 'rid-1' }));
		expect(json(got)[0]).toMatchObject({
			registrationId: 'rid-1',
			tags: ['vip', 'ru'],
			alias: 'user_1',
		});

		await runEngageLab(
			sandbox,
			op('tag', 'updateTag', { tag: 'vip', registrationIdsToAdd: 'rid-2, rid-3' }),
		);
		const counts = await runEngageLab(sandbox, op('tag', 'countTags', { tags: 'vip, ru, none' }));
		expect(new URLSearchParams(last().query).get('tags')).toBe('vip,ru,none');
		expect(json(counts).map((item) => [item.tag, item.count])).toEqual([
			['vip', 3],
			['ru', 1],
			['none', 0],
		]);

		const alias = await runEngageLab(sandbox, op('alias', 'getAlias', { alias: 'user_1' }));
		expect(json(alias)[0]).toMatchObject({ alias: 'user_1', registrationIds: ['rid-1'] });
		await runEngageLab(sandbox, op('alias', 'deleteAlias', { alias: 'user_1' }));
		await runEngageLab(sandbox, op('tag', 'deleteTag', { tag: 'vip', platform: 'android' }));
		expect(last()).toMatchObject({
			method: 'DELETE',
			path: '/engagelab-app/v4/tags/vip',
			query: 'platform=android',
		});
		await update({ removeAllTags: true });
		expect(last().body).toEqual({ tags: '' });
		const after = await runEngageLab(
			sandbox,
			op('device', 'getDevice', { registrationId: 'rid-1' }),
		);
		expect(json(after)[0]).toMatchObject({ tags: [], alias: '' });

		const deleted = await runEngageLab(
			sandbox,
			op('device', 'deleteDevice', { registrationId: 'rid-1' }),
		);
		expect(json(deleted)[0]).toMatchObject({ registrationId: 'rid-1', deleted: true });
		const gone = await runEngageLab(
			sandbox,
			op('device', 'getDevice', { registrationId: 'rid-1' }),
		);
		expect(gone.error?.message).toContain('21003');
	});

	it('checks tag and alias lengths before sending; EngageLab refuses a 101st tag', async () => {
		const long = 'x'.repeat(41);
		const tag = await runEngageLab(
			sandbox,
			op('device', 'updateDevice', { registrationId: 'rid-1', tagsToAdd: long }),
		);
		expect(tag.error?.message).toContain('Tags to Add (tags.add.0): at most 40 bytes');
		const alias = await runEngageLab(
			sandbox,
			op('device', 'updateDevice', { registrationId: 'rid-1', aliasAction: 'set', alias: long }),
		);
		expect(alias.error?.message).toContain('Alias (alias): at most 40 bytes');
		const tooMany = await runEngageLab(
			sandbox,
			op('device', 'updateDevice', {
				registrationId: 'rid-1',
				tagsToAdd: Array.from({ length: 101 }, (_, n) => `t${n}`).join(','),
			}),
		);
		expect(tooMany.error?.message).toContain('at most 100 tags per device');
		expect(sandbox.requests).toHaveLength(0);

		const tags = (from: number) => Array.from({ length: 60 }, (_, n) => `t${from + n}`).join(',');
		await runEngageLab(
			sandbox,
			op('device', 'updateDevice', { registrationId: 'rid-1', tagsToAdd: tags(0) }),
		);
		const over = await runEngageLab(
			sandbox,
			op('device', 'updateDevice', { registrationId: 'rid-1', tagsToAdd: tags(60) }),
		);
		expect(over.error?.message).toContain('21003');
	});
});

describe('EngageLab Tag → Count Devices on Web Push', () => {
	it('a Web Push app counts with platform web on its own host; an App Push platform is refused first', async () => {
		const web = { credentialOverrides: { product: 'webPush' } };
		const counted = await runEngageLab(
			sandbox,
			op('tag', 'countTags', { tags: 'vip', platform: 'web' }),
			web,
		);
		expect(counted.error).toBeUndefined();
		expect(last().path).toBe('/engagelab-web/v4/tags_count');
		expect(new URLSearchParams(last().query).get('platform')).toBe('web');
		expect(json(counted)[0]).toMatchObject({ status: 'sent', tag: 'vip', count: 0 });

		sandbox.reset();
		const refused = await runEngageLab(
			sandbox,
			op('tag', 'countTags', { tags: 'vip', platform: 'android' }),
			web,
		);
		expect(refused.error?.message).toContain('is for App Push apps');
		expect(sandbox.requests).toHaveLength(0);
	});
});
