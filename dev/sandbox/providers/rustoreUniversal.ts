import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';

import { universalFact } from '../../../test/fixtures/provider-docs/rustoreUniversal';
import { canonicalJson } from '../canonical';
import { answerFrom } from '../documented';
import type { ProviderAnswer, ProviderModule, ProviderRequest } from '../types';
import { messageProblem } from './rustoreMessage';

/**
 * RuStore's universal push API (providers.md §2.3: `/v1/send` and `/v1/send/topic` on
 * vkpns-universal, credentials in the body, aggregate answers with `Status` on success and `status`
 * on errors), and stand-ins for Google's and Huawei's OAuth token endpoints, which the credential
 * reaches through its token URLs.
 *
 * Every answer of the universal routes comes from a fact of test/fixtures/provider-docs/
 * rustoreUniversal.ts (answerFrom). What the pages leave open is a fact marked "not documented":
 * a provider's refusal answers the envelope community clients parse (errors naming the provider),
 * while the other providers' tokens are delivered. No size limit (the 4 KB cap is unconfirmed).
 */
export interface RuStoreUniversalOptions {
	projectId: string;
	serviceToken: string;
	fcmProjectId: string;
	hmsProjectId: string;
	hmsAppId: string;
	hmsClientSecret: string;
	/** expires_in of the access tokens the token endpoints issue. */
	tokenLifetimeSeconds: number;
	/** How many characters of a rejected token the answer names. */
	prefixLength: number;
	/** Refusals quote the auth_token they refused (nothing says they do not; community clients guard against it). */
	echoAuthToken?: boolean;
}

export interface RuStoreUniversalControl {
	options: RuStoreUniversalOptions;
	/** The service-account key file (JSON) whose public half the Google stand-in checks JWTs with. */
	serviceAccountKey: string;
	/** A key for the same account that Google does not know (its signatures fail). */
	foreignServiceAccountKey: string;
	/** Tokens answered as invalid, besides those named invalid-* or expired-*. */
	deadTokens: Set<string>;
	/** Access tokens issued so far, per provider. */
	issued: { fcm: string[]; hms: string[] };
	/** The next `count` universal requests answer 500. */
	failNext(count: number): void;
}

export const ruStoreUniversalDefaults: RuStoreUniversalOptions = {
	projectId: 'sandbox-project',
	serviceToken: 'sandbox-service-token',
	fcmProjectId: 'sandbox-firebase',
	hmsProjectId: 'sandbox-hms-project',
	hmsAppId: 'sandbox-hms-app',
	hmsClientSecret: 'sandbox-hms-secret',
	tokenLifetimeSeconds: 3599,
	prefixLength: 10,
};

const UNIVERSAL = '/rustore-universal';
const GOOGLE = '/google-oauth';
const HUAWEI = '/huawei-oauth';
const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The pages' VALIDATION_ERROR envelope, with this request's problems (the message's fact when it names the message). */
const validationError = (route: 'send' | 'topic', errors: string[]): ProviderAnswer =>
	answerFrom(
		universalFact(
			`universal.${route}.${errors.some((error) => error.startsWith('message')) ? 'invalidMessage' : 'invalidProvider'}`,
		),
		{ errors },
	);

/** The pages' rule (§ Пример невалидного сообщения): a notification needs its title and its body. */
function notificationProblems(message: unknown): string[] {
	const notification = isObject(message) ? message.notification : undefined;
	if (!isObject(notification)) return [];
	return ['title', 'body']
		.filter((field) => typeof notification[field] !== 'string' || notification[field] === '')
		.map((field) => `message.notification: ${field} is a required field`);
}

/** A refusal by one or more providers: not documented (see the fact), so named as such. */
const providerError = (errors: string[]): ProviderAnswer =>
	answerFrom(universalFact('universal.send.providerError.community'), { errors });

function serviceAccount(projectId: string, privateKey: string): string {
	return JSON.stringify({
		type: 'service_account',
		project_id: projectId,
		private_key_id: 'sandbox-key-1',
		private_key: privateKey,
		client_email: `n8n-push@${projectId}.iam.gserviceaccount.com`,
		client_id: '100000000000000000001',
		token_uri: GOOGLE_TOKEN_URI,
	});
}

const base64urlJson = (part: string): unknown => {
	try {
		return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
};

export function createRuStoreUniversal(overrides: Partial<RuStoreUniversalOptions> = {}): {
	module: ProviderModule;
	control: RuStoreUniversalControl;
} {
	const options: RuStoreUniversalOptions = { ...ruStoreUniversalDefaults, ...overrides };
	const pair = (): { publicKey: string; privateKey: string } =>
		generateKeyPairSync('rsa', {
			modulusLength: 2048,
			publicKeyEncoding: { type: 'spki', format: 'pem' },
			privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
		});
	const google = pair();
	const foreign = pair();
	const clientEmail = `n8n-push@${options.fcmProjectId}.iam.gserviceaccount.com`;
	const deadTokens = new Set<string>();
	const issued = { fcm: [] as string[], hms: [] as string[] };
	const expiry = new Map<string, number>();
	let failures = 0;

	const issue = (provider: 'fcm' | 'hms'): ProviderAnswer => {
		const token = `${provider === 'fcm' ? 'ya29' : 'hms'}.sandbox-${randomBytes(12).toString('hex')}`;
		issued[provider].push(token);
		expiry.set(token, Date.now() + options.tokenLifetimeSeconds * 1000);
		return {
			status: 200,
			body: { access_token: token, expires_in: options.tokenLifetimeSeconds, token_type: 'Bearer' },
		};
	};

	/** Google's token endpoint: a JWT bearer assertion signed with the service account's key. */
	function googleToken(request: ProviderRequest): ProviderAnswer {
		const form = new URLSearchParams(request.rawBody);
		const refuse = (error: string, description: string): ProviderAnswer => ({
			status: 400,
			body: { error, error_description: description },
		});
		if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
			return refuse('unsupported_grant_type', 'Invalid grant_type: ');
		const [header, claims, signature] = (form.get('assertion') ?? '').split('.');
		if (!header || !claims || !signature) return refuse('invalid_request', 'Invalid JWT.');
		const verified = createVerify('RSA-SHA256')
			.update(`${header}.${claims}`)
			.verify(google.publicKey, Buffer.from(signature, 'base64url'));
		if (!verified) return refuse('invalid_grant', 'Invalid JWT Signature.');
		const head = base64urlJson(header) as Json | undefined;
		const body = base64urlJson(claims) as Json | undefined;
		const now = Date.now() / 1000;
		if (head?.alg !== 'RS256') return refuse('invalid_grant', 'Invalid JWT: alg must be RS256.');
		if (body?.iss !== clientEmail) return refuse('invalid_grant', 'Invalid JWT: unknown issuer.');
		if (body.aud !== GOOGLE_TOKEN_URI)
			return refuse('invalid_grant', 'Invalid JWT: Failed audience check.');
		if (
			!String(body.scope ?? '')
				.split(' ')
				.includes(FCM_SCOPE)
		)
			return refuse('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
		const iat = Number(body.iat);
		const exp = Number(body.exp);
		if (!(iat <= now + 60 && exp > now && exp - iat <= 3600))
			return refuse(
				'invalid_grant',
				'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
			);
		return issue('fcm');
	}

	/** Huawei's OAuth endpoint: client credentials of the app. */
	function huaweiToken(request: ProviderRequest): ProviderAnswer {
		const form = new URLSearchParams(request.rawBody);
		if (form.get('grant_type') !== 'client_credentials')
			return {
				status: 400,
				body: { error: 1102, sub_error: 20001, error_description: 'invalid grant_type' },
			};
		if (
			form.get('client_id') !== options.hmsAppId ||
			form.get('client_secret') !== options.hmsClientSecret
		)
			return {
				status: 400,
				body: { error: 1101, sub_error: 20158, error_description: 'invalid client_secret' },
			};
		return issue('hms');
	}

	const liveToken = (token: unknown) =>
		typeof token === 'string' && (expiry.get(token) ?? 0) > Date.now();

	/** Whether a provider block's credentials are the ones this sandbox knows. */
	function authorised(provider: string, block: Json): boolean {
		if (provider === 'rustore')
			return block.project_id === options.projectId && block.auth_token === options.serviceToken;
		if (provider === 'fcm')
			return (
				block.project_id === options.fcmProjectId &&
				liveToken(block.auth_token) &&
				issued.fcm.includes(String(block.auth_token))
			);
		if (provider === 'hms')
			return (
				block.project_id === options.hmsProjectId &&
				liveToken(block.auth_token) &&
				issued.hms.includes(String(block.auth_token))
			);
		return false;
	}

	function providerProblems(providers: unknown, allowed: string[]): string[] {
		if (!isObject(providers)) return ['providers: providers is a required field'];
		const problems: string[] = [];
		for (const [name, block] of Object.entries(providers)) {
			if (!allowed.includes(name)) {
				problems.push(`providers.${name}: unknown provider`);
				continue;
			}
			if (!isObject(block)) {
				problems.push(`providers.${name}: must be an object`);
				continue;
			}
			for (const field of ['project_id', 'auth_token'])
				if (typeof block[field] !== 'string' || block[field] === '')
					problems.push(`providers.${name}: ${field} is a required field`);
		}
		if (!problems.length && Object.keys(providers).length === 0)
			problems.push('providers: at least one provider is required');
		return problems;
	}

	const unauthorised = (provider: string, block: Json) =>
		(provider === 'rustore'
			? `${provider}: unauthorized: invalid project_id or auth_token`
			: `${provider}: unauthorized (401): Request had invalid authentication credentials`) +
		(options.echoAuthToken ? ` (auth_token ${String(block.auth_token)})` : '');

	const tokenDead = (token: string) =>
		token.startsWith('invalid-') || token.startsWith('expired-') || deadTokens.has(token);

	function send(request: ProviderRequest): ProviderAnswer {
		const body = request.json as Json;
		const extra = Object.keys(body).filter(
			(key) => !['providers', 'tokens', 'message'].includes(key),
		);
		const problems = [
			...extra.map((key) => `${key}: unknown field`),
			...providerProblems(body.providers, ['rustore', 'fcm', 'hms', 'apns']),
		];
		const tokens = body.tokens;
		if (!isObject(tokens)) problems.push('tokens: tokens is a required field');
		else {
			const lists = Object.entries(tokens);
			if (!lists.some(([, list]) => Array.isArray(list) && list.length > 0))
				problems.push('tokens: at least one token is required');
			for (const [name, list] of lists) {
				if (!Array.isArray(list) || list.some((token) => typeof token !== 'string' || !token))
					problems.push(`tokens.${name}: must be an array of tokens`);
				else if (list.length && !isObject((body.providers as Json | undefined)?.[name]))
					problems.push(
						`providers.${name}: ${name} is a required field when tokens.${name} is set`,
					);
			}
			if (
				Array.isArray(tokens.hms) &&
				tokens.hms.length &&
				!isObject((body.message as Json | undefined)?.android)
			)
				problems.push('message.android: android is a required field for hms');
		}
		const messageIssue = messageProblem(body.message, false);
		if (messageIssue) problems.push(`message: ${messageIssue}`);
		problems.push(...notificationProblems(body.message));
		if (problems.length) return validationError('send', problems);

		const message = body.message as Json;
		const providers = body.providers as Record<string, Json>;
		const errors: string[] = [];
		for (const [provider, list] of Object.entries(tokens as Record<string, string[]>)) {
			if (!list.length) continue;
			if (!authorised(provider, providers[provider])) {
				errors.push(unauthorised(provider, providers[provider]));
				continue;
			}
			const dead = list.filter(tokenDead);
			if (dead.length)
				errors.push(
					`${provider}: invalid tokens [${dead.map((token) => token.slice(0, options.prefixLength)).join(', ')}]`,
				);
			for (const token of list.filter((token) => !tokenDead(token)))
				request.deliver({
					kind: 'universal',
					identity: `universal:${provider}:${token}:${canonicalJson(message)}`,
					target: `${provider}:${token}`,
					body: message,
				});
		}
		return errors.length ? providerError(errors) : answerFrom(universalFact('universal.send.ok'));
	}

	function sendToTopic(request: ProviderRequest): ProviderAnswer {
		const body = request.json as Json;
		const extra = Object.keys(body).filter(
			(key) => !['providers', 'topic', 'message'].includes(key),
		);
		const problems = [
			...extra.map((key) => `${key}: unknown field`),
			...providerProblems(body.providers, ['rustore', 'fcm', 'hms']),
		];
		if (typeof body.topic !== 'string' || !/^[a-zA-Z0-9\-_.~%]{1,900}$/.test(body.topic))
			problems.push('topic: topic is a required field');
		const messageIssue = messageProblem(body.message, false);
		if (messageIssue) problems.push(`message: ${messageIssue}`);
		if (
			isObject(body.providers) &&
			body.providers.hms &&
			!isObject((body.message as Json | undefined)?.android)
		)
			problems.push('message.android: android is a required field for hms');
		problems.push(...notificationProblems(body.message));
		if (problems.length) return validationError('topic', problems);

		const message = body.message as Json;
		const errors: string[] = [];
		for (const [provider, block] of Object.entries(body.providers as Record<string, Json>)) {
			if (!authorised(provider, block)) {
				errors.push(unauthorised(provider, block));
				continue;
			}
			request.deliver({
				kind: 'universalTopic',
				identity: `universalTopic:${provider}:${String(body.topic)}:${canonicalJson(message)}`,
				target: `${provider}:topic:${String(body.topic)}`,
				body: message,
			});
		}
		return errors.length ? providerError(errors) : answerFrom(universalFact('universal.topic.ok'));
	}

	const module: ProviderModule = {
		name: 'rustoreUniversal',
		mounts: { [UNIVERSAL]: 'rustoreUniversal', [GOOGLE]: 'googleToken', [HUAWEI]: 'huaweiToken' },
		faultBody: (status, mount) =>
			mount !== UNIVERSAL
				? { error: status === 429 ? 'rate_limited' : 'unavailable' }
				: answerFrom(
						universalFact(status === 429 ? 'universal.tooManyRequests' : 'universal.unavailable'),
					),
		// Issued access tokens stay valid across a reset, as they would at Google and Huawei.
		reset() {
			deadTokens.clear();
			failures = 0;
		},
		handle(mount, request) {
			if (mount === GOOGLE && request.method === 'POST' && request.path === '/token')
				return googleToken(request);
			if (mount === HUAWEI && request.method === 'POST' && request.path === '/oauth2/v3/token')
				return huaweiToken(request);
			if (mount !== UNIVERSAL) return { status: 404, body: { error: 'not_found' } };
			const route = request.method === 'POST' ? request.path : undefined;
			if (route !== '/v1/send' && route !== '/v1/send/topic')
				return answerFrom(universalFact('universal.notFound'), {
					errors: [`no such method: ${request.method} ${request.path}`],
				});
			if (failures > 0) {
				failures -= 1;
				return answerFrom(universalFact('universal.internal'));
			}
			if (!isObject(request.json))
				return validationError(route === '/v1/send' ? 'send' : 'topic', ['invalid JSON body']);
			return route === '/v1/send' ? send(request) : sendToTopic(request);
		},
	};

	const control: RuStoreUniversalControl = {
		options,
		serviceAccountKey: serviceAccount(options.fcmProjectId, google.privateKey),
		foreignServiceAccountKey: serviceAccount(options.fcmProjectId, foreign.privateKey),
		deadTokens,
		issued,
		failNext: (count) => {
			failures = count;
		},
	};
	return { module, control };
}
