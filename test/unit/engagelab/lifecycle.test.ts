import {
	buildDeviceStatusRequest,
	buildDeviceUpdateRequest,
	buildRecallRequest,
	buildReportRequest,
	buildTagCountRequest,
	buildTagUpdateRequest,
} from '../../../nodes/EngageLab/hooks/lifecycleRequests';
import {
	deviceStatusPlan,
	reportPlan,
	scheduleGetPlan,
	scheduleListPlan,
	tagCountPlan,
} from '../../../nodes/EngageLab/hooks/lifecyclePlans';
import {
	deviceUpdateSchema,
	labelSchema,
	parseDateTime,
	scheduleSchema,
	triggerSchema,
} from '../../../nodes/EngageLab/lifecycleSchema';
import { channelRows, flattenReport, metricsOf } from '../../../nodes/EngageLab/report';
import { targetsSchema } from '../../../nodes/EngageLab/schema';
import {
	engageLabLifecycleAnswers,
	engageLabLifecycleRules,
} from '../../fixtures/provider-docs/engagelab';
import { singleContext } from '../../support/singleContext';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const credentials = {
	appKey: 'k',
	masterSecret: 's',
	product: 'appPush',
	dataCenter: 'sgp',
};
const request = { url: '' };

describe('EngageLab report flattening', () => {
	const stats = {
		targets: 10,
		sent: 9,
		delivered: 8,
		impressions: 5,
		clicks: 2,
		sub: {
			notification: {
				target: 10,
				sent: 9,
				delivered: 8,
				impression: 5,
				click: 2,
				sub_android: {
					engageLab_android: { target: 4, sent: 4, delivered: 4, impressions: 2, click: 1 },
					huawei: { target: 3, sent: 2, delivered: 2, impressions: 1, click: 0 },
				},
				sub_ios: { apns: { target: 3, sent: 3, delivered: 2, impressions: 2, clicks: 1 } },
			},
			message: { target: 0, sent: 0, delivered: 0, click: 0, sub_android: {} },
		},
	};

	it('names every count in the plural, whatever the answer spells', () => {
		expect(metricsOf({ target: 1, click: 2, impression: 3, extra: 'x', nested: {} })).toEqual({
			targets: 1,
			clicks: 2,
			impressions: 3,
			extra: 'x',
		});
	});

	it('one row per kind, platform and channel', () => {
		const rows = channelRows(stats.sub);
		expect(rows).toContainEqual({
			kind: 'notification',
			platform: 'android',
			channel: 'huawei',
			targets: 3,
			sent: 2,
			delivered: 2,
			impressions: 1,
			clicks: 0,
		});
		expect(rows).toContainEqual(
			expect.objectContaining({
				kind: 'notification',
				platform: 'ios',
				channel: 'apns',
				clicks: 1,
			}),
		);
		// A platform with no channels still shows (empty), so a workflow sees it was asked.
		expect(rows).toContainEqual({ kind: 'message', platform: 'android', channel: '' });
	});

	it('totals first, then each kind, then the channels; missing totals are 0', () => {
		const flat = flattenReport('42', stats);
		expect(flat).toMatchObject({
			msgId: '42',
			targets: 10,
			sent: 9,
			delivered: 8,
			impressions: 5,
			clicks: 2,
			notification: { targets: 10, clicks: 2, impressions: 5 },
			message: { targets: 0 },
		});
		expect((flat.channels as unknown[]).length).toBe(4);
		expect(flattenReport('1', {})).toEqual({
			msgId: '1',
			targets: 0,
			sent: 0,
			delivered: 0,
			impressions: 0,
			clicks: 0,
			channels: [],
		});
	});
});

describe('EngageLab schedule rules', () => {
	const push = { to: 'all', body: { platform: 'all', notification: { alert: 'x' } } };
	const check = (trigger: unknown, name = 'Task') =>
		scheduleSchema(NOW).safeParse({ name, enabled: true, trigger, push });
	const messages = (result: ReturnType<typeof check>) =>
		result.success ? [] : result.error.issues.map((issue) => issue.message);

	it('reads strict "yyyy-MM-dd HH:mm:ss" dates only', () => {
		expect(parseDateTime('2026-12-24 09:00:00')).toBe(Date.UTC(2026, 11, 24, 9));
		expect(parseDateTime('2026-02-30 09:00:00')).toBeUndefined();
		expect(parseDateTime('2026-12-24T09:00:00')).toBeUndefined();
		expect(parseDateTime('2026-12-24 24:00:00')).toBeUndefined();
	});

	it('single: not in the past, at most a year ahead', () => {
		expect(check({ single: { time: '2027-06-01 09:00:00', zone_type: 2 } }).success).toBe(true);
		// A day's slack: the task's time zone may be ahead of n8n's.
		expect(check({ single: { time: '2026-11-30 18:00:00' } }).success).toBe(true);
		expect(messages(check({ single: { time: '2026-11-29 09:00:00' } }))).toEqual([
			'must not be in the past',
		]);
		expect(messages(check({ single: { time: '2028-01-01 09:00:00' } }))).toEqual([
			'must be at most one year ahead',
		]);
		expect(messages(check({ single: { time: '2027-06-01 09:00:00', zone_type: 3 } }))).toHaveLength(
			1,
		);
	});

	it('periodical: span, time and the points of each unit', () => {
		const period = { start: '2026-12-02 00:00:00', end: '2027-03-01 00:00:00', time: '09:00:00' };
		expect(check({ periodical: { ...period, time_unit: 'day' } }).success).toBe(true);
		expect(check({ periodical: { ...period, time_unit: 'week', point: ['MON'] } }).success).toBe(
			true,
		);
		expect(
			check({ periodical: { ...period, time_unit: 'month', point: ['01', '31'] } }).success,
		).toBe(true);
		expect(
			messages(check({ periodical: { ...period, time_unit: 'day', point: ['MON'] } })),
		).toEqual(['takes no days when the unit is day']);
		expect(
			messages(check({ periodical: { ...period, time_unit: 'month', point: ['32'] } }))[0],
		).toContain('days of the month');
		expect(
			messages(check({ periodical: { ...period, end: '2028-01-01 00:00:00', time_unit: 'day' } })),
		).toEqual(['the period may span at most one year']);
		expect(
			messages(check({ periodical: { ...period, end: '2026-12-01 00:00:00', time_unit: 'day' } })),
		).toEqual(['must be after the start']);
	});

	it('exactly one trigger, and a name of at most 255 bytes (UTF-8)', () => {
		expect(triggerSchema(NOW).safeParse({}).success).toBe(false);
		expect(messages(check({ single: { time: '2027-01-01 00:00:00' } }, '中'.repeat(86)))).toEqual([
			'at most 255 bytes',
		]);
	});

	it("a name of EngageLab's characters, as its Scheduled Tasks page gives them (fixture)", () => {
		const rule = engageLabLifecycleRules.scheduleName.value;
		for (const name of rule.accepted)
			expect([name, messages(check({ single: { time: '2027-01-01 00:00:00' } }, name))]).toEqual([
				name,
				[],
			]);
		for (const name of rule.refused)
			expect(
				messages(check({ single: { time: '2027-01-01 00:00:00' } }, name)).length,
			).toBeGreaterThan(0);
		expect(messages(check({ single: { time: '2027-01-01 00:00:00' } }, 'Weekly digest'))).toEqual([
			'may hold only letters, digits, underscores and Chinese characters (not space)',
		]);
	});
});

describe('EngageLab tag and alias rule (Tag Alias page and SDK error codes, fixture)', () => {
	const rule = engageLabLifecycleRules.label.value;
	it.each(rule.accepted)('accepts %s, in the lifecycle fields and in a push audience', (label) => {
		expect(labelSchema.safeParse(label).success).toBe(true);
		expect(targetsSchema.safeParse({ tag: [label], alias: [label] }).success).toBe(true);
	});
	it.each(rule.refused)('refuses %s, in the lifecycle fields and in a push audience', (label) => {
		expect(labelSchema.safeParse(label).success).toBe(false);
		const issues = targetsSchema.safeParse({ tag: [label], alias: [label] }).error?.issues ?? [];
		expect(issues.map((issue) => issue.path.join('.'))).toEqual(['tag.0', 'alias.0']);
	});
	it('names the characters it refuses', () => {
		expect(labelSchema.safeParse('user-1 x').error?.issues[0].message).toBe(
			'may hold only letters, digits, underscores, Chinese characters and @!#$&*+=. (not "-", space)',
		);
	});
});

describe('EngageLab device update rules', () => {
	it('tags at most 40 bytes, at most 100 added, something to change', () => {
		expect(deviceUpdateSchema.safeParse({ tags: { add: ['vip'] } }).success).toBe(true);
		expect(deviceUpdateSchema.safeParse({ clearTags: true }).success).toBe(true);
		expect(deviceUpdateSchema.safeParse({ tags: { add: ['ж'.repeat(21)] } }).success).toBe(false);
		expect(
			deviceUpdateSchema.safeParse({
				tags: { add: Array.from({ length: 101 }, (_, n) => `t${n}`) },
			}).success,
		).toBe(false);
		expect(deviceUpdateSchema.safeParse({}).success).toBe(false);
	});
});

describe('EngageLab lifecycle requests', () => {
	it('report: App Push and Web Push paths, ids in the query', async () => {
		const app = await buildReportRequest.call(
			singleContext({ messageIds: '1, 2\n3' }, { credentials }),
			request,
		);
		expect(app).toMatchObject({
			url: 'https://pushapi-sgp.engagelab.com/v4/status/detail',
			qs: { message_ids: '1,2,3' },
		});
		const web = await buildReportRequest.call(
			singleContext({ messageIds: ['4'] }, { credentials: { ...credentials, product: 'webPush' } }),
			request,
		);
		expect(web.url).toBe('https://webpushapi-sgp.engagelab.com/v4/messages/details');
	});

	it('recall: the id in the path; empty and "/" refused', async () => {
		const built = await buildRecallRequest.call(
			singleContext({ messageId: ' 1828256757 ' }, { credentials }),
			request,
		);
		expect(built.url).toBe('https://pushapi-sgp.engagelab.com/v4/push/withdraw/1828256757');
		await expect(
			buildRecallRequest.call(singleContext({ messageId: '' }, { credentials }), request),
		).rejects.toThrow('Message ID must not be empty');
		await expect(
			buildRecallRequest.call(singleContext({ messageId: 'a/b' }, { credentials }), request),
		).rejects.toThrow('must not contain "/"');
	});

	it('App Push-only operations (fixture: appPushOnly) refuse a Web Push credential before sending', async () => {
		const web = { credentials: { ...credentials, product: 'webPush' } };
		expect(engageLabLifecycleRules.appPushOnly.value).toEqual(['recall', 'getDeviceStatus']);
		await expect(
			buildRecallRequest.call(singleContext({ messageId: '1' }, web), request),
		).rejects.toThrow('Recall is not available for Web Push');
		await expect(
			buildDeviceStatusRequest.call(
				singleContext({ messageId: '1', registrationIds: 'r1' }, web),
				request,
			),
		).rejects.toThrow('Get Device Status is not available for Web Push');
	});

	it("tag count: the platform must match the credential's product (fixture: tagCountPlatforms)", async () => {
		const { appPush, webPush } = engageLabLifecycleRules.tagCountPlatforms.value;
		const web = { credentials: { ...credentials, product: 'webPush' } };
		for (const platform of webPush) {
			const built = await buildTagCountRequest.call(
				singleContext({ tags: 'vip', platform }, web),
				request,
			);
			expect(built.qs).toEqual({ tags: 'vip', platform });
			await expect(
				buildTagCountRequest.call(
					singleContext({ tags: 'vip', platform }, { credentials }),
					request,
				),
			).rejects.toThrow('is for Web Push apps');
		}
		for (const platform of appPush)
			await expect(
				buildTagCountRequest.call(singleContext({ tags: 'vip', platform }, web), request),
			).rejects.toThrow('is for App Push apps');
	});

	it('device update: tags to add and remove, remove all, alias set and removed', async () => {
		const build = async (parameters: Record<string, unknown>) =>
			(
				await buildDeviceUpdateRequest.call(
					singleContext({ registrationId: 'rid-1', ...parameters }, { credentials }),
					request,
				)
			).body;
		expect(await build({ tagsToAdd: 'a, b', tagsToRemove: 'c' })).toEqual({
			tags: { add: ['a', 'b'], remove: ['c'] },
		});
		expect(await build({ removeAllTags: true, aliasAction: 'remove' })).toEqual({
			tags: '',
			alias: '',
		});
		expect(await build({ aliasAction: 'set', alias: ' user_1 ' })).toEqual({ alias: 'user_1' });
		await expect(build({})).rejects.toThrow('give tags to add or remove');
		await expect(build({ removeAllTags: true, tagsToAdd: 'a' })).rejects.toThrow(
			'cannot be combined',
		);
	});

	it('tags: counts in the query with the platform; a tag update names its ids', async () => {
		const count = await buildTagCountRequest.call(
			singleContext({ tags: 'a,b', platform: 'ios' }, { credentials }),
			request,
		);
		expect(count.qs).toEqual({ tags: 'a,b', platform: 'ios' });
		const update = await buildTagUpdateRequest.call(
			singleContext({ tag: 'vip', registrationIdsToRemove: 'r1' }, { credentials }),
			request,
		);
		expect(update).toMatchObject({
			url: 'https://pushapi-sgp.engagelab.com/v4/tags/vip',
			body: { registration_ids: { remove: ['r1'] } },
		});
		await expect(
			buildTagUpdateRequest.call(singleContext({ tag: 'vip' }, { credentials }), request),
		).rejects.toThrow('give registration ids to add or remove');
	});
});

describe('EngageLab lifecycle answers', () => {
	const context = singleContext({ messageId: '7' });

	it('report: ids the answer lacks are rejected, each id its own item', () => {
		const outcomes = reportPlan.accepted(context, { '1': { targets: 1 } }, ['1', '2']);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'rejected']);
		expect(outcomes[1].failure?.meaning).toBe('No statistics for this message id');
	});

	it("device status: the SDKs' status texts (fixture) kept as deliveryStatus, with the raw entry", () => {
		const { answer, request: asked } = engageLabLifecycleAnswers.deviceStatus;
		const ids = asked.query.registration_ids.split(',');
		const body = answer.body as Record<string, Record<string, string>>;
		const outcomes = deviceStatusPlan.accepted(context, body, ids);
		expect(outcomes.map((outcome) => outcome.json)).toEqual([
			{ registrationId: 'reg1', deliveryStatus: 'delivered', raw: body.reg1 },
			{
				registrationId: 'reg2',
				deliveryStatus: 'failed',
				errorMessage: 'device offline',
				raw: body.reg2,
			},
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
	});

	it('device status: a number, the other reading, is passed on as it came', () => {
		const [outcome] = deviceStatusPlan.accepted(
			context,
			{ r1: { status: 2, error_message: 'offline' } },
			['r1'],
		);
		expect(outcome.json).toEqual({
			registrationId: 'r1',
			deliveryStatus: 2,
			errorMessage: 'offline',
			raw: { status: 2, error_message: 'offline' },
		});
	});

	it("schedule get: the SDKs' list of tasks (fixture) gives each task with every field and the raw answer", () => {
		const body = engageLabLifecycleAnswers.scheduleGet.answer.body;
		const scheduleContext = singleContext({ scheduleId: 'sched_001' });
		const outcomes = scheduleGetPlan.accepted(scheduleContext, body as never);
		expect(outcomes).toEqual([
			{
				status: 'sent',
				json: {
					scheduleId: 'sched_001',
					name: body[0].name,
					enabled: body[0].enabled,
					trigger: body[0].trigger,
					push: body[0].push,
					raw: body,
				},
			},
		]);
		expect(outcomes[0].json).not.toHaveProperty('0');
	});

	it('schedule get: one object (the other reading) is one task; an empty list is no task', () => {
		const scheduleContext = singleContext({ scheduleId: 's1' });
		const task = { schedule_id: 's1', name: 'n', enabled: true };
		expect(scheduleGetPlan.accepted(scheduleContext, task)).toEqual([
			{ status: 'sent', json: { scheduleId: 's1', name: 'n', enabled: true, raw: task } },
		]);
		const [none] = scheduleGetPlan.accepted(scheduleContext, [] as never);
		expect(none.status).toBe('rejected');
		expect(none.failure?.meaning).toContain('no task');
	});

	it('tag counts accept both spellings; schedule pages in camelCase', () => {
		expect(
			tagCountPlan.accepted(context, { tags_count: { a: 3 } }, ['a', 'b']).map((o) => o.json),
		).toEqual([
			{ tag: 'a', count: 3 },
			{ tag: 'b', count: 0 },
		]);
		const [task] = scheduleListPlan.accepted(context, {
			total_count: 1,
			total_pages: 1,
			page: 1,
			schedules: [{ schedule_id: 's1', name: 'n' }],
		});
		expect(task.json).toEqual({
			scheduleId: 's1',
			name: 'n',
			totalCount: 1,
			totalPages: 1,
			page: 1,
		});
	});
});
