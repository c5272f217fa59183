import { ruStoreFact } from '../../../test/fixtures/provider-docs/rustore';
import { canonicalJson } from '../canonical';
import { answerFrom } from '../documented';
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

/**
 * An error answer from its fact (test/fixtures/provider-docs/rustore.ts): the send host nests errors
 * under `error`, the topics host answers flat `{code,status,message}`; the message is this request's
 * where the fact lets it vary.
 */
function errorAnswer(mount: string, name: string, message?: string): ProviderAnswer {
	const fact = ruStoreFact(`rustore.${mount === SEND ? 'send' : 'topics'}.${name}`);
	const path = mount === SEND ? 'error.message' : 'message';
	return answerFrom(
		fact,
		message !== undefined && fact.variable?.includes(path) ? { [path]: message } : {},
	);
}

type TokenState = 'valid' | 'invalid' | 'dead' | 'unregistered';

function tokenState(token: string, dead: Set<string>, unregistered: Set<string>): TokenState {
	if (token.startsWith('invalid-') || token === 'bad-push-token') return 'invalid';
	if (token.startsWith('unregistered-') || unregistered.has(token)) return 'unregistered';
	if (token.startsWith('expired-') || token.startsWith('unknown-') || dead.has(token))
		return 'dead';
	return 'valid';
}

/** The send page's answers for a token (its examples, and its listed UNREGISTERED). */
const TOKEN_FACTS: Record<Exclude<TokenState, 'valid'>, string> = {
	invalid: 'rustore.send.invalidToken',
	dead: 'rustore.send.expiredToken',
	unregistered: 'rustore.send.UNREGISTERED',
};

/**
 * A token's own error inside a batch answer. The topics page shows none about a push token (its only
 * per-token example is the service token's FORBIDDEN); the sandbox uses the send page's (not
 * documented for the topics host: see the partlySuccessful fact).
 */
function tokenError(state: TokenState): Json | undefined {
	return state === 'valid'
		? undefined
		: ((ruStoreFact(TOKEN_FACTS[state]).answer!.body as Json).error as Json);
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
				? errorAnswer(mount, 'PERMISSION_DENIED')
				: errorAnswer(mount, 'FORBIDDEN')
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
		const forbidden = ruStoreFact('rustore.topics.FORBIDDEN').answer!.body as Json;
		return answerFrom(ruStoreFact('rustore.topics.partlySuccessful'), {
			message: `${tokens.length} error(s)`,
			errors: tokens.map((token) => ({ push_token: token, error: forbidden })),
		});
	};

	const unparsable = (mount: string, request: ProviderRequest) =>
		request.json === undefined
			? mount === SEND
				? errorAnswer(mount, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
				: errorAnswer(mount, 'BAD_REQUEST', 'failed to parse request: invalid character')
			: undefined;

	function send(request: ProviderRequest): ProviderAnswer {
		const body = request.json as Json;
		if (Buffer.byteLength(request.rawBody, 'utf8') > 4096)
			return errorAnswer(
				SEND,
				'INVALID_ARGUMENT',
				'Message is too big: maximum size is 4096 bytes',
			);
		const extra = Object.keys(body).find((key) => key !== 'message' && key !== 'validate_only');
		if (extra)
			return errorAnswer(
				SEND,
				'INVALID_ARGUMENT',
				`Invalid JSON payload received. Unknown name "${extra}": Cannot find field.`,
			);
		const problem = messageProblem(body.message, true);
		if (problem) return errorAnswer(SEND, 'INVALID_ARGUMENT', problem);
		const message = body.message as Json;
		const token = String(message.token);
		const state = tokenState(token, deadTokens, unregisteredTokens);
		if (state !== 'valid') return answerFrom(ruStoreFact(TOKEN_FACTS[state]));
		if (body.validate_only !== true) {
			request.deliver({
				kind: 'send',
				identity: `send:${canonicalJson(message)}`,
				target: token,
				body: message,
			});
		}
		return answerFrom(ruStoreFact('rustore.send.ok'));
	}

	function membership(
		topic: string,
		action: 'batch_subscribe' | 'batch_unsubscribe',
		request: ProviderRequest,
	): ProviderAnswer {
		const tokens = (request.json as Json).push_tokens;
		if (!Array.isArray(tokens) || tokens.some((token) => typeof token !== 'string')) {
			return errorAnswer(TOPICS, 'BAD_REQUEST', 'push_tokens must be an array of strings');
		}
		if (tokens.length > options.maxTokensPerBatch) {
			return errorAnswer(
				TOPICS,
				'BAD_REQUEST',
				`too many push tokens: at most ${options.maxTokensPerBatch}`,
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
		return errors.length
			? answerFrom(ruStoreFact('rustore.topics.partlySuccessful'), {
					message: `${errors.length} error(s)`,
					errors,
				})
			: answerFrom(ruStoreFact('rustore.topics.subscribed'));
	}

	function publish(topic: string, request: ProviderRequest): ProviderAnswer {
		if (Buffer.byteLength(request.rawBody, 'utf8') > 4096)
			return errorAnswer(TOPICS, 'BAD_REQUEST', 'message is too big: maximum size is 4096 bytes');
		const message = (request.json as Json).message;
		const problem = messageProblem(message, false);
		if (problem) return errorAnswer(TOPICS, 'BAD_REQUEST', problem);
		request.deliver({
			kind: 'publish',
			identity: `publish:${topic}:${canonicalJson(message)}`,
			target: topic,
			body: message,
		});
		return answerFrom(ruStoreFact('rustore.topics.published'), {
			message: `payload has been successfully published to topic ${topic}`,
		});
	}

	const module: ProviderModule = {
		name: 'rustore',
		mounts: { [SEND]: 'rustoreSend', [TOPICS]: 'rustoreTopics' },
		faultBody: (status, mount) =>
			status === 429
				? errorAnswer(mount, 'TOO_MANY_REQUESTS', 'too many requests')
				: errorAnswer(mount, 'UNAVAILABLE', 'service unavailable'),
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
				return errorAnswer(mount, 'NOT_FOUND', `no such method: ${request.method} ${request.path}`);

			const projectId = decodeURIComponent(route[1]);
			const refused = refusedAccess(mount, request, projectId);
			if (refused) return perTokenRefusal(mount, route[3], request, projectId) ?? refused;
			if (!rate.admit(options.serviceToken, options.ratePerSecond)) {
				const answer = errorAnswer(mount, 'TOO_MANY_REQUESTS', 'too many requests, slow down');
				return options.retryAfterSeconds === undefined
					? answer
					: { ...answer, headers: { 'retry-after': String(options.retryAfterSeconds) } };
			}
			if (failures > 0) {
				failures -= 1;
				return errorAnswer(mount, 'INTERNAL', 'internal error');
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
				return errorAnswer(TOPICS, 'BAD_REQUEST', `invalid topic name: ${topic}`);
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
