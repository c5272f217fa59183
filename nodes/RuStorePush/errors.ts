import type { IDataObject } from 'n8n-workflow';

import type { PushStatus } from '../shared/outcomes';
import type { ProviderFailure } from '../shared/providerError';

const PROVIDER = 'RuStore';

const CHECK_CREDENTIAL =
	'Check the Service Token and Project ID in the credential (RuStore Console → your app → Push notifications → Projects).';

interface Meaning {
	meaning: string;
	action: string;
	status: PushStatus;
	refusesCredential?: boolean;
}

/** RuStore's error statuses (send host) and their topic-host equivalents, in the user's terms. */
const MEANINGS: Record<string, Meaning> = {
	NOT_FOUND: {
		meaning: 'The push token is not registered or has expired',
		action: 'Remove this token from your records; the app gets a new one when it registers again.',
		status: 'invalid_token',
	},
	INVALID_ARGUMENT: {
		meaning: 'RuStore rejected the request as invalid',
		action: 'Correct the field RuStore names above and send again.',
		status: 'rejected',
	},
	BAD_REQUEST: {
		meaning: 'RuStore rejected the request as invalid',
		action: 'Correct the field RuStore names above and send again.',
		status: 'rejected',
	},
	PERMISSION_DENIED: {
		meaning: 'RuStore refused the service token',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	FORBIDDEN: {
		meaning: 'RuStore refused the service token',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	UNAUTHENTICATED: {
		meaning: 'RuStore refused the service token',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	TOO_MANY_REQUESTS: {
		meaning: "RuStore's rate limit was reached and the push was not sent",
		action: 'Lower Requests per Second in the node options, or send these pushes again later.',
		status: 'rate_limited',
	},
	INTERNAL: {
		meaning: 'RuStore had an internal error; the push may or may not have been delivered',
		action: 'Check the delivery before sending again, so the user does not get it twice.',
		status: 'unknown',
	},
};

const BY_HTTP_STATUS: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	429: 'TOO_MANY_REQUESTS',
	500: 'INTERNAL',
};

/** The error object in either of RuStore's shapes: `{error:{code,status,message}}` or flat `{code,status,message}`. */
export function readRuStoreError(body: unknown): IDataObject {
	if (typeof body !== 'object' || body === null) return {};
	const nested = (body as IDataObject).error;
	return typeof nested === 'object' && nested !== null
		? (nested as IDataObject)
		: (body as IDataObject);
}

export function ruStoreFailure(
	httpStatus: number,
	error: IDataObject,
	retryAfterMs?: number,
): ProviderFailure {
	const name = typeof error.status === 'string' ? error.status : BY_HTTP_STATUS[httpStatus];
	const known = name ? MEANINGS[name] : undefined;
	const providerMessage = typeof error.message === 'string' ? error.message : undefined;
	const fallback: Meaning =
		httpStatus === 503
			? {
					meaning: 'RuStore is temporarily unavailable and the push was not sent',
					action: 'Send it again later.',
					status: 'unavailable',
				}
			: httpStatus >= 500
				? {
						...MEANINGS.INTERNAL,
						meaning: `RuStore answered HTTP ${httpStatus}; the push may or may not have been delivered`,
					}
				: {
						meaning: `RuStore answered HTTP ${httpStatus}`,
						action: 'Check the request and the credential.',
						status: 'rejected',
					};
	const meaning = known ?? fallback;
	return {
		provider: PROVIDER,
		httpStatus,
		code: name ?? (error.code as number | undefined),
		providerMessage,
		...meaning,
		// INVALID_ARGUMENT is also how RuStore answers a malformed push token: that token is dead too.
		status:
			name === 'INVALID_ARGUMENT' && /token/i.test(providerMessage ?? '')
				? 'invalid_token'
				: meaning.status,
		retryAfterMs,
	};
}

/** A per-token error inside a 200 batch answer: any refusal there is about that token. */
export function tokenFailure(error: IDataObject): ProviderFailure {
	const failure = ruStoreFailure(200, error);
	const tokenScoped = failure.status === 'rejected' || failure.status === 'invalid_token';
	return {
		...failure,
		httpStatus: 0,
		code:
			error.code !== undefined
				? `${String(error.status ?? '')} ${String(error.code)}`.trim()
				: failure.code,
		...(tokenScoped
			? {
					status: 'invalid_token' as const,
					meaning: 'RuStore refused this push token',
					action:
						'Remove this token from your records; the app gets a new one when it registers again.',
				}
			: {}),
	};
}
