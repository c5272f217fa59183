import { sberStatus, statusItems } from '../../../nodes/SberSmartPushTrigger/statuses';
import { sberStatusBody } from '../../../dev/sandbox/callbacks';
import { sberCallbackFacts } from '../../fixtures/provider-docs/sber';

describe('Sber SmartPush status callbacks', () => {
	it('gives one item per device status with the message id, status, code and description', () => {
		const body = sberStatusBody({
			messageId: 77,
			devices: [
				{ deviceId: 'box-1', code: 0, description: 'Success' },
				{ deviceId: 'box-2', product: 'SBERPORTAL', code: 5, description: 'Device offline' },
			],
		}) as Record<string, unknown>;
		const items = statusItems(body);
		expect(items).toEqual([
			{
				messageId: '77',
				messageName: 'PUSH_SENDING_RESULT',
				surface: 'COMPANION',
				deviceId: 'box-1',
				product: 'SBERBOX',
				code: 0,
				description: 'Success',
				status: 'sent',
				requestId: body.requestId,
				responseId: body.responseId,
				timestamp: body.timeStamp,
				dedupeKey: expect.stringMatching(/^sber:[0-9a-f]{40}$/),
				raw: body,
			},
			expect.objectContaining({
				deviceId: 'box-2',
				product: 'SBERPORTAL',
				code: 5,
				description: 'Device offline',
				status: 'failed',
			}),
		]);
	});

	it('gives one item per message without device statuses, and per surface for a validation answer', () => {
		expect(statusItems(sberStatusBody({ messageId: 5, messageName: 'PUSH_RESULT' }))).toEqual([
			expect.objectContaining({ messageId: '5', status: 'sent', code: 0, deviceId: null }),
		]);
		const validation = {
			payload: {
				messageId: 6,
				messageName: 'PUSH_RESULT',
				validation: {
					results: [
						{ surface: 'SBERBOX', status: { code: 0, descr: 'ok' } },
						{ surface: 'COMPANION', status: { code: 1017, descr: 'bad params' } },
					],
				},
			},
		};
		expect(statusItems(validation)).toEqual([
			expect.objectContaining({ surface: 'SBERBOX', status: 'sent', description: 'ok' }),
			expect.objectContaining({ surface: 'COMPANION', status: 'failed', code: 1017 }),
		]);
	});

	it('keys a repeated status the same although Sber sends new envelope ids and times', () => {
		const devices = [{ deviceId: 'box-1', code: 0, description: 'Success' }];
		const [first] = statusItems(sberStatusBody({ messageId: 8, devices }));
		const [again] = statusItems(sberStatusBody({ messageId: 8, devices }));
		expect(again.requestId).not.toBe(first.requestId);
		expect(again.dedupeKey).toBe(first.dedupeKey);
	});

	it('tolerates other shapes: the bare payload, an array, anything else', () => {
		expect(
			statusItems({
				messageId: 9,
				messageName: 'PUSH_SENDING_RESULT',
				result: { status: { code: 0 } },
			}),
		).toEqual([expect.objectContaining({ messageId: '9', status: 'sent' })]);
		expect(statusItems([{ payload: { messageId: 1 } }, 'x'])).toEqual([
			expect.objectContaining({ messageId: '1', status: 'unknown' }),
			expect.objectContaining({ messageId: null, status: 'unknown' }),
		]);
		expect(sberStatus('SOMETHING_ELSE', 0)).toBe('unknown');
		expect(sberStatus('PUSH_SENDING_RESULT', undefined)).toBe('unknown');
		expect(sberStatus('PUSH_SENDING_RESULT', '7')).toBe('failed');
	});
});

describe('Sber status callbacks, from the shapes of Sber’s SDK', () => {
	it.each(sberCallbackFacts.map((fact) => [fact.id, fact] as const))(
		'%s: the statuses its fact gives, never delivered (not documented)',
		(_id, fact) => {
			const items = statusItems(fact.body);
			expect(items.map((item) => item.status)).toEqual(fact.expected);
			expect(items).toHaveLength(fact.expected.length);
		},
	);
});
