import crypto = require('crypto');

import { parseCallbackId, verifyCallbackId } from '../../../nodes/EngageLabTrigger/signature';
import { withinWindow } from '../../../nodes/shared/receipts';
import { callbackIdHeader } from '../../../dev/sandbox/callbacks';

const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);
const secret = 'callback-secret-1';
const username = 'engagelab-user';

const verify = (header: unknown, extra: { username?: string; windowSeconds?: number } = {}) =>
	verifyCallbackId({ header, secret, windowSeconds: 300, nowMs: NOW, ...extra });

describe('EngageLab X-CALLBACK-ID', () => {
	it('accepts a header signed as EngageLab documents it: hex HMAC-SHA256(secret, timestamp+nonce+username)', () => {
		const header = callbackIdHeader({ secret, username, atMs: NOW, nonce: 'n0nce' });
		const expected = crypto
			.createHmac('sha256', secret)
			.update(`${Math.floor(NOW / 1000)}n0nce${username}`)
			.digest('hex');
		expect(header).toBe(
			`timestamp=${Math.floor(NOW / 1000)};nonce=n0nce;username=${username};signature=${expected}`,
		);
		expect(verify(header)).toEqual({
			ok: true,
			callbackId: {
				timestamp: String(Math.floor(NOW / 1000)),
				nonce: 'n0nce',
				username,
				signature: expected,
			},
		});
	});

	it('tolerates spaces, key case and an upper-case signature', () => {
		const header = callbackIdHeader({ secret, username, atMs: NOW, nonce: 'abc' });
		const spaced = header
			.split(';')
			.map((part) => {
				const [key, value] = part.split('=');
				return ` ${key.toUpperCase()} = ${key === 'signature' ? value.toUpperCase() : value} `;
			})
			.join(';');
		expect(verify(spaced).ok).toBe(true);
	});

	it('refuses a missing or incomplete header', () => {
		expect(verify(undefined)).toEqual({ ok: false, reason: 'missing' });
		expect(verify('')).toEqual({ ok: false, reason: 'missing' });
		expect(verify('timestamp=1;nonce=2;username=u')).toEqual({ ok: false, reason: 'missing' });
		expect(parseCallbackId(['timestamp=1;nonce=2;username=u;signature=ab'])).toEqual({
			timestamp: '1',
			nonce: '2',
			username: 'u',
			signature: 'ab',
		});
	});

	it('refuses a signature made with another secret, compared with timingSafeEqual', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			const forged = callbackIdHeader({ secret, username, atMs: NOW, forgeWith: 'guess' });
			expect(verify(forged)).toEqual({ ok: false, reason: 'signature' });
			// Same length as the real one: the comparison itself decided, in constant time.
			expect(spy).toHaveBeenCalled();
			const [given, expected] = spy.mock.calls[spy.mock.calls.length - 1] as [Buffer, Buffer];
			expect(given.length).toBe(64);
			expect(expected.length).toBe(64);
		} finally {
			spy.mockRestore();
		}
	});

	it('refuses a signature of the wrong length without throwing, through the same comparison', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			const good = callbackIdHeader({ secret, username, atMs: NOW });
			expect(verify(good.replace(/signature=\w+/, 'signature=abc'))).toEqual({
				ok: false,
				reason: 'signature',
			});
			expect(spy).toHaveBeenCalledTimes(1);
		} finally {
			spy.mockRestore();
		}
	});

	it('refuses a signed header whose signature does not cover the username it names', () => {
		const good = callbackIdHeader({ secret, username, atMs: NOW });
		expect(verify(good.replace(`username=${username}`, 'username=someone-else'))).toEqual({
			ok: false,
			reason: 'signature',
		});
	});

	it("checks the header's username only when the credential names one", () => {
		const header = callbackIdHeader({ secret, username, atMs: NOW });
		expect(verify(header, { username }).ok).toBe(true);
		expect(verify(header, { username: 'another-user' })).toEqual({
			ok: false,
			reason: 'username',
		});
	});

	it('refuses a stale or future timestamp outside the window; the window is adjustable', () => {
		const old = callbackIdHeader({ secret, username, atMs: NOW - 301_000 });
		expect(verify(old)).toEqual({ ok: false, reason: 'stale' });
		expect(verify(callbackIdHeader({ secret, username, atMs: NOW + 301_000 }))).toEqual({
			ok: false,
			reason: 'stale',
		});
		expect(verify(callbackIdHeader({ secret, username, atMs: NOW - 299_000 })).ok).toBe(true);
		expect(verify(old, { windowSeconds: 3600 }).ok).toBe(true);
	});

	it('reads the timestamp in seconds or in milliseconds', () => {
		expect(verify(callbackIdHeader({ secret, username, atMs: NOW, unit: 'ms' })).ok).toBe(true);
		expect(
			verify(callbackIdHeader({ secret, username, atMs: NOW - 3_600_000, unit: 'ms' })),
		).toEqual({ ok: false, reason: 'stale' });
		expect(withinWindow(String(NOW / 1000), 300, NOW)).toBe(true);
		expect(withinWindow(String(NOW), 300, NOW)).toBe(true);
		expect(withinWindow('not-a-time', 300, NOW)).toBe(false);
		expect(withinWindow('-5', 300, NOW)).toBe(false);
	});
});
