import { callbackItems, receiptStatus } from '../../../nodes/EngageLabTrigger/rows';
import { engageLabCallbackBody } from '../../../dev/sandbox/callbacks';
import { engageLabCallbackRow } from '../../fixtures/provider-docs/engagelab';

describe('EngageLab callback rows', () => {
	it('gives one item per row with the message id, recipient, status, EngageLab fields, key and raw row', () => {
		const body = engageLabCallbackBody([
			{
				message_id: '1500012345',
				to: 'rid-anna',
				message_status: 'delivered',
				custom_args: { order: 'A-1' },
			},
			{ message_id: '1500012345', to: 'rid-boris', message_status: 'target_invalid' },
		]) as { rows: Array<Record<string, unknown>> };
		const items = callbackItems(body);
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			message_id: '1500012345',
			from: 'push',
			to: 'rid-anna',
			// As EngageLab's App Push callback page shows them (provider-docs: engageLabCallbackRow).
			server: engageLabCallbackRow.value.server,
			channel: engageLabCallbackRow.value.channel,
			itime: 1764556800,
			custom_args: { order: 'A-1' },
			message_status: 'delivered',
			status_data: {},
			error_code: 0,
			error_detail: '',
			loss: {},
			messageId: '1500012345',
			recipient: 'rid-anna',
			status: 'delivered',
			dedupeKey: expect.stringMatching(/^engagelab:[0-9a-f]{40}$/),
			raw: body.rows[0],
		});
		expect(items[1]).toMatchObject({ recipient: 'rid-boris', status: 'invalid_token' });
		expect(items[0].dedupeKey).not.toBe(items[1].dedupeKey);
	});

	it('maps the known states, in any spelling, and anything else to unknown', () => {
		const cases: Array<[unknown, string]> = [
			['target_valid', 'targeted'],
			['target_invalid', 'invalid_token'],
			['sent_succ', 'sent'],
			['sent_fail', 'failed'],
			['Delivered-Succ', 'delivered'],
			['deliveredFail', 'failed'],
			['click', 'clicked'],
			['withdraw_succ', 'withdrawn'],
			['withdraw_fail', 'withdraw_failed'],
			['plan', 'unknown'],
			['something_new', 'unknown'],
			[42, 'unknown'],
			[undefined, 'unknown'],
		];
		for (const [state, status] of cases)
			expect([state, receiptStatus(state)]).toEqual([state, status]);
	});

	it('gives the same key to the same event delivered again, key order notwithstanding', () => {
		const row = {
			message_id: 'm1',
			to: 'rid-1',
			itime: 1,
			status: { message_status: 'click', error_code: 0 },
		};
		const again = JSON.parse(
			'{"status":{"error_code":0,"message_status":"click"},"itime":1,"to":"rid-1","message_id":"m1"}',
		);
		const [first] = callbackItems({ total: 1, rows: [row] });
		const [second] = callbackItems({ total: 1, rows: [again] });
		expect(second.dedupeKey).toBe(first.dedupeKey);
		const [later] = callbackItems({ total: 1, rows: [{ ...row, itime: 2 }] });
		expect(later.dedupeKey).not.toBe(first.dedupeKey);
	});

	it('never fails on unknown or missing fields: a bare row, a row list, no rows at all', () => {
		expect(callbackItems({ message_id: 7, to: 'x', status: 'click', extra: { a: 1 } })).toEqual([
			expect.objectContaining({
				messageId: '7',
				recipient: 'x',
				status: 'clicked',
				extra: { a: 1 },
			}),
		]);
		expect(callbackItems([{ msg_id: 'm', status: { message_status: 'sent' } }])).toEqual([
			expect.objectContaining({ messageId: 'm', status: 'sent' }),
		]);
		expect(callbackItems({ total: 0, rows: [null, 'text'] })).toEqual([
			expect.objectContaining({ messageId: null, recipient: null, status: 'unknown', raw: null }),
			expect.objectContaining({ status: 'unknown', raw: 'text' }),
		]);
		expect(callbackItems(undefined)).toEqual([
			expect.objectContaining({ status: 'unknown', raw: null }),
		]);
	});
});
