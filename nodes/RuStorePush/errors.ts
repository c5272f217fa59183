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

const REMOVE_TOKEN =
	'Remove this token from your records; the app gets a new one when it registers again.';

const FIX_REQUEST = "Correct the field named in RuStore's message and send again.";

const SERVICE_TOKEN_REFUSED: Meaning = {
	meaning: 'The service token was refused',
	action: CHECK_CREDENTIAL,
	status: 'rejected',
	refusesCredential: true,
};

const INVALID_REQUEST: Meaning = {
	meaning: 'The request was rejected as invalid',
	action: FIX_REQUEST,
	status: 'rejected',
};

/**
 * RuStore's error statuses (the send page's list and the `status` examples next to it, and the topics
 * page's examples), in the user's terms. Only NOT_FOUND and UNREGISTERED say that a push token is dead;
 * INVALID_ARGUMENT does when its message is about the token (see tokenIsNamed).
 */
export const MEANINGS: Record<string, Meaning> = {
	NOT_FOUND: {
		meaning: 'The push token is not registered or has expired',
		action: REMOVE_TOKEN,
		status: 'invalid_token',
	},
	UNREGISTERED: {
		meaning: 'The push token is no longer registered',
		action: REMOVE_TOKEN,
		status: 'invalid_token',
	},
	INVALID_ARGUMENT: INVALID_REQUEST,
	BAD_REQUEST: INVALID_REQUEST,
	PERMISSION_DENIED: SERVICE_TOKEN_REFUSED,
	FORBIDDEN: SERVICE_TOKEN_REFUSED,
	UNAUTHENTICATED: SERVICE_TOKEN_REFUSED,
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

/** INVALID_ARGUMENT whose message is about the push token: that token is malformed. */
export const MALFORMED_TOKEN: Meaning = {
	meaning: 'The push token is malformed',
	action: REMOVE_TOKEN,
	status: 'invalid_token',
};

/**
 * The status name where an answer carries only an HTTP status (the send page: "HTTP status = code").
 * Not 404: a bare 404 (a proxy, a wrong path) names no token, so it cannot mark one dead.
 */
const NAME_BY_HTTP_STATUS: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	429: 'TOO_MANY_REQUESTS',
	500: 'INTERNAL',
};

/** The topics page's numeric codes without a status name next to them. */
const NAME_BY_TOPICS_CODE: Record<number, string> = { 1001: 'FORBIDDEN', 2000: 'BAD_REQUEST' };

/**
 * RuStore's message names the push token (the send page's example: "The registration token is not a
 * valid FCM registration token"), not the service ("s2s") token or another field.
 */
export function tokenIsNamed(providerMessage: string | undefined): boolean {
	return /registration token|push[ _-]?token|message\.token\b/i.test(providerMessage ?? '');
}

/** The error object in either of RuStore's shapes: `{error:{code,status,message}}` or flat `{code,status,message}`. */
export function readRuStoreError(body: unknown): IDataObject {
	if (typeof body !== 'object' || body === null) return {};
	const nested = (body as IDataObject).error;
	return typeof nested === 'object' && nested !== null
		? (nested as IDataObject)
		: (body as IDataObject);
}

function statusName(error: IDataObject, httpStatus: number): string | undefined {
	if (typeof error.status === 'string' && error.status) return error.status;
	const code = Number(error.code);
	return (
		NAME_BY_TOPICS_CODE[code] ?? NAME_BY_HTTP_STATUS[Number.isInteger(code) ? code : httpStatus]
	);
}

/** A per-token error whose status RuStore does not document: that token was not taken, for a reason we cannot tell. */
const TOKEN_NOT_TAKEN: Meaning = {
	meaning: 'This token was not taken',
	action: "See RuStore's message; the token is not known to be dead, so keep it.",
	status: 'rejected',
};

/** A whole topic request answered NOT_FOUND or UNREGISTERED: no token is named, so none is dead. */
const TOPIC_NOT_FOUND: Meaning = {
	meaning: 'The topic request was refused as not found',
	action: 'Check the Project ID and the Topics Base URL in the credential, and the topic name.',
	status: 'rejected',
};

/**
 * What a RuStore error means. `aboutOneToken`: the answer can only be about one push token (a send,
 * whose request carries one token, or a per-token entry of a batch answer). A whole topic request is
 * about no single token, so nothing in it marks a token dead.
 */
function meaningOf(
	name: string | undefined,
	providerMessage: string | undefined,
	httpStatus: number,
	aboutOneToken: boolean,
): Meaning {
	const known = name ? MEANINGS[name] : undefined;
	const meaning =
		known ??
		(httpStatus
			? meaningOfHttpStatus(httpStatus, CHECK_CREDENTIAL)
			: { ...TOKEN_NOT_TAKEN, meaning: `${TOKEN_NOT_TAKEN.meaning} (${name ?? 'no status'})` });
	if (!aboutOneToken) return meaning.status === 'invalid_token' ? TOPIC_NOT_FOUND : meaning;
	if (name === 'INVALID_ARGUMENT' && tokenIsNamed(providerMessage)) return MALFORMED_TOKEN;
	return meaning;
}

export type RuStoreHost = 'send' | 'topics';

export function ruStoreFailure(
	answer: ProviderAnswer,
	host: RuStoreHost = 'send',
): ProviderFailure {
	const error = readRuStoreError(answer.body);
	const name = statusName(error, answer.statusCode);
	const providerMessage = typeof error.message === 'string' ? error.message : undefined;
	return failureFrom(
		PROVIDER,
		answer,
		meaningOf(name, providerMessage, answer.statusCode, host === 'send'),
		name ?? (error.code as number | undefined),
		providerMessage,
	);
}

/** What a RuStore answer means, or undefined when it accepted the request. */
export function ruStoreAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	return isSuccessfulAnswer(answer) ? undefined : ruStoreFailure(answer, 'send');
}

/** The same for the topics host, whose whole-request errors are about no single token. */
export function ruStoreTopicsAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	return isSuccessfulAnswer(answer) ? undefined : ruStoreFailure(answer, 'topics');
}

/**
 * A per-token error inside a 200 batch answer (`{push_token, error: {code, status, message}}`),
 * read by its own status and code: only a status that names the token marks it dead. A refused
 * service token there (the topics page's own example: FORBIDDEN 1001 "s2s token invalid") is the
 * credential's problem, reported on that token as `rejected`.
 */
export function tokenFailure(error: IDataObject): ProviderFailure {
	const name = statusName(error, 0);
	const providerMessage = typeof error.message === 'string' ? error.message : undefined;
	const code =
		error.code !== undefined
			? `${String(error.status ?? name ?? '')} ${String(error.code)}`.trim()
			: name;
	return {
		...failureFrom(
			PROVIDER,
			{ statusCode: 200, body: error, headers: {} },
			meaningOf(name, providerMessage, 0, true),
			code,
			providerMessage,
		),
		// Not the HTTP status of an answer: the request itself was accepted.
		httpStatus: 0,
	};
}
