import {
	dedupeKey,
	MAX_BODY_DEPTH,
	nestsDeeperThan,
	refusalToLog,
	sameSecret,
} from '../../../nodes/shared/receipts';
import { engageLabCallbackBody, sberStatusBody } from '../../../dev/sandbox/callbacks';

/** `depth` objects nested in a row: { a: { a: … { end: true } } }, built without recursion. */
function nested(depth: number): Record<string, unknown> {
	let value: Record<string, unknown> = { end: true };
	for (let level = 1; level < depth; level++) value = { a: value };
	return value;
}

describe('receipt helpers', () => {
	it('compares secrets of any length without throwing', () => {
		expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
		expect(sameSecret('s3cret-valuE', 's3cret-value')).toBe(false);
		expect(sameSecret('', 's3cret-value')).toBe(false);
		expect(sameSecret('s3cret-value-and-more', 's3cret-value')).toBe(false);
	});

	it('keys content, not its key order; providers do not share keys', () => {
		expect(dedupeKey('p', { a: 1, b: [{ c: 2, d: 3 }] })).toBe(
			dedupeKey('p', { b: [{ d: 3, c: 2 }], a: 1 }),
		);
		expect(dedupeKey('p', { a: 1 })).not.toBe(dedupeKey('p', { a: 2 }));
		expect(dedupeKey('p', { a: 1 })).not.toBe(dedupeKey('q', { a: 1 }));
	});

	it('gives the same keys as the recursive canonical JSON before it (pinned from that code)', () => {
		const el = engageLabCallbackBody([
			{
				message_id: '1500012345',
				to: 'rid-anna',
				message_status: 'delivered',
				custom_args: { order: 'A-1', ключ: ['ü', 1.5, null, true] },
			},
			{
				message_id: '1500012345',
				to: 'rid-boris',
				message_status: 'target_invalid',
				error_code: 3002,
				error_detail: 'invalid "token"',
			},
		]) as { rows: unknown[] };
		const sber = sberStatusBody({
			messageId: 4242,
			devices: [{ deviceId: 'box-1', code: 0, description: 'Success' }],
		}) as { payload: unknown };
		// The rows as the sandbox built them at ff80472 (it now says EngageLab's "AppPush"/"FCM").
		const [first, second] = el.rows.map((row) => ({
			...(row as object),
			server: 'app_push',
			channel: 'app_push',
		}));
		const bodies: unknown[] = [
			first,
			second,
			sber.payload,
			{ b: [1, [2, [3, { z: null, a: undefined, m: 'x' }]]], a: {}, '': [] },
			[undefined, null, 0, -0, 1e21, 'line\nbreak', '\u2028', { 'a"b': 1 }],
			'text',
			42,
			null,
			[],
		];
		// Computed with nodes/shared/receipts.ts as of ff80472 (recursive canonical JSON).
		expect(bodies.map((body) => dedupeKey('engagelab', body))).toEqual([
			'engagelab:f6271348cd42d575f78ce9b0586347993c1ffc7a',
			'engagelab:a60e2030bfc07f6195d1f2e04f279be8b1a02e94',
			'engagelab:d86a06f4dbe0f9d64d9493d1276a1e259b88aecb',
			'engagelab:41d59d412cb4e21163dd8543bd2688f17bd228d5',
			'engagelab:673c7d981614078a151da43472d7150c155f76c4',
			'engagelab:1e1d0f251d3a76fa2b1bfc811640785726234038',
			'engagelab:73475cb40a568e8da8a045ced110137e159f890a',
			'engagelab:74234e98afe7498fb5daf1f36ac2d78acc339464',
			'engagelab:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d',
		]);
	});

	it('keys a body nested far deeper than the call stack allows, the same way each time', () => {
		const deep = nested(200_000);
		expect(dedupeKey('p', deep)).toMatch(/^p:[0-9a-f]{40}$/);
		expect(dedupeKey('p', deep)).toBe(dedupeKey('p', nested(200_000)));
		expect(dedupeKey('p', deep)).not.toBe(dedupeKey('p', nested(199_999)));
	});

	it('tells a body nested deeper than the limit, counting arrays and objects alike', () => {
		expect(nestsDeeperThan(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
		expect(nestsDeeperThan(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
		expect(nestsDeeperThan([[[1]]], 3)).toBe(false);
		expect(nestsDeeperThan([[[[1]]]], 3)).toBe(true);
		expect(nestsDeeperThan('text', 0)).toBe(false);
		expect(nestsDeeperThan(nested(200_000), MAX_BODY_DEPTH)).toBe(true);
	});

	it('logs refused calls at most once a minute per key, with the count since the last line', () => {
		const at = 1_000_000;
		expect(refusalToLog('wf-1:Trigger', at)).toBe(1);
		expect(refusalToLog('wf-1:Trigger', at + 1_000)).toBeUndefined();
		expect(refusalToLog('wf-1:Trigger', at + 59_999)).toBeUndefined();
		// Another workflow has its own minute.
		expect(refusalToLog('wf-2:Trigger', at + 2_000)).toBe(1);
		// The two quiet ones and this one.
		expect(refusalToLog('wf-1:Trigger', at + 60_000)).toBe(3);
		expect(refusalToLog('wf-1:Trigger', at + 60_001)).toBeUndefined();
	});
});
