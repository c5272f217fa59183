import {
	asObject,
	failureFrom,
	meaningOfHttpStatus,
	type Meaning,
	type ProviderAnswer,
} from '../shared/answers';
import type { PushStatus } from '../shared/outcomes';
import type { ProviderFailure } from '../shared/providerError';
import { PROVIDER_LABELS, type TokenProvider } from './schema';

const PROVIDER = 'RuStore Universal';

const CHECK_CREDENTIAL =
	'Check the RuStore Project ID and Service Token, and the FCM and HMS parts, in the RuStore Universal credential.';

/** The universal API's statuses, as its page documents them, in the user's terms. */
const MEANINGS: Record<string, Meaning> = {
	VALIDATION_ERROR: {
		meaning: 'The request was rejected as invalid and nothing was sent',
		action: 'Correct what the errors above name and send again.',
		status: 'rejected',
	},
};

/** The answer's parts: `Status` on success and `status` on errors, as the page writes them. */
export interface UniversalAnswer {
	status?: string;
	code?: number;
	errors: string[];
}

export function readUniversalAnswer(body: unknown): UniversalAnswer {
	const object = asObject(body);
	const status = object.Status ?? object.status;
	const errors = Array.isArray(object.errors)
		? object.errors.filter((error): error is string => typeof error === 'string')
		: [];
	return {
		status: typeof status === 'string' ? status : undefined,
		code: typeof object.code === 'number' ? object.code : undefined,
		errors,
	};
}

/**
 * Answers that echo the request could quote the credentials it carried (community clients strip them
 * before logging): every secret of the request is replaced in the errors' text, in place, before the
 * answer reaches an output or an error.
 */
export function withoutSecrets(body: unknown, secrets: Array<string | undefined>): void {
	const errors = asObject(body).errors;
	if (!Array.isArray(errors)) return;
	const known = secrets.filter((secret): secret is string => !!secret && secret.length >= 4);
	errors.forEach((error, index) => {
		if (typeof error !== 'string') return;
		errors[index] = known.reduce((text, secret) => text.split(secret).join('[credential]'), error);
	});
}

const isOk = (answer: UniversalAnswer) => answer.status?.toUpperCase() === 'OK';

/** The errors that name a provider ("rustore: invalid tokens ..."), by provider, without the name. */
export function providerErrors(errors: string[]): Map<TokenProvider, string[]> {
	const byProvider = new Map<TokenProvider, string[]>();
	for (const error of errors) {
		const named = /^\s*(rustore|fcm|hms)\s*:\s*(.*)$/is.exec(error);
		if (!named) continue;
		const provider = named[1].toLowerCase() as TokenProvider;
		byProvider.set(provider, [...(byProvider.get(provider) ?? []), named[2].trim()]);
	}
	return byProvider;
}

/**
 * What an answer means for the request as a whole, or undefined when it goes on to the per-provider
 * reading: success, or errors that name providers (other providers' tokens may have been delivered,
 * so the request must not fail as a whole and be sent again).
 */
export function universalAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	const read = readUniversalAnswer(answer.body);
	const http = answer.statusCode;
	const transient = http === 401 || http === 403 || http === 429 || http >= 500;
	if (http >= 200 && http < 300 && (isOk(read) || read.status === undefined)) return undefined;
	if (
		!transient &&
		read.status?.toUpperCase() !== 'VALIDATION_ERROR' &&
		providerErrors(read.errors).size > 0
	)
		return undefined;
	const name = read.status?.toUpperCase();
	const meaning: Meaning =
		(name ? MEANINGS[name] : undefined) ??
		(http >= 200 && http < 300
			? {
					meaning: 'The answer did not say OK; the push may or may not have been delivered',
					action: 'Check the delivery before sending again, so nobody gets it twice.',
					status: 'unknown',
				}
			: meaningOfHttpStatus(http, CHECK_CREDENTIAL));
	return failureFrom(
		PROVIDER,
		answer,
		meaning,
		read.status ?? read.code,
		read.errors.length ? read.errors.join('; ') : undefined,
	);
}

/** Words that say the provider refused its credentials (then none of its tokens was sent). */
const CREDENTIAL_REFUSAL =
	/unauthori[sz]ed|unauthenticated|auth(entication)?[ _]?(token|credential)|permission|forbidden|\b401\b|\b403\b/i;
/** Words that say tokens are dead, followed by the tokens' prefixes. */
const TOKEN_REFUSAL = /(invalid|unregistered|expired|unknown|not[ _]found)[ _]tokens?\s*:?/i;

/** The shortest prefix worth matching: shorter fragments are words, not tokens. */
const MIN_PREFIX = 4;

/** The prefixes a token error lists after its marker, e.g. "invalid tokens [abc123, def456...]". */
function namedPrefixes(text: string): string[] {
	const marker = TOKEN_REFUSAL.exec(text);
	if (!marker) return [];
	return text
		.slice(marker.index + marker[0].length)
		.split(/[\s,;[\]{}()"'`]+/)
		.map((fragment) => fragment.replace(/(\.{2,}|…|\*+)$/, ''))
		.filter((fragment) => fragment.length >= MIN_PREFIX);
}

/**
 * The sent tokens an error names unambiguously: a prefix that starts exactly one of them. A prefix
 * that fits several tokens names none of them: only the request's status can be given then.
 */
export function tokensNamedBy(text: string, sent: string[]): string[] {
	const named = new Set<string>();
	for (const prefix of namedPrefixes(text)) {
		const matches = sent.filter((token) => token.startsWith(prefix));
		if (matches.length === 1) named.add(matches[0]);
	}
	return [...named];
}

export interface TokenResult {
	status: PushStatus;
	failure?: ProviderFailure;
}

function providerFailure(
	provider: TokenProvider,
	texts: string[],
	meaning: Meaning,
): ProviderFailure {
	return {
		provider: PROVIDER,
		httpStatus: 0,
		code: provider,
		providerMessage: texts.map((text) => `${provider}: ${text}`).join('; '),
		...meaning,
	};
}

/**
 * What a provider's errors mean for the whole of its part of the request: rejected when it refused
 * the credentials sent for it (nothing of its part was sent), else unknown (it may have been taken).
 */
export function providerRequestFailure(provider: TokenProvider, texts: string[]): ProviderFailure {
	const label = PROVIDER_LABELS[provider];
	return providerFailure(
		provider,
		texts,
		texts.some((text) => CREDENTIAL_REFUSAL.test(text))
			? {
					meaning: `${label} refused the credentials sent for it; its part was not sent`,
					action: CHECK_CREDENTIAL,
					status: 'rejected',
				}
			: {
					meaning: `${label} reported an error that names no single token; the push may or may not have been delivered`,
					action: 'Check the delivery before sending again, so nobody gets it twice.',
					status: 'unknown',
				},
	);
}

/**
 * Each sent token's status from the aggregate answer: sent when its provider is not named in the
 * errors; invalid_token when an error names it unambiguously as dead; otherwise its provider's
 * status (rejected when the provider refused its credentials, else unknown: it may have been taken).
 */
export function tokenResults(
	provider: TokenProvider,
	sent: string[],
	errors: Map<TokenProvider, string[]>,
): Map<string, TokenResult> {
	const results = new Map<string, TokenResult>();
	const texts = errors.get(provider);
	if (!texts) {
		for (const token of sent) results.set(token, { status: 'sent' });
		return results;
	}
	const label = PROVIDER_LABELS[provider];
	const dead = new Set(texts.flatMap((text) => tokensNamedBy(text, sent)));
	const deadFailure = providerFailure(provider, texts, {
		meaning: `${label} does not know this push token or it has expired`,
		action: 'Remove this token from your records; the app gets a new one when it registers again.',
		status: 'invalid_token',
	});
	const requestFailure = providerRequestFailure(provider, texts);
	for (const token of sent) {
		const failure = dead.has(token) ? deadFailure : requestFailure;
		results.set(token, { status: failure.status, failure });
	}
	return results;
}
