import type { IDataObject } from 'n8n-workflow';

import { dedupeKey, isObject, type ReceiptStatus } from '../shared/receipts';

type Json = Record<string, unknown>;

/**
 * Sber's status code in the package's words. The callback body is known only from Sber's SDK types
 * (test/fixtures/provider-docs/sber.ts, sberCallbackFacts): PUSH_RESULT and PUSH_SENDING_RESULT,
 * code 0 for success. The SDK calls PUSH_SENDING_RESULT the result of the sending; that it means the
 * device received the push is not documented, so success is `sent`, never `delivered`. No code is
 * documented as naming a device dead, so none maps to invalid_token.
 */
export function sberStatus(messageName: unknown, code: unknown): ReceiptStatus {
	if (code === undefined || code === null || code === '') return 'unknown';
	if (Number(code) !== 0) return 'failed';
	if (messageName === 'PUSH_SENDING_RESULT' || messageName === 'PUSH_RESULT') return 'sent';
	return 'unknown';
}

const text = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** Sber's answer envelope `{ requestId, …, payload: {…} }`, or the payload itself. */
function payloadOf(body: Json): Json {
	return isObject(body.payload) ? body.payload : body;
}

interface StatusRow {
	surface?: unknown;
	deviceId?: unknown;
	product?: unknown;
	status?: unknown;
}

function item(body: Json, payload: Json, row: StatusRow): IDataObject {
	const state = isObject(row.status) ? row.status : {};
	const code = state.code ?? null;
	const description = text(state.description) ?? text(state.descr);
	const event = {
		messageId: text(payload.messageId),
		messageName: text(payload.messageName),
		surface: text(row.surface),
		deviceId: text(row.deviceId),
		product: text(row.product),
		code,
		description,
	};
	return {
		...event,
		status: sberStatus(payload.messageName, code),
		requestId: text(body.requestId),
		responseId: text(body.responseId),
		timestamp: text(body.timeStamp) ?? text(body.timestamp),
		// Envelope ids and times may be new on a repeat; the event itself is what is keyed.
		dedupeKey: dedupeKey('sber', event),
		raw: body as IDataObject,
	};
}

/**
 * One item per device status; without device statuses one per surface result, or one per message.
 * An array of bodies gives the items of each; any other shape gives one `unknown` item.
 */
export function statusItems(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.flatMap((entry) => statusItems(entry));
	const envelope = isObject(body) ? body : { body };
	const payload = payloadOf(envelope);
	const result = isObject(payload.result) ? payload.result : undefined;
	const devices = Array.isArray(result?.deviceStatuses) ? result.deviceStatuses : [];
	if (devices.length)
		return devices.map((device) =>
			item(envelope, payload, { surface: result?.surface, ...(isObject(device) ? device : {}) }),
		);
	if (result) return [item(envelope, payload, result)];
	const validation = isObject(payload.validation) ? payload.validation : undefined;
	const results = Array.isArray(validation?.results) ? validation.results.filter(isObject) : [];
	if (results.length) return results.map((entry) => item(envelope, payload, entry));
	return [item(envelope, payload, {})];
}
