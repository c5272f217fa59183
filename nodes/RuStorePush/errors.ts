import type { IDataObject } from 'n8n-workflow';

import {
	failureFrom,
	isSuccessfulAnswer,
	meaningOfHttpStatus,
	type Meaning,
	type ProviderAnswer,
} from '../shared/answers';
import type { ProviderFailure } from '../shared/providerError';

const PROVIDER = 'RuStore';

const CHECK_CREDENTIAL =
	'Check the Service Token and Project ID in the credential (RuStore Console → your app → Push notifications → Projects).';

/** RuStore's error statuses (send host) and their topic-host equivalents, in the user's terms. */
const MEANINGS: Record<string, Meaning> = {
	NOT_FOUND: {
		meaning: 'The push token is not registered or has expired',
		action: 'Remove this token from your records; the app gets a new one when it registers again.',
		status: 'invalid_token',
	},
	INVALID_ARGUMENT: {
		meaning: 'The request was rejected as invalid',
		action: 'Correct the field RuStore names above and send again.',
		status: 'rejected',
	},
	BAD_REQUEST: {
		meaning: 'The request was rejected as invalid',
		action: 'Correct the field RuStore names above and send again.',
		status: 'rejected',
	},
	PERMISSION_DENIED: {
		meaning: 'The service token was refused',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	FORBIDDEN: {
		meaning: 'The service token was refused',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	UNAUTHENTICATED: {
		meaning: 'The service token was refused',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	TOO_MANY_REQUESTS: {
		meaning: 'The rate limit was reached and the push was not sent',
		action: 'Lower Requests per Second in the Delivery options, or send these pushes again later.',
		status: 'rate_limited',
	},
	INTERNAL: {
		meaning: 'Internal error; the push may or may not have been delivered',
		action: 'Check the delivery before sending again, so the user does not get it twice.',
		status: 'unknown',
	},
};

const NAME_BY_HTTP_STATUS: Record<number, string> = {
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

export function ruStoreFailure(answer: ProviderAnswer): ProviderFailure {
	const error = readRuStoreError(answer.body);
	const name =
		typeof error.status === 'string' ? error.status : NAME_BY_HTTP_STATUS[answer.statusCode];
	const providerMessage = typeof error.message === 'string' ? error.message : undefined;
	const meaning =
		(name ? MEANINGS[name] : undefined) ?? meaningOfHttpStatus(answer.statusCode, CHECK_CREDENTIAL);
	return failureFrom(
		PROVIDER,
		answer,
		{
			...meaning,
			// INVALID_ARGUMENT is also how RuStore answers a malformed push token: that token is dead too.
			status:
				name === 'INVALID_ARGUMENT' && /token/i.test(providerMessage ?? '')
					? 'invalid_token'
					: meaning.status,
		},
		name ?? (error.code as number | undefined),
		providerMessage,
	);
}

/** What a RuStore answer means, or undefined when it accepted the request. */
export function ruStoreAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	return isSuccessfulAnswer(answer) ? undefined : ruStoreFailure(answer);
}

/** A per-token error inside a 200 batch answer: any refusal there is about that token. */
export function tokenFailure(error: IDataObject): ProviderFailure {
	const failure = ruStoreFailure({ statusCode: 200, body: error, headers: {} });
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
