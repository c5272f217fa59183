import { timingSafeEqual } from 'crypto';

import { hmacHex, sameSecret, withinWindow } from '../shared/receipts';

export interface CallbackId {
	timestamp: string;
	nonce: string;
	username: string;
	signature: string;
}

/** `timestamp=…;nonce=…;username=…;signature=…` (spaces and key case tolerated); undefined when a part is missing. */
export function parseCallbackId(header: unknown): CallbackId | undefined {
	const text = Array.isArray(header) ? header[0] : header;
	if (typeof text !== 'string') return undefined;
	const parts: Record<string, string> = {};
	for (const piece of text.split(';')) {
		const at = piece.indexOf('=');
		if (at > 0) parts[piece.slice(0, at).trim().toLowerCase()] = piece.slice(at + 1).trim();
	}
	const { timestamp, nonce, username, signature } = parts;
	if (!timestamp || nonce === undefined || username === undefined || !signature) return undefined;
	return { timestamp, nonce, username, signature };
}

export type Verdict =
	| { ok: true; callbackId: CallbackId }
	| { ok: false; reason: 'missing' | 'stale' | 'username' | 'signature' };

export interface VerifyOptions {
	header: unknown;
	secret: string;
	/** When set, the header's username must be this one. */
	username?: string;
	windowSeconds: number;
	nowMs: number;
}

/**
 * EngageLab's X-CALLBACK-ID check: signature = hex(HMAC-SHA256(secret, timestamp + nonce + username)).
 * The body is not signed, so the timestamp window is what stops an old header being replayed.
 */
export function verifyCallbackId(options: VerifyOptions): Verdict {
	const callbackId = parseCallbackId(options.header);
	if (!callbackId) return { ok: false, reason: 'missing' };
	if (!withinWindow(callbackId.timestamp, options.windowSeconds, options.nowMs))
		return { ok: false, reason: 'stale' };
	if (options.username && !sameSecret(callbackId.username, options.username))
		return { ok: false, reason: 'username' };
	const expected = Buffer.from(
		hmacHex(options.secret, callbackId.timestamp + callbackId.nonce + callbackId.username),
		'utf8',
	);
	const given = Buffer.from(callbackId.signature.toLowerCase(), 'utf8');
	// timingSafeEqual needs equal lengths; a wrong length is compared against itself so both paths cost the same.
	const equal =
		given.length === expected.length
			? timingSafeEqual(given, expected)
			: !timingSafeEqual(expected, expected);
	return equal ? { ok: true, callbackId } : { ok: false, reason: 'signature' };
}
