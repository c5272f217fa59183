import { canonicalJson } from '../canonical';
import { RateWindow } from '../rateWindow';
import type { ProviderAnswer, ProviderModule, ProviderRequest } from '../types';
import { messageProblem } from './rustoreMessage';

/** RuStore Push as its pages describe it: the send host and the topics host. */
export interface RuStoreOptions {
	serviceToken: string;
	projectId: string;
	/** Requests per second per service token across both hosts; above it, 429. */
	ratePerSecond?: number;
	/** Adds Retry-After to rate-limit answers. */
	retryAfterSeconds?: number;
	/** RuStore publishes no limit; FCM's 1000 is the sandbox's default. */
	maxTokensPerBatch: number;
	/**
	 * How the topics host refuses a wrong service token on batch_subscribe/batch_unsubscribe: 403 for
	 * the whole request (its publish example), or inside a 200 on every token (its subscribe examples:
	 * FORBIDDEN 1001 "s2s token invalid" as a per-token error).
	 */
	serviceTokenRefusal: 'status' | 'perToken';
}

export interface RuStoreControl {
	options: RuStoreOptions;
	subscriptions: Map<string, Set<string>>;
	/**
	 * Tokens answered as expired (404 NOT_FOUND), besides those named expired-* or unknown-*; tokens named
	 * unregistered-* answer UNREGISTERED, invalid-* (and the send page's bad-push-token) INVALID_ARGUMENT.
	 */
	deadTokens: Set<string>;
	/** Tokens answered UNREGISTERED (404), besides those named unregistered-*. */
	unregisteredTokens: Set<string>;
	/**
	 * The pages' own answers, replayed for conditions a sandbox cannot otherwise meet: a send to the
	 * token (key: the push token) or any request on the topic (key: `topic:<name>`) gets this answer.
	 */
	scriptedAnswers: Map<string, ProviderAnswer>;
	/** Per-token errors (`{code, status, message}`) a batch_subscribe/unsubscribe answer gives these tokens. */
	scriptedTokenErrors: Map<string, Record<string, unknown>>;
	/** The next `count` requests answer 500 INTERNAL. */
	failNext(count: number): void;
}

const SEND = '/rustore';
const TOPICS = '/rustore-topics';
export const ruStoreDefaults: RuStoreOptions = {
	serviceToken: 'sandbox-service-token',
	projectId: 'sandbox-project',
	maxTokensPerBatch: 1000,
	serviceTokenRefusal: 'status',
};

type Json = Record<string, unknown>;

/** The send host nests errors under `error`; the topics host answers flat `{code,status,message}`. */
function errorAnswer(
	mount: string,
	status: number,
	name: string,
	message: string,
	code?: number,
): ProviderAnswer {
	if (mount === SEND) return { status, body: { error: { code: status, status: name, message } } };
	return { status, body: { code: code ?? status, status: name, message } };
}

type TokenState = 'valid' | 'invalid' | 'dead' | 'unregistered';

function tokenState(token: string, dead: Set<string>, unregistered: Set<string>): TokenState {
	if (token.startsWith('invalid-') || token === 'bad-push-token') return 'invalid';
	if (token.startsWith('unregistered-') || unregistered.has(token)) return 'unregistered';
	if (token.startsWith('expired-') || token.startsWith('unknown-') || dead.has(token))
		return 'dead';
	return 'valid';
}

/** The send page's error bodies for a token. */
const TOKEN_ERRORS: Record<Exclude<TokenState, 'valid'>, Json> = {
	invalid: {
		code: 400,
		status: 'INVALID_ARGUMENT',
		message: 'The registration token is not a valid FCM registration token',
	},
	dead: { code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' },
	unregistered: { code: 404, status: 'UNREGISTERED', message: 'Requested entity was not found.' },
};

/**
 * A token's own error inside a batch answer. The topics page shows none about a push token (its only
 * per-token example is the service token's FORBIDDEN); the sandbox uses the send page's statuses.
 */
function tokenError(state: TokenState): Json | undefined {
	return state === 'valid' ? undefined : TOKEN_ERRORS[state];
}

export function createRuStore(overrides: Partial<RuStoreOptions> = {}): {
	module: ProviderModule;
	control: RuStoreControl;
} {
	const options: RuStoreOptions = { ...ruStoreDefaults, ...overrides };
	const rate = new RateWindow();
	const subscriptions = new Map<string, Set<string>>();
	const deadTokens = new Set<string>();
	const unregisteredTokens = new Set<string>();
	const scriptedAnswers = new Map<string, ProviderAnswer>();
	const scriptedTokenErrors = new Map<string, Record<string, unknown>>();
	let failures = 0;

	const refusedAccess = (mount: string, request: ProviderRequest, projectId: string) =>
		request.headers.authorization !== `Bearer ${options.serviceToken}` ||
		projectId !== options.projectId
			? mount === SEND
				? errorAnswer(mount, 403, 'PERMISSION_DENIED', 'The caller does not have permission')
				: errorAnswer(mount, 403, 'FORBIDDEN', 's2s token invalid', 1001)
			: undefined;

	/** The subscribe examples' answer for a wrong service token (right project): 200, every token FORBIDDEN. */
	const perTokenRefusal = (
		mount: string,
		action: string | undefined,
		request: ProviderRequest,
		projectId: string,
	): ProviderAnswer | undefined => {
		const tokens = (request.json as Json | undefined)?.push_tokens;
		if (
			mount !== TOPICS ||
			options.serviceTokenRefusal !== 'perToken' ||
			!['batch_subscribe', 'batch_unsubscribe'].includes(action ?? '') ||
			projectId !== options.projectId ||
			!Array.isArray(tokens)
		)
			return undefined;
		return {
			status: 200,
			body: {
				message: `${tokens.length} error(s)`,
				errors: tokens.map((token) => ({
					push_token: token,
					error: { code: 1001, status: 'FORBIDDEN', message: 's2s token invalid' },
				})),
			},
		};
	};

	const unparsable = (mount: string, request: ProviderRequest) =>
		request.json === undefined
			? mount === SEND
				? errorAnswer(mount, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
				: errorAnswer(mount, 400, 'BAD_REQUEST', 'failed to parse request: invalid character', 2000)
			: undefined;

	function send(request: ProviderRequest): ProviderAnswer {
		const body = request.json as Json;
		if (Buffer.byteLength(request.rawBody, 'utf8') > 4096)
			return errorAnswer(
				SEND,
				400,
				'INVALID_ARGUMENT',
				'Message is too big: maximum size is 4096 bytes',
			);
		const extra = Object.keys(body).find((key) => key !== 'message' && key !== 'validate_only');
		if (extra)
			return errorAnswer(
				SEND,
				400,
				'INVALID_ARGUMENT',
				`Invalid JSON payload received. Unknown name "${extra}": Cannot find field.`,
			);
		const problem = messageProblem(body.message, true);
		if (problem) return errorAnswer(SEND, 400, 'INVALID_ARGUMENT', problem);
		const message = body.message as Json;
		const token = String(message.token);
		const error = tokenError(tokenState(token, deadTokens, unregisteredTokens));
		if (error)
			return errorAnswer(SEND, error.code as number, String(error.status), String(error.message));
		if (body.validate_only !== true) {
			request.deliver({
				kind: 'send',
				identity: `send:${canonicalJson(message)}`,
				target: token,
				body: message,
			});
		}
		return { status: 200, body: {} };
	}

	function membership(
		topic: string,
		action: 'batch_subscribe' | 'batch_unsubscribe',
		request: ProviderRequest,
	): ProviderAnswer {
		const tokens = (request.json as Json).push_tokens;
		if (!Array.isArray(tokens) || tokens.some((token) => typeof token !== 'string')) {
			return errorAnswer(
				TOPICS,
				400,
				'BAD_REQUEST',
				'push_tokens must be an array of strings',
				2000,
			);
		}
		if (tokens.length > options.maxTokensPerBatch) {
			return errorAnswer(
				TOPICS,
				400,
				'BAD_REQUEST',
				`too many push tokens: at most ${options.maxTokensPerBatch}`,
				2000,
			);
		}
		const members = subscriptions.get(topic) ?? new Set<string>();
		subscriptions.set(topic, members);
		const errors: Json[] = [];
		for (const token of tokens as string[]) {
			const error =
				scriptedTokenErrors.get(token) ??
				tokenError(tokenState(token, deadTokens, unregisteredTokens));
			if (error) errors.push({ push_token: token, error });
			else if (action === 'batch_subscribe') members.add(token);
			else members.delete(token);
		}
		return {
			status: 200,
			body: errors.length
				? { message: `${errors.length} error(s)`, errors }
				: { message: 'success' },
		};
	}

	function publish(topic: string, request: ProviderRequest): ProviderAnswer {
		if (Buffer.byteLength(request.rawBody, 'utf8') > 4096)
			return errorAnswer(
				TOPICS,
				400,
				'BAD_REQUEST',
				'message is too big: maximum size is 4096 bytes',
				2000,
			);
		const message = (request.json as Json).message;
		const problem = messageProblem(message, false);
		if (problem) return errorAnswer(TOPICS, 400, 'BAD_REQUEST', problem, 2000);
		request.deliver({
			kind: 'publish',
			identity: `publish:${topic}:${canonicalJson(message)}`,
			target: topic,
			body: message,
		});
		return {
			status: 200,
			body: { message: `payload has been successfully published to topic ${topic}` },
		};
	}

	const module: ProviderModule = {
		name: 'rustore',
		mounts: { [SEND]: 'rustoreSend', [TOPICS]: 'rustoreTopics' },
		faultBody: (status, mount) =>
			status === 429
				? errorAnswer(mount, 429, 'TOO_MANY_REQUESTS', 'too many requests').body
				: errorAnswer(mount, status, 'UNAVAILABLE', 'service unavailable').body,
		reset() {
			rate.reset();
			subscriptions.clear();
			deadTokens.clear();
			unregisteredTokens.clear();
			scriptedAnswers.clear();
			scriptedTokenErrors.clear();
			failures = 0;
		},
		handle(mount, request) {
			const sendPath = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(request.path);
			const topicPath =
				/^\/v1\/projects\/([^/]+)\/topics\/([^/]+)\/(batch_subscribe|batch_unsubscribe|publish)$/.exec(
					request.path,
				);
			const route = mount === SEND ? sendPath : topicPath;
			if (request.method !== 'POST' || !route)
				return errorAnswer(
					mount,
					404,
					'NOT_FOUND',
					`no such method: ${request.method} ${request.path}`,
				);

			const projectId = decodeURIComponent(route[1]);
			const refused = refusedAccess(mount, request, projectId);
			if (refused) return perTokenRefusal(mount, route[3], request, projectId) ?? refused;
			if (!rate.admit(options.serviceToken, options.ratePerSecond)) {
				const answer = errorAnswer(mount, 429, 'TOO_MANY_REQUESTS', 'too many requests, slow down');
				return options.retryAfterSeconds === undefined
					? answer
					: { ...answer, headers: { 'retry-after': String(options.retryAfterSeconds) } };
			}
			if (failures > 0) {
				failures -= 1;
				return errorAnswer(mount, 500, 'INTERNAL', 'internal error');
			}
			const badJson = unparsable(mount, request);
			if (badJson) return badJson;
			const scripted = scriptedAnswers.get(
				mount === SEND
					? String(((request.json as Json).message as Json | undefined)?.token)
					: `topic:${decodeURIComponent(route[2])}`,
			);
			if (scripted) return scripted;
			if (mount === SEND) return send(request);

			const topic = decodeURIComponent(route[2]);
			if (!/^[a-zA-Z0-9\-_.~%]{1,900}$/.test(topic))
				return errorAnswer(TOPICS, 400, 'BAD_REQUEST', `invalid topic name: ${topic}`, 2000);
			return route[3] === 'publish'
				? publish(topic, request)
				: membership(topic, route[3] as 'batch_subscribe' | 'batch_unsubscribe', request);
		},
	};

	const control: RuStoreControl = {
		options,
		subscriptions,
		deadTokens,
		unregisteredTokens,
		scriptedAnswers,
		scriptedTokenErrors,
		failNext: (count) => {
			failures = count;
		},
	};
	return { module, control };
}
