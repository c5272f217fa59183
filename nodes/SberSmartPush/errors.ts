import {
	asObject,
	failureFrom,
	isSuccessfulAnswer,
	meaningOfHttpStatus,
	type Meaning,
	type ProviderAnswer,
} from '../shared/answers';
import type { ProviderFailure } from '../shared/providerError';

const PROVIDER = 'Sber SmartPush';

const CHECK_CREDENTIAL =
	'Check the client ID and secret (or authorization key) and the scope in the credential.';

const FIX_REQUEST = 'Correct the request as described and send again.';
const FIX_TEMPLATE =
	'Check the template in SmartMarket Studio (Add-ons → Push notifications): its ID, and that the variables you give are exactly the ones it uses.';

/** Sber's service codes (the API page's table), in the user's terms. */
export const SERVICE_CODES: Record<number, Meaning> = {
	1000: {
		meaning: 'The request breaks the API schema (a wrong type, length or a missing required field)',
		action: FIX_REQUEST,
		status: 'rejected',
	},
	1001: {
		meaning:
			'The message is inconsistent (template and free content together, no destination, a wrong time window or message name)',
		action: FIX_REQUEST,
		status: 'rejected',
	},
	1002: {
		meaning: 'The client ID type is not allowed (it must be SUB)',
		action: "Send the user's sub from the assistant's requests as Client ID.",
		status: 'rejected',
	},
	1003: {
		meaning: 'The delivery type parameters are wrong',
		action: "Check Delivery Mode and the destinations' priorities.",
		status: 'rejected',
	},
	1004: {
		meaning: 'The channel or surface is missing or unknown',
		action: "Choose a surface and leave Channel empty to use the surface's default.",
		status: 'rejected',
	},
	1005: {
		meaning: 'The surface to send to could not be determined',
		action: 'Choose the surface explicitly.',
		status: 'rejected',
	},
	1006: {
		meaning: 'A destination has both mobile app and device parameters',
		action: 'Give mobile app parameters or device parameters, not both.',
		status: 'rejected',
	},
	1007: { meaning: 'The origin surface is unknown', action: FIX_REQUEST, status: 'rejected' },
	1008: {
		meaning: 'The delivery time is not valid',
		action:
			'Check the time frame: times HH:mm:ss, dates yyyy-MM-dd, time zone GMT+hh:mm, start before finish.',
		status: 'rejected',
	},
	1009: {
		meaning: 'Device parameters were sent to the mobile app, or mobile app parameters to a device',
		action: 'Use mobile app parameters for COMPANION only and device parameters for devices only.',
		status: 'rejected',
	},
	// The answer names the recipient's id as malformed: Sber will not send to it.
	1012: {
		meaning: "The recipient's sub has the wrong format",
		action:
			'Remove this sub from your records, or check that the workflow passes it exactly as the assistant sent it.',
		status: 'invalid_token',
	},
	1013: {
		meaning: 'This smartapp may not send push notifications',
		action: 'Enable SmartPush for the project in SmartMarket Studio, or ask Sber support.',
		status: 'rejected',
		refusesCredential: true,
	},
	1014: {
		meaning: 'The sending limit (per minute, hour or day) was reached and the push was not sent',
		action:
			"This is a rate limit: lower Requests per Second, or send these pushes later. Limits are agreed per smartapp with Sber's moderators.",
		status: 'rate_limited',
	},
	1015: {
		meaning: 'A device destination has both a serial filter and a product filter',
		action: 'Keep only one of the two filters.',
		status: 'rejected',
	},
	1016: {
		meaning: 'The template does not exist in this project',
		action: FIX_TEMPLATE,
		status: 'rejected',
	},
	1017: {
		meaning: 'The template variables do not match the template',
		action: FIX_TEMPLATE,
		status: 'rejected',
	},
	1018: {
		meaning: 'The limit of pushes to this user was reached and the push was not sent',
		action: 'This is a per-user rate limit: send this user fewer pushes, or later.',
		status: 'rate_limited',
		// Trying again at once only meets the same limit; the item reports it instead.
		retryable: false,
	},
};

/** Where Sber's answer carries no service code: only what differs from the shared HTTP meanings. */
const BY_HTTP_STATUS: Record<number, Meaning> = {
	400: {
		meaning: 'The request format was rejected',
		action: "Correct the fields Sber's message names and send again.",
		status: 'rejected',
	},
	401: {
		meaning: 'The access token was refused, even after fetching a new one',
		action: CHECK_CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
};

/**
 * The service code of an answer wherever Sber puts it: an `errors[]` entry (`code` or a numeric `key`),
 * or the payload's result or validation status. Undefined when the answer carries none.
 */
export function serviceCodeOf(body: unknown): { code: number; message?: string } | undefined {
	const answer = asObject(body);
	for (const entry of (answer.errors as unknown[] | undefined) ?? []) {
		const error = asObject(entry);
		const code = Number(error.code ?? error.key);
		if (Number.isInteger(code) && code >= 1000)
			return { code, message: typeof error.message === 'string' ? error.message : undefined };
	}
	const payload = asObject(answer.payload);
	const statuses = [
		asObject(asObject(payload.result).status),
		...((asObject(payload.validation).results as unknown[] | undefined) ?? []).map((r) =>
			asObject(asObject(r).status),
		),
	];
	for (const status of statuses) {
		const code = Number(status.code);
		if (Number.isInteger(code) && code !== 0 && status.code !== undefined) {
			const message = status.description ?? status.descr;
			return { code, message: typeof message === 'string' ? message : undefined };
		}
	}
	return undefined;
}

function errorsText(body: unknown): string | undefined {
	const errors = (asObject(body).errors as unknown[] | undefined) ?? [];
	const text = errors
		.map((entry) => asObject(entry).message)
		.filter((message) => typeof message === 'string')
		.join('; ');
	return (
		text ||
		(typeof asObject(body).message === 'string' ? (asObject(body).message as string) : undefined)
	);
}

/** What a Sber answer means: its service code when it has one, else its HTTP status. */
export function sberFailure(answer: ProviderAnswer): ProviderFailure {
	const service = serviceCodeOf(answer.body);
	const meaning: Meaning =
		(service ? SERVICE_CODES[service.code] : undefined) ??
		(service
			? { meaning: 'Undocumented service code', action: FIX_REQUEST, status: 'rejected' }
			: undefined) ??
		BY_HTTP_STATUS[answer.statusCode] ??
		meaningOfHttpStatus(answer.statusCode, CHECK_CREDENTIAL);
	return failureFrom(
		PROVIDER,
		answer,
		meaning,
		service?.code ?? answer.statusCode,
		service?.message ?? errorsText(answer.body),
	);
}

/**
 * What a Sber answer means, or undefined when it accepted the request. A 2xx answer can still carry
 * a service code; n8n throws the others itself (so that it can refresh the token on 401).
 */
export function sberAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	if (isSuccessfulAnswer(answer) && serviceCodeOf(answer.body) === undefined) return undefined;
	return sberFailure(answer);
}
