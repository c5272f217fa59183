/**
 * Posts delivery callbacks the way the providers do, to a trigger's URL: EngageLab's signed
 * callbacks (echostr handshake first, retries on any non-2xx answer: documented 10 s, 1 min, 5 min,
 * 30 min, 1 h, shortened here) and Sber's status posts to a send's callbackUrl (unsigned).
 * The signature is computed here from EngageLab's description, not with the trigger's own code.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { engageLabCallbackRow } from '../../test/fixtures/provider-docs/engagelab';

/** EngageLab's documented retry delays, in milliseconds. */
export const ENGAGELAB_RETRY_DELAYS_MS = [10_000, 60_000, 300_000, 1_800_000, 3_600_000];

export interface Answer {
	status: number;
	contentType: string;
	body: string;
}

export interface EngageLabSigning {
	secret: string;
	username: string;
	/** Unix seconds by default; 'ms' sends milliseconds. */
	unit?: 's' | 'ms';
	/** The signing time (default now). */
	atMs?: number;
	nonce?: string;
	/** Sign with this secret instead: a forged callback. */
	forgeWith?: string;
}

/** `timestamp=…;nonce=…;username=…;signature=hex(HMAC-SHA256(secret, timestamp+nonce+username))`. */
export function callbackIdHeader(signing: EngageLabSigning): string {
	const at = signing.atMs ?? Date.now();
	const timestamp = signing.unit === 'ms' ? String(at) : String(Math.floor(at / 1000));
	const nonce = signing.nonce ?? randomBytes(8).toString('hex');
	const signature = createHmac('sha256', signing.forgeWith ?? signing.secret)
		.update(`${timestamp}${nonce}${signing.username}`)
		.digest('hex');
	return `timestamp=${timestamp};nonce=${nonce};username=${signing.username};signature=${signature}`;
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return {
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		body: await response.text(),
	};
}

/** The URL check EngageLab makes when the callback URL is saved: the answer must be the raw value. */
export async function engageLabHandshake(url: string, echostr: string): Promise<Answer> {
	return await post(url, { echostr }, {});
}

export interface EngageLabDelivery {
	/** Every attempt's answer, the first one first. */
	attempts: Answer[];
	delivered: boolean;
}

/**
 * One callback as EngageLab sends it: retried on a non-2xx answer up to 5 times, after the given
 * delays (default: the documented schedule divided by 1000). Whether a retry is signed afresh is
 * UNCONFIRMED: by default the first header is sent again; `resign` signs each attempt anew.
 */
export async function postEngageLabCallback(
	url: string,
	body: unknown,
	signing: EngageLabSigning | undefined,
	options: { retryDelaysMs?: number[]; resign?: boolean } = {},
): Promise<EngageLabDelivery> {
	const delays = options.retryDelaysMs ?? ENGAGELAB_RETRY_DELAYS_MS.map((ms) => ms / 1000);
	const attempts: Answer[] = [];
	let header = signing ? callbackIdHeader(signing) : undefined;
	for (let attempt = 0; attempt <= delays.length; attempt++) {
		if (attempt > 0) {
			await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
			if (signing && options.resign) header = callbackIdHeader({ ...signing, atMs: undefined });
		}
		const answer = await post(url, body, header ? { 'X-CALLBACK-ID': header } : {});
		attempts.push(answer);
		if (answer.status >= 200 && answer.status < 300) return { attempts, delivered: true };
	}
	return { attempts, delivered: false };
}

export interface EngageLabRow {
	message_id: string;
	to: string;
	message_status: string;
	channel?: string;
	itime?: number;
	custom_args?: Record<string, unknown>;
	error_code?: number;
	error_detail?: string;
}

/**
 * EngageLab's common callback envelope `{ total, rows: [...] }` for the given events; `server` and
 * `channel` as the App Push callback page shows them (provider-docs: engageLabCallbackRow).
 */
export function engageLabCallbackBody(rows: EngageLabRow[]): unknown {
	return {
		total: rows.length,
		rows: rows.map((row) => ({
			message_id: row.message_id,
			from: 'push',
			to: row.to,
			server: engageLabCallbackRow.value.server,
			channel: row.channel ?? engageLabCallbackRow.value.channel,
			itime: row.itime ?? 1764556800,
			custom_args: row.custom_args ?? {},
			status: {
				message_status: row.message_status,
				status_data: {},
				error_code: row.error_code ?? 0,
				error_detail: row.error_detail ?? '',
				loss: {},
			},
		})),
	};
}

/** Sber's status post (unsigned): the SDK's answer shape with a PUSH_SENDING_RESULT payload. */
export function sberStatusBody(options: {
	messageId: number;
	messageName?: 'PUSH_RESULT' | 'PUSH_SENDING_RESULT';
	surface?: string;
	devices?: Array<{ deviceId: string; product?: string; code: number; description: string }>;
	code?: number;
	description?: string;
}): unknown {
	const result: Record<string, unknown> = {
		surface: options.surface ?? 'COMPANION',
		status: { code: options.code ?? 0, description: options.description ?? 'Success' },
	};
	if (options.devices)
		result.deviceStatuses = options.devices.map((device) => ({
			deviceId: device.deviceId,
			product: device.product ?? 'SBERBOX',
			status: { code: device.code, description: device.description },
		}));
	return {
		requestId: randomBytes(8).toString('hex'),
		responseId: randomBytes(8).toString('hex'),
		timeStamp: new Date().toISOString(),
		code: 200,
		payload: {
			messageId: options.messageId,
			messageName: options.messageName ?? 'PUSH_SENDING_RESULT',
			protocolVersion: 'V1',
			result,
		},
	};
}

/** Sber posts statuses to the callbackUrl of the send as it is, query string included. */
export async function postSberStatus(url: string, body: unknown): Promise<Answer> {
	return await post(url, body, {});
}
