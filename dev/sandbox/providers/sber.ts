import { randomUUID } from 'node:crypto';

import { sberAnswerFacts } from '../../../test/fixtures/provider-docs/sber';
import { canonicalJson } from '../canonical';
import { answerFrom } from '../documented';
import { RateWindow } from '../rateWindow';
import type { ProviderAnswer, ProviderModule, ProviderRequest } from '../types';

/**
 * Sber SmartPush as its API page describes it, with the NGW OAuth endpoint in front. The SmartPush
 * routes answer only from the facts of test/fixtures/provider-docs/sber.ts (answerFrom); the OAuth
 * endpoint is a stand-in in its own words.
 */
export interface SberOptions {
	clientId: string;
	clientSecret: string;
	scope: string;
	/** Lifetime of an issued token (NGW: 30 minutes). */
	tokenTtlMs: number;
	/** Templates of the project: id → the variables the header and the body use. */
	templates: Record<string, { header: string[]; body: string[] }>;
	projectId: string;
	/** Send requests per second per client; above it, service code 1014. */
	ratePerSecond?: number;
	/** Whether the extended endpoint expects `{requestPayload: …}` (Sber's older page) or the bare object. */
	extendedBody: 'unwrapped' | 'wrapped' | 'either';
}

export interface SberControl {
	options: SberOptions;
	/** Token requests received, answered or not. */
	readonly tokenRequests: number;
	/** Every issued token stops working now (as if they expired). */
	expireTokens(): void;
	/**
	 * Sber's own answers, replayed for conditions a sandbox cannot otherwise meet: a send to this
	 * client id (the sub) gets this answer, after the token check.
	 */
	scriptedAnswers: Map<string, ProviderAnswer>;
	/** The next `count` send requests answer 500. */
	failNext(count: number): void;
}

export const sberDefaults: SberOptions = {
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	scope: 'SMART_PUSH',
	tokenTtlMs: 30 * 60_000,
	templates: {
		'tpl-order': { header: ['name'], body: ['order', 'date'] },
		'tpl-plain': { header: [], body: [] },
	},
	projectId: 'sandbox-sber-project',
	extendedBody: 'either',
};

const SURFACES = new Set([
	'COMPANION',
	'SBERBOX',
	'STARGATE',
	'SATELLITE',
	'TIME',
	'TV_HUAWEI',
	'TV',
]);
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

const fact = (id: string) => {
	const found = sberAnswerFacts.find((candidate) => candidate.id === id);
	if (!found) throw new Error(`no Sber fact ${id}`);
	return found;
};

/** The envelope's per-answer values (the facts' variable keys). */
function envelope(request: ProviderRequest): Json {
	return {
		requestId: String(request.headers.rquid ?? ''),
		responseId: randomUUID(),
		timestamp: new Date().toISOString(),
	};
}

/**
 * A service-code refusal: the page's code with its text, where Sber's SDK reads it
 * (payload.validation.results[].status), for the destination's surface.
 */
function serviceError(
	request: ProviderRequest,
	code: number,
	detail?: string,
	surface?: unknown,
): ProviderAnswer {
	const documented = fact(`sber.service.${code}`);
	const payload = (documented.answer!.body as Json).payload as Json;
	const [result] = (payload.validation as { results: Json[] }).results;
	const status = result.status as Json;
	return answerFrom(documented, {
		...envelope(request),
		payload: {
			...payload,
			validation: {
				results: [
					{
						surface: typeof surface === 'string' ? surface : result.surface,
						status: {
							...status,
							descr: detail ? `${String(status.descr)}: ${detail}` : status.descr,
						},
					},
				],
			},
		},
	});
}

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function templateProblem(options: SberOptions, content: unknown): number | undefined {
	if (!isObject(content) || typeof content.id !== 'string' || content.id.length > 36) return 1000;
	const template = options.templates[content.id];
	if (!template) return 1016;
	const given = (values: unknown) => (isObject(values) ? Object.keys(values).sort().join(',') : '');
	if (
		given(content.headerValues) !== [...template.header].sort().join(',') ||
		given(content.bodyValues) !== [...template.body].sort().join(',')
	)
		return 1017;
	return undefined;
}

function timeFrameProblem(frame: unknown): number | undefined {
	if (frame === undefined) return undefined;
	if (!isObject(frame)) return 1000;
	const { startTime, finishTime, timeZone, startDate, endDate } = frame;
	if (
		!TIME.test(String(startTime)) ||
		!TIME.test(String(finishTime)) ||
		!DATE.test(String(startDate))
	)
		return 1008;
	if (!/^GMT[+-]\d{2}:\d{2}$/.test(String(timeZone))) return 1008;
	if (endDate !== undefined && (!DATE.test(String(endDate)) || String(endDate) < String(startDate)))
		return 1008;
	if ((endDate === undefined || endDate === startDate) && String(finishTime) <= String(startTime))
		return 1001;
	return undefined;
}

function destinationProblem(options: SberOptions, destination: unknown): number | undefined {
	if (!isObject(destination)) return 1000;
	if (!SURFACES.has(String(destination.surface)) || typeof destination.channel !== 'string')
		return 1004;
	const content = destination.templateContent as Json | undefined;
	if (isObject(content?.mobileAppParameters) && isObject(content?.deviceParameters)) return 1006;
	if (isObject(content?.mobileAppParameters) && destination.surface !== 'COMPANION') return 1009;
	if (isObject(content?.deviceParameters) && destination.surface === 'COMPANION') return 1009;
	const device = content?.deviceParameters as Json | undefined;
	if (device?.deviceSerialFilter && device?.productFilter) return 1015;
	// Deferred delivery is per destination (Sber's SDKs: templateContent.timeFrame).
	const frameProblem = timeFrameProblem(content?.timeFrame);
	if (frameProblem) return frameProblem;
	return templateProblem(options, content);
}

/** The sub a send is for, in the lite or the extended body (wrapped or not). */
function clientIdOf(body: Json): string {
	const extended = (isObject(body.requestPayload) ? body.requestPayload : body) as Json;
	const recipient = (extended.payload as Json | undefined)?.recipient as Json | undefined;
	return String((recipient?.clientId as Json | undefined)?.id ?? body.clientId);
}

export function createSber(overrides: Partial<SberOptions> = {}): {
	module: ProviderModule;
	control: SberControl;
} {
	const options: SberOptions = { ...sberDefaults, ...overrides };
	const rate = new RateWindow();
	const tokens = new Map<string, number>();
	let tokenRequests = 0;
	let failures = 0;
	const scriptedAnswers = new Map<string, ProviderAnswer>();

	function token(request: ProviderRequest): ProviderAnswer {
		tokenRequests += 1;
		const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
		if (request.headers.authorization !== `Basic ${basic}`)
			return { status: 401, body: { code: 6, message: "Can't decode 'Authorization' header" } };
		if (!UUID4.test(String(request.headers.rquid ?? '')))
			return { status: 400, body: { code: 5, message: 'RqUID must be a uuid4' } };
		const scope = new URLSearchParams(request.rawBody).get('scope');
		if (scope !== options.scope)
			return { status: 400, body: { code: 7, message: `Invalid scope: ${scope}` } };
		const accessToken = `sber-token-${randomUUID()}`;
		const expiresAt = Date.now() + options.tokenTtlMs;
		tokens.set(accessToken, expiresAt);
		return { status: 200, body: { access_token: accessToken, expires_at: expiresAt } };
	}

	function authorised(request: ProviderRequest): boolean {
		const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
		const expiresAt = bearer ? tokens.get(bearer) : undefined;
		return expiresAt !== undefined && expiresAt > Date.now();
	}

	function lite(request: ProviderRequest, body: Json): ProviderAnswer {
		const extra = Object.keys(body).find(
			(key) => !['projectId', 'clientId', 'surface', 'templateContent'].includes(key),
		);
		if (extra || typeof body.clientId !== 'string' || typeof body.projectId !== 'string')
			return serviceError(
				request,
				1000,
				extra ? `unknown field ${extra}` : 'projectId and clientId are required',
			);
		if (!SURFACES.has(String(body.surface))) return serviceError(request, 1004);
		if (body.projectId !== options.projectId)
			return serviceError(request, 1016, 'no such project', body.surface);
		const problem = templateProblem(options, body.templateContent);
		if (problem) return serviceError(request, problem, undefined, body.surface);
		request.deliver({
			kind: 'lite',
			identity: `lite:${canonicalJson(body)}`,
			target: body.clientId,
			body,
		});
		// The page folds the payload of a basic request's answer: it is served as the page shows it.
		return answerFrom(fact('sber.answer200'), envelope(request));
	}

	function extended(request: ProviderRequest, raw: Json): ProviderAnswer {
		const wrapped = isObject(raw.requestPayload);
		if (
			(wrapped && options.extendedBody === 'unwrapped') ||
			(!wrapped && options.extendedBody === 'wrapped')
		)
			return serviceError(request, 1000, 'unexpected body shape');
		const body = wrapped ? (raw.requestPayload as Json) : raw;
		if (typeof body.protocolVersion !== 'string' || body.protocolVersion.length > 16)
			return serviceError(request, 1000, 'protocolVersion');
		if (!Number.isInteger(body.messageId) || (body.messageId as number) > 2_147_483_647)
			return serviceError(request, 1000, 'messageId');
		if (body.messageName !== 'SEND_PUSH') return serviceError(request, 1001, 'messageName');
		const payload = body.payload as Json | undefined;
		const sender = payload?.sender as Json | undefined;
		const clientId = (payload?.recipient as Json | undefined)?.clientId as Json | undefined;
		const config = payload?.deliveryConfig as Json | undefined;
		if (!isObject(sender) || !isObject(clientId) || !isObject(config))
			return serviceError(request, 1000, 'sender, recipient and deliveryConfig are required');
		if (sender.projectId !== options.projectId)
			return serviceError(request, 1016, 'no such project');
		if (clientId.idType !== 'SUB') return serviceError(request, 1002);
		// Sber's SDKs write the mode in upper (salutejs) and lower case (smart_app_framework).
		if (!['BROADCAST', 'SEQUENTIAL'].includes(String(config.deliveryMode).toUpperCase()))
			return serviceError(request, 1000, 'deliveryMode');
		const unknown = Object.keys(config).find(
			(key) => !['deliveryMode', 'destinations'].includes(key),
		);
		if (unknown) return serviceError(request, 1000, `unknown field deliveryConfig.${unknown}`);
		const destinations = config.destinations as unknown[] | undefined;
		if (!Array.isArray(destinations) || destinations.length === 0)
			return serviceError(request, 1001, 'empty destination');
		for (const destination of destinations) {
			const problem = destinationProblem(options, destination);
			if (problem)
				return serviceError(
					request,
					problem,
					undefined,
					(destination as Json | undefined)?.surface,
				);
		}
		request.deliver({
			kind: 'extended',
			identity: `extended:${canonicalJson(payload)}`,
			target: String(clientId.id),
			body: payload,
		});
		const surface = (destinations[0] as Json).surface;
		return answerFrom(fact('sber.answer200.result'), {
			...envelope(request),
			payload: {
				messageId: body.messageId,
				messageName: 'PUSH_RESULT',
				protocolVersion: body.protocolVersion,
				result: { surface, status: { code: 0, description: 'Success' } },
			},
		});
	}

	const module: ProviderModule = {
		name: 'sber',
		mounts: { '/sber': 'sber' },
		faultBody: (status) =>
			answerFrom(fact(status === 429 ? 'sber.tooManyRequests' : 'sber.unavailable'), {
				requestId: '',
				responseId: randomUUID(),
				timestamp: new Date().toISOString(),
			}),
		reset() {
			rate.reset();
			tokens.clear();
			tokenRequests = 0;
			failures = 0;
			scriptedAnswers.clear();
		},
		handle(_mount, request) {
			if (request.method === 'POST' && request.path === '/api/v2/oauth') return token(request);
			const route = /^\/api\/v2\/smartpush\/(apprequest-lite|apprequest)$/.exec(request.path);
			if (!route) return answerFrom(fact('sber.notFound'), envelope(request));
			// Documented: a 401 carries the Authenticate header.
			if (!authorised(request))
				return answerFrom(fact('sber.answer401'), envelope(request), {
					authenticate: 'error="invalid_request"',
				});
			if (request.method !== 'POST')
				return answerFrom(fact('sber.methodNotAllowed'), envelope(request));
			if (!UUID4.test(String(request.headers.rquid ?? '')))
				return answerFrom(fact('sber.answer400'), {
					...envelope(request),
					errors: [{ key: 'RqUID', message: 'RqUID header is required' }],
				});
			if (!rate.admit(options.clientId, options.ratePerSecond)) return serviceError(request, 1014);
			if (failures > 0) {
				failures -= 1;
				return answerFrom(fact('sber.answer500'), envelope(request));
			}
			if (!isObject(request.json)) return serviceError(request, 1000, 'body is not a JSON object');
			const scripted = scriptedAnswers.get(clientIdOf(request.json));
			if (scripted) return scripted;
			return route[1] === 'apprequest-lite'
				? lite(request, request.json)
				: extended(request, request.json);
		},
	};

	const control: SberControl = {
		options,
		get tokenRequests() {
			return tokenRequests;
		},
		expireTokens: () => {
			for (const key of tokens.keys()) tokens.set(key, 0);
		},
		failNext: (count) => {
			failures = count;
		},
		scriptedAnswers,
	};
	return { module, control };
}
