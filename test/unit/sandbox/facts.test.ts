import { randomUUID } from 'node:crypto';

import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { citationProblem, isAnswerOf } from '../../fixtures/provider-docs/facts';
import { answerFactById, answerFacts } from '../../fixtures/provider-docs/index';
import { universalFacts } from '../../fixtures/provider-docs/rustoreUniversal';
import { sberAnswerFacts, sberDocExamples } from '../../fixtures/provider-docs/sber';
import { answerFrom } from '../../../dev/sandbox/documented';

/**
 * One copy of each documented answer: the sandbox's converted routes answer only through a fact of
 * test/fixtures/provider-docs (answerFrom), and every fact names its source. The walk below sends
 * every route of every mount what reaches its answers (the facts' own requests, an unknown path, a
 * 500, the 429 and 503 faults) and fails on an answer that no registered, cited fact holds.
 *
 * Mounts not converted yet answer in their own words; they are listed here by name, and the test
 * fails when the list and the sandbox disagree, so converting a mount means emptying its entry.
 */
const UNCONVERTED: Record<string, string> = {
	'/sber/api/v2/oauth': 'Sber’s NGW OAuth endpoint: a stand-in, not the SmartPush API',
	'/engagelab-app': 'EngageLab App Push: converted on the EngageLab branch (truthel)',
	'/engagelab-web': 'EngageLab Web Push: likewise',
	'/google-oauth': 'Google’s OAuth token endpoint: a stand-in, not a push provider’s API',
	'/huawei-oauth': 'Huawei’s OAuth token endpoint: a stand-in, not a push provider’s API',
};

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

const post = async (url: string, body: unknown) =>
	await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});

const mountOf = (path: string) =>
	Object.keys(UNCONVERTED)
		.concat('/rustore', '/rustore-topics', '/rustore-universal', '/sber')
		.filter((prefix) => path === prefix || path.startsWith(`${prefix}/`))
		.sort((a, b) => b.length - a.length)[0];

async function walk(): Promise<void> {
	const universal = sandbox.baseUrls.rustoreUniversal;
	const own = {
		rustore: {
			project_id: sandbox.rustoreUniversal.options.projectId,
			auth_token: sandbox.rustoreUniversal.options.serviceToken,
		},
	};
	// The pages' own examples, as written (their credentials are not the sandbox's), and with the
	// sandbox's RuStore credentials (success).
	for (const fact of universalFacts.filter((candidate) => candidate.request)) {
		await post(`${universal}${fact.route}`, fact.request);
		const { fcm: _fcm, ...tokens } = (fact.request!.tokens ?? {}) as Record<string, unknown>;
		await post(`${universal}${fact.route}`, {
			...fact.request,
			providers: own,
			...(fact.request!.tokens ? { tokens } : {}),
		});
	}
	await post(`${universal}/v1/send`, {
		providers: own,
		tokens: { rustore: ['expired-rs-1'] },
		message: { data: { k: 'v' } },
	});
	sandbox.rustoreUniversal.failNext(1);
	await post(`${universal}/v1/send`, {});
	// The OAuth stand-ins' own routes.
	await fetch(`${sandbox.baseUrls.googleToken}/token`, { method: 'POST', body: 'grant_type=x' });
	await fetch(`${sandbox.baseUrls.huaweiToken}/oauth2/v3/token`, {
		method: 'POST',
		body: 'grant_type=x',
	});
	await walkRuStore();
	await walkSber();
	// Every mount: a path it does not have, and the two fault answers.
	for (const base of Object.values(sandbox.baseUrls)) await post(`${base}/no/such/route`, {});
	for (const fault of ['rate429', 'rate503'] as const) {
		sandbox.configure({ faults: { [fault]: 1 } });
		for (const base of Object.values(sandbox.baseUrls)) await post(`${base}/no/such/route`, {});
	}
	sandbox.configure({ faults: {} });
}

/** RuStore native: the send and topics pages' cases, and the refusals the sandbox meets by itself. */
async function walkRuStore(): Promise<void> {
	const auth = (token = 'sandbox-service-token') => ({
		authorization: `Bearer ${token}`,
		'content-type': 'application/json',
	});
	const send = `${sandbox.baseUrls.rustoreSend}/v1/projects/sandbox-project/messages:send`;
	const topic = (action: string, name = 'hello') =>
		`${sandbox.baseUrls.rustoreTopics}/v1/projects/sandbox-project/topics/${name}/${action}`;
	const call = async (url: string, body: unknown, token?: string) =>
		await fetch(url, { method: 'POST', headers: auth(token), body: JSON.stringify(body) });
	const notification = { title: 'Hi', body: 'There' };
	for (const token of ['good-1', 'bad-push-token', 'expired-1', 'unregistered-1'])
		await call(send, { message: { token, notification } });
	await call(send, { message: { token: 'good-1', unknown: 1 } });
	await call(send, { message: { token: 'good-1', notification } }, 'wrong');
	await call(topic('batch_subscribe'), { push_tokens: ['good-1'] });
	await call(topic('batch_subscribe'), { push_tokens: ['good-1', 'expired-2'] });
	sandbox.configure({ rustore: { serviceTokenRefusal: 'perToken' } });
	await call(topic('batch_unsubscribe'), { push_tokens: ['good-1'] }, 'wrong');
	sandbox.configure({ rustore: { serviceTokenRefusal: 'status' } });
	await call(topic('publish'), { message: { notification } });
	await call(topic('publish'), { message: { notification } }, 'wrong');
	await call(topic('publish', 'no spaces allowed'), { message: { notification } });
	for (const url of [send, topic('publish')]) {
		sandbox.rustore.failNext(1);
		await call(url, { message: { notification } });
	}
}

/** Sber: the pages' requests (lite and extended), the refusals it can meet, and its facts replayed. */
async function walkSber(): Promise<void> {
	const base = sandbox.baseUrls.sber;
	const oauth = await fetch(`${base}/api/v2/oauth`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}`,
			rquid: randomUUID(),
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'scope=SMART_PUSH',
	});
	const { access_token: token } = (await oauth.json()) as { access_token: string };
	const send = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
		await fetch(`${base}/api/v2/smartpush/${path}`, {
			method: headers.method ?? 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				rquid: randomUUID(),
				'content-type': 'application/json',
				...headers,
			},
			body: headers.method === 'GET' ? undefined : JSON.stringify(body),
		});
	const requests = sberDocExamples.filter((example) => example.request);
	for (const { request } of requests) {
		const body = request!.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		const projectId = String(
			body.projectId ?? (body.requestPayload ?? body).payload.sender.projectId,
		);
		sandbox.configure({ sber: { projectId, extendedBody: 'either' } });
		await send(request!.path, body);
		await send(request!.path, { ...body, projectId: 'another-project' });
	}
	const [lite] = requests;
	await send(lite.request!.path, lite.request!.body, { rquid: 'not-a-uuid' });
	await send(lite.request!.path, lite.request!.body, { authorization: 'Bearer expired' });
	await send(lite.request!.path, {}, { method: 'GET' });
	sandbox.sber.failNext(1);
	await send(lite.request!.path, lite.request!.body);
	// The refusals the sandbox cannot meet by itself, replayed from their facts (as the codes tests do).
	for (const fact of sberAnswerFacts.filter((candidate) => candidate.served !== false)) {
		sandbox.sber.scriptedAnswers.set('replayed', answerFrom(fact));
		await send('apprequest-lite', { ...(lite.request!.body as object), clientId: 'replayed' });
	}
	sandbox.sber.scriptedAnswers.clear();
}

describe('the sandbox answers from the provider-docs facts', () => {
	it('every fact names its source (or says it is not documented), and ids are unique', () => {
		expect(answerFacts.map((fact) => [fact.id, citationProblem(fact)])).toEqual(
			answerFacts.map((fact) => [fact.id, undefined]),
		);
		expect(answerFactById.size).toBe(answerFacts.length);
	});

	it('every answer of a converted mount is a registered fact’s; the rest are the listed mounts', async () => {
		await walk();
		const unsourced = new Set<string>();
		const wrong: string[] = [];
		for (const request of sandbox.requests) {
			const mount = mountOf(request.path) ?? request.path;
			if (request.fact === undefined) {
				unsourced.add(mount);
				continue;
			}
			const fact = answerFactById.get(request.fact);
			if (!fact) wrong.push(`${request.path}: unregistered fact ${request.fact}`);
			else if (!isAnswerOf(fact, request.answerBody))
				wrong.push(`${request.path}: ${JSON.stringify(request.answerBody)} is not ${fact.id}'s`);
			else if (fact.answer?.httpStatus !== request.status)
				wrong.push(`${request.path}: status ${request.status} is not ${fact.id}'s`);
		}
		expect(wrong).toEqual([]);
		expect([...unsourced].sort()).toEqual(Object.keys(UNCONVERTED).sort());
	});

	it('the walk reaches every captured fact of a converted mount', async () => {
		sandbox.reset();
		await walk();
		const served = new Set(sandbox.requests.map((request) => request.fact));
		const unserved = answerFacts
			.filter((fact) => fact.answer && fact.served !== false && !served.has(fact.id))
			.map((fact) => fact.id);
		expect(unserved).toEqual([]);
	});
});
