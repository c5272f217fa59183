import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import {
	engageLabAnswerExamples,
	engageLabLifecycleAnswers,
	engageLabLifecycleRules,
} from '../../fixtures/provider-docs/engagelab';

/**
 * The sandbox's EngageLab answers after a send have the shapes of the cited fixtures
 * (test/fixtures/provider-docs/engagelab.ts): a route that answers a shape no fixture holds fails
 * here. A shape is the JSON type at every level; an answer may leave out fields the fixture has,
 * never add one or change a type.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const basic = (user: string, secret: string) =>
	`Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

async function call(
	base: 'engagelabApp' | 'engagelabWeb',
	method: string,
	path: string,
	body?: unknown,
) {
	const response = await fetch(`${sandbox.baseUrls[base]}${path}`, {
		method,
		headers: {
			authorization: basic('app-key-1', 'master-secret-1'),
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as unknown };
}

const kind = (value: unknown) =>
	Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

/** Where `actual` leaves the documented shape: [] when it keeps to it. */
function offShape(actual: unknown, documented: unknown, at = '$'): string[] {
	if (kind(actual) !== kind(documented))
		return [`${at}: ${kind(actual)}, documented ${kind(documented)}`];
	if (Array.isArray(actual))
		return actual.flatMap((entry, index) =>
			offShape(entry, (documented as unknown[])[0], `${at}[${index}]`),
		);
	if (kind(actual) !== 'object') return [];
	const doc = documented as Record<string, unknown>;
	return Object.entries(actual as Record<string, unknown>).flatMap(([key, value]) =>
		key in doc ? offShape(value, doc[key], `${at}.${key}`) : [`${at}.${key}: not documented`],
	);
}

/** A map keyed by ids (device status): each entry against the fixture's entries, merged. */
const entryShape = (map: unknown) => Object.assign({}, ...Object.values(map as object));

const push = { to: 'all', body: { platform: 'all', notification: { alert: 'scheduled' } } };
const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');

describe('EngageLab sandbox answers keep to the cited fixtures', () => {
	it('the helper finds a made-up field and a changed type', () => {
		expect(offShape([{ name: 'n', extra: 1 }], [{ name: 'x' }])).toEqual([
			'$[0].extra: not documented',
		]);
		expect(offShape({ status: 1 }, { status: 'delivered' })).toEqual([
			'$.status: number, documented string',
		]);
		expect(offShape({ schedule_id: 's' }, [{ schedule_id: 's' }])).toEqual([
			'$: object, documented array',
		]);
	});

	it('schedules: create, get (a list), update, list', async () => {
		const { scheduleCreate, scheduleGet, scheduleUpdate, scheduleList } = engageLabLifecycleAnswers;
		const task = {
			name: 'Weekly_digest',
			enabled: true,
			trigger: { single: { time: inDays(2) } },
			push,
		};
		const created = await call('engagelabApp', 'POST', '/v4/schedules', task);
		expect(offShape(created.json, scheduleCreate.answer.body)).toEqual([]);
		const id = String((created.json as { schedule_id: string }).schedule_id);
		const got = await call('engagelabApp', 'GET', `/v4/schedules/${id}`);
		expect(got.status).toBe(scheduleGet.answer.httpStatus);
		expect(offShape(got.json, scheduleGet.answer.body)).toEqual([]);
		const updated = await call('engagelabApp', 'PUT', `/v4/schedules/${id}`, { enabled: false });
		expect(
			offShape(updated.json, { ...scheduleUpdate.answer.body, ...scheduleGet.answer.body[0] }),
		).toEqual([]);
		const list = await call('engagelabApp', 'GET', '/v4/schedules?page=1');
		const documentedList = {
			...scheduleList.answer.body,
			schedules: [{ ...scheduleList.answer.body.schedules[0], ...scheduleGet.answer.body[0] }],
		};
		expect(offShape(list.json, documentedList)).toEqual([]);
	});

	it('device status: a status text per registration id', async () => {
		const sent = await call('engagelabApp', 'POST', '/v4/push', {
			to: { registration_id: ['rid-1'] },
			body: { platform: 'all', notification: { alert: 'Hi' } },
		});
		const msgId = String((sent.json as { msg_id: string }).msg_id);
		const status = await call(
			'engagelabApp',
			'GET',
			`/v4/status/message?message_id=${msgId}&registration_ids=rid-1,rid-9,unknown-1`,
		);
		const documented = engageLabLifecycleAnswers.deviceStatus.answer.body;
		for (const entry of Object.values(status.json as object))
			expect(offShape(entry, entryShape(documented))).toEqual([]);
	});

	it("refusals: EngageLab's nested error envelope (fixture)", async () => {
		const documented = engageLabAnswerExamples.find((example) =>
			example.name.startsWith('an error in the nested envelope'),
		)!.answer!;
		const refused = await call('engagelabApp', 'DELETE', '/v4/push/withdraw/1');
		expect(refused.status).toBe(documented.httpStatus);
		expect(offShape(refused.json, documented.body)).toEqual([]);
	});

	it('recall and device status do not exist on the Web Push host (fixture: appPushOnly)', async () => {
		expect(engageLabLifecycleRules.appPushOnly.value).toEqual(['recall', 'getDeviceStatus']);
		expect((await call('engagelabWeb', 'DELETE', '/v4/push/withdraw/1')).status).toBe(404);
		expect(
			(await call('engagelabWeb', 'GET', '/v4/status/message?message_id=1&registration_ids=r'))
				.status,
		).toBe(404);
	});

	it("names, tags and aliases: the pages' rules (fixture examples)", async () => {
		const { scheduleName, label } = engageLabLifecycleRules;
		for (const name of scheduleName.value.refused)
			expect(
				(
					await call('engagelabApp', 'POST', '/v4/schedules', {
						name,
						enabled: true,
						trigger: { single: { time: inDays(2) } },
						push,
					})
				).status,
			).toBe(400);
		for (const tag of label.value.refused)
			expect(
				(await call('engagelabApp', 'POST', '/v4/devices/rid-1', { tags: { add: [tag] } })).status,
			).toBe(400);
		for (const tag of label.value.accepted)
			expect(
				(await call('engagelabApp', 'POST', '/v4/devices/rid-1', { tags: { add: [tag] } })).status,
			).toBe(200);
	});
});
