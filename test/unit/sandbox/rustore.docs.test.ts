import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { windowClock } from '../../../dev/sandbox/rateWindow';
import { ruStoreDocExamples, type RuStoreDocExample } from '../../fixtures/provider-docs/rustore';

/**
 * The sandbox against RuStore's own examples, not against the node: it takes every request the
 * pages send and answers as the pages answer (the same body where the page shows one; the documented
 * status and shape where the page only lists the status).
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
const realWindowClock = windowClock.now;
afterEach(() => {
	windowClock.now = realWindowClock;
});
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({
		faults: {},
		latencyMs: 0,
		rustore: { ratePerSecond: undefined, serviceTokenRefusal: 'status' },
	});
});

function sandboxUrl(example: RuStoreDocExample): string {
	const url = new URL(example.request.url);
	const base =
		url.hostname === 'vkpns.rustore.ru'
			? sandbox.baseUrls.rustoreSend
			: sandbox.baseUrls.rustoreTopics;
	return `${base}${url.pathname}`;
}

async function post(
	example: RuStoreDocExample,
	change: { body?: string; authorization?: string } = {},
) {
	const response = await fetch(sandboxUrl(example), {
		method: 'POST',
		headers: {
			authorization: change.authorization ?? example.request.authorization,
			'content-type': 'application/json',
		},
		body: change.body ?? JSON.stringify(example.request.body),
	});
	const text = await response.text();
	return { status: response.status, json: JSON.parse(text) as unknown };
}

const WRONG = { authorization: 'Bearer not-the-service-token' };

/** How to make the sandbox meet the condition an example answers. */
async function answerTo(example: RuStoreDocExample) {
	const message = example.request.body.message as { token?: string } | undefined;
	switch (example.expected.code) {
		case 'NOT_FOUND':
			sandbox.rustore.deadTokens.add(String(message?.token));
			return await post(example);
		case 'UNREGISTERED':
			sandbox.rustore.unregisteredTokens.add(String(message?.token));
			return await post(example);
		case 'INVALID_ARGUMENT':
			if (message?.token === 'bad-push-token') return await post(example);
			return await post(example, {
				body: JSON.stringify({ message: { ...message, android: { ttl: 'a week' } } }),
			});
		case 'INTERNAL':
			sandbox.rustore.failNext(1);
			return await post(example);
		case 'TOO_MANY_REQUESTS':
			sandbox.configure({ rustore: { ratePerSecond: 1 } });
			// The burst counts as one instant, however busy the machine.
			windowClock.now = () => 1_000_000;
			await post(example);
			return await post(example);
		case 'PERMISSION_DENIED':
		case 'FORBIDDEN':
			return await post(example, WRONG);
		case 'FORBIDDEN 1001':
			sandbox.configure({ rustore: { serviceTokenRefusal: 'perToken' } });
			return await post(example, WRONG);
		case 'BAD_REQUEST':
			return await post(example, { body: '{"message" : {"notification": {} s}}' });
		default:
			return await post(example);
	}
}

describe.each(ruStoreDocExamples)('$name ($source)', (example) => {
	it(`answers ${example.answer.httpStatus} as the page does`, async () => {
		const [, bearer] = /^Bearer (.+)$/.exec(example.request.authorization) ?? [];
		sandbox.configure({
			rustore: {
				projectId: decodeURIComponent(new URL(example.request.url).pathname.split('/')[3]),
				serviceToken: bearer,
			},
		});
		const answer = await answerTo(example);
		expect(answer.status).toBe(example.answer.httpStatus);
		const documented = example.answer.body as Record<string, unknown>;
		if (example.note?.includes('message is ours') || example.expected.code === 'BAD_REQUEST') {
			// The page documents the shape and status, not these words.
			const error = (documented.error ?? documented) as Record<string, unknown>;
			const got = answer.json as Record<string, unknown>;
			expect((got.error ?? got) as object).toMatchObject({
				code: error.code,
				status: error.status,
			});
		} else if (example.expected.token) {
			// The page's partial answer names one token; a wrong service token refuses every token the same way.
			expect((answer.json as { errors: unknown[] }).errors).toContainEqual(
				(documented.errors as unknown[])[0],
			);
		} else {
			expect(answer.json).toEqual(documented);
		}
	});
});
