import type { IDataObject } from 'n8n-workflow';

import { dedupeKey, isObject, type ReceiptStatus } from '../shared/receipts';

/**
 * EngageLab's callback states, in the package's words. The App/Web Push names are UNCONFIRMED:
 * these are the spellings of EngageLab's callback pages for its other channels and of its sister
 * product JPush (target valid/invalid, sent, delivered, click, withdraw), matched loosely.
 */
const STATES: Record<string, ReceiptStatus> = {
	target_valid: 'targeted',
	target_invalid: 'invalid_token',
	sent: 'sent',
	sent_succ: 'sent',
	sent_success: 'sent',
	send_succ: 'sent',
	send_success: 'sent',
	sent_fail: 'failed',
	sent_failed: 'failed',
	send_fail: 'failed',
	send_failed: 'failed',
	delivered: 'delivered',
	delivered_succ: 'delivered',
	delivered_success: 'delivered',
	delivery_succ: 'delivered',
	delivery_success: 'delivered',
	delivered_fail: 'failed',
	delivered_failed: 'failed',
	delivery_fail: 'failed',
	delivery_failed: 'failed',
	click: 'clicked',
	clicked: 'clicked',
	withdraw: 'withdrawn',
	withdrawn: 'withdrawn',
	withdraw_succ: 'withdrawn',
	withdraw_success: 'withdrawn',
	withdraw_fail: 'withdraw_failed',
	withdraw_failed: 'withdraw_failed',
};

/** `Delivered-Succ`, `deliveredSucc` and `delivered_succ` are one state; anything else is `unknown`. */
export function receiptStatus(messageStatus: unknown): ReceiptStatus {
	if (typeof messageStatus !== 'string') return 'unknown';
	const key = messageStatus
		.trim()
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.toLowerCase()
		.replace(/[^a-z]+/g, '_')
		.replace(/^_|_$/g, '');
	// Own keys only: a status named like an Object.prototype member (`constructor`) is unknown.
	return Object.prototype.hasOwnProperty.call(STATES, key) ? STATES[key] : 'unknown';
}

const text = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/**
 * One item per row of `{ total, rows: [...] }`. A body that is itself a row, or has no rows,
 * still gives one item: nothing a provider adds or leaves out makes the trigger fail.
 */
export function callbackItems(body: unknown): IDataObject[] {
	const rows =
		isObject(body) && Array.isArray(body.rows) ? body.rows : Array.isArray(body) ? body : [body];
	return rows.map((row) => rowItem(row));
}

function rowItem(row: unknown): IDataObject {
	const fields = isObject(row) ? row : {};
	const state = isObject(fields.status) ? fields.status : {};
	const messageStatus =
		text(state.message_status) ?? (typeof fields.status === 'string' ? fields.status : null);
	// EngageLab's own fields first (its status object flattened), then the package's.
	const own = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'status'));
	return {
		...(own as IDataObject),
		...(state as IDataObject),
		messageId: text(fields.message_id) ?? text(fields.msg_id),
		recipient: text(fields.to) ?? text(fields.registration_id),
		status: receiptStatus(messageStatus),
		message_status: messageStatus,
		dedupeKey: dedupeKey('engagelab', row ?? null),
		raw: (row ?? null) as IDataObject,
	};
}
