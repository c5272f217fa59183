import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { engageLabLifecycleRules } from '../../fixtures/provider-docs/engagelab';
import { isAnswerOf } from '../../fixtures/provider-docs/facts';
import { answerFactById } from '../../fixtures/provider-docs/index';

/**
 * The sandbox's EngageLab endpoints after a send, over HTTP, against the rules EngageLab documents
 * (the shapes of their answers are test/unit/sandbox/facts.test.ts's: each is a cited fact's).
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const basic = (user: string, secret: string) =>
	`Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
const APP = basic('app-key-1', 'master-secret-1');

async function call(method: string, path: string, body?: unknown, authorization = APP) {
	const response = await fetch(`${sandbox.baseUrls.engagelabApp}${path}`, {
		method,
		headers: { authorization, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function send(to: unknown = { registration_id: ['rid-1', 'rid-2'] }) {
	const answer = await call('POST', '/v4/push', {
		to,
		body: { platform: 'all', notification: { alert: 'Hi' } },
	});
	return String(answer.json.msg_id);
}

const codeOf = (answer: { json: Record<string, unknown> }) =>
	(answer.json.error as { code: number } | undefined)?.code;

const stamp = (offsetDays: number) =>
	new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');

describe('EngageLab sandbox after the send', () => {
	it('reports sent messages, at most 100 ids per call, only to their own app', async () => {
		const msgId = await send();
		const report = await call('GET', `/v4/status/detail?message_ids=${msgId},404`);
		expect(report.status).toBe(200);
		expect(Object.keys(report.json)).toEqual([msgId]);
		expect(report.json[msgId]).toMatchObject({ targets: 2, sent: 2, delivered: 2 });
		const ids = Array.from({ length: 101 }, (_, n) => n).join(',');
		expect(codeOf(await call('GET', `/v4/status/detail?message_ids=${ids}`))).toBe(21003);
		const other = await call(
			'GET',
			`/v4/status/detail?message_ids=${msgId}`,
			undefined,
			basic('app-key-2', 'master-secret-2'),
		);
		expect(other.json).toEqual({});
		expect(
			codeOf(await call('GET', '/v4/status/detail', undefined, basic('app-key-1', 'wrong'))),
		).toBe(21004);
	});

	it('recalls once, within a day; unknown ids are 21003', async () => {
		const msgId = await send();
		const recalled = await call('DELETE', `/v4/push/withdraw/${msgId}`);
		const documented = answerFactById.get('engagelab.recall.accepted')!;
		expect(recalled.status).toBe(documented.answer!.httpStatus);
		expect(isAnswerOf(documented, recalled.json)).toBe(true);
		expect(recalled.json.msg_id).toBe(msgId);
		expect(codeOf(await call('DELETE', `/v4/push/withdraw/${msgId}`))).toBe(21003);
		const old = await send();
		sandbox.engagelab.lifecycle.age(old, 86_400_001);
		expect(codeOf(await call('DELETE', `/v4/push/withdraw/${old}`))).toBe(21003);
		expect(codeOf(await call('DELETE', '/v4/push/withdraw/1'))).toBe(21003);
	});

	it('keeps schedules with the documented limits', async () => {
		const push = { to: 'all', body: { platform: 'all', notification: { alert: 'Hi' } } };
		const task = (trigger: unknown, extra = {}) => ({
			name: 'n',
			enabled: true,
			trigger,
			push,
			...extra,
		});
		const created = await call('POST', '/v4/schedules', task({ single: { time: stamp(1) } }));
		expect(created.json).toMatchObject({ name: 'n' });
		const id = String(created.json.schedule_id);
		// A list of tasks, as EngageLab's SDKs read it (provider-docs: scheduleGet).
		expect((await call('GET', `/v4/schedules/${id}`)).json).toMatchObject([{ schedule_id: id }]);
		expect((await call('GET', '/v4/schedules?page=1')).json).toMatchObject({ total_count: 1 });
		for (const refused of [
			task({ single: { time: stamp(400) } }),
			task({ single: { time: '2026/12/01' } }),
			task({ single: { time: stamp(1) } }, { enabled: false }),
			task({ single: { time: stamp(1) } }, { name: 'x'.repeat(256) }),
			task({
				periodical: { start: stamp(1), end: stamp(380), time: '09:00:00', time_unit: 'day' },
			}),
			task({
				periodical: { start: stamp(1), end: stamp(9), time: '09:00:00', time_unit: 'week' },
			}),
		])
			expect(codeOf(await call('POST', '/v4/schedules', refused))).toBe(21003);
		expect((await call('DELETE', `/v4/schedules/${id}`)).status).toBe(200);
		expect(codeOf(await call('GET', `/v4/schedules/${id}`))).toBe(21003);
	});

	it("keeps a device's tags (≤ 40 bytes, ≤ 100) and one alias; tags count their devices", async () => {
		const add = (rid: string, tags: string[]) =>
			call('POST', `/v4/devices/${rid}`, { tags: { add: tags } });
		expect((await add('rid-1', ['vip'])).status).toBe(200);
		await call('POST', '/v4/devices/rid-1', { alias: 'a1' });
		await call('POST', '/v4/devices/rid-1', { alias: 'a2' });
		expect((await call('GET', '/v4/devices/rid-1')).json).toEqual({ tags: ['vip'], alias: 'a2' });
		expect(codeOf(await add('rid-1', ['x'.repeat(41)]))).toBe(21003);
		const many = Array.from({ length: 100 }, (_, n) => `t${n}`);
		expect(codeOf(await add('rid-1', many))).toBe(21003);
		await call('POST', '/v4/tags/vip', { registration_ids: { add: ['rid-2'] } });
		expect((await call('GET', '/v4/tags_count?tags=vip,t1')).json).toEqual({
			tagsCount: { vip: 2, t1: 0 },
		});
		expect((await call('GET', '/v4/aliases/a2')).json).toEqual({ registration_ids: ['rid-1'] });
		expect(codeOf(await call('GET', '/v4/devices/unknown-1'))).toBe(21003);
	});

	it('has no recall and no device status on the Web Push host (fixture: appPushOnly)', async () => {
		expect(engageLabLifecycleRules.appPushOnly.value).toEqual(['recall', 'getDeviceStatus']);
		const web = async (method: string, path: string) =>
			(
				await fetch(`${sandbox.baseUrls.engagelabWeb}${path}`, {
					method,
					headers: { authorization: APP },
				})
			).status;
		expect(await web('DELETE', '/v4/push/withdraw/1')).toBe(404);
		expect(await web('GET', '/v4/status/message?message_id=1&registration_ids=r')).toBe(404);
	});

	it('takes the names, tags and aliases the sources allow, and refuses the others (fixture examples)', async () => {
		const { scheduleName, label } = engageLabLifecycleRules;
		const push = { to: 'all', body: { platform: 'all', notification: { alert: 'Hi' } } };
		for (const name of scheduleName.value.refused)
			expect(
				codeOf(
					await call('POST', '/v4/schedules', {
						name,
						enabled: true,
						trigger: { single: { time: stamp(2) } },
						push,
					}),
				),
			).toBe(21003);
		for (const tag of label.value.refused)
			expect(codeOf(await call('POST', '/v4/devices/rid-1', { tags: { add: [tag] } }))).toBe(21003);
		for (const tag of label.value.accepted)
			expect((await call('POST', '/v4/devices/rid-1', { tags: { add: [tag] } })).status).toBe(200);
		for (const alias of label.value.accepted)
			expect((await call('POST', '/v4/devices/rid-2', { alias })).status).toBe(200);
	});
});
