/**
 * What EngageLab's pages send, reachable from the node's fields (not only from JSON mode): custom args
 * as text, a notification with a custom message (the group push example), a Web Push custom message
 * and top-level alert, and override_msg_id as the Long doc 004 types it.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { groupPush, pushTo, runEngageLab } from './harness/providers/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});

type Body = { custom_args?: unknown; body: Record<string, unknown> };
const sent = (index = 0) => sandbox.requests[index].body as Body;
const web = { credentialOverrides: { product: 'webPush' } };

describe('EngageLab fields mode sends what the documents send', () => {
	it('custom args as plain text (doc 004 and 003 examples), and as a JSON object', async () => {
		await runEngageLab(
			sandbox,
			pushTo({ registrationIds: 'rid-1' }, { options: { customArgs: 'business info' } }),
		);
		await runEngageLab(
			sandbox,
			pushTo({ registrationIds: 'rid-1' }, { options: { customArgs: '{"campaign": "x"}' } }),
		);
		expect(sent(0).custom_args).toBe('business info');
		expect(sent(1).custom_args).toEqual({ campaign: 'x' });
	});

	it("a group push with a notification and a custom message, as doc 003's example", async () => {
		const run = await runEngageLab(
			sandbox,
			groupPush({ content: 'both', message: { msg_content: 'Hi,MTPush', content_type: 'text' } }),
		);
		expect(run.error).toBeUndefined();
		expect(sent().body).toMatchObject({
			notification: { alert: 'Your order has shipped' },
			message: { msg_content: 'Hi,MTPush', content_type: 'text' },
		});
		expect(run.outputs[0].map((item) => item.json.status)).toEqual(['sent', 'sent', 'sent']);
	});

	it('a Web Push with a top-level alert (doc 004 example)', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo({ audience: 'all' }, { web: { alert: 'web_push', url: 'http://www.google.com' } }),
			web,
		);
		expect(run.error).toBeUndefined();
		expect(sent().body).toMatchObject({
			platform: 'web',
			notification: {
				alert: 'Your order has shipped',
				web: { alert: 'web_push', url: 'http://www.google.com' },
			},
		});
	});

	it('a Web Push custom message (doc 004 § message)', async () => {
		const run = await runEngageLab(
			sandbox,
			pushTo({ audience: 'all' }, { content: 'message', message: { msg_content: 'Hi,Push' } }),
			web,
		);
		expect(run.error).toBeUndefined();
		expect(sent().body).toMatchObject({ platform: 'web', message: { msg_content: 'Hi,Push' } });
		expect(sent().body.notification).toBeUndefined();
	});

	it('Override Message ID goes out as a number (Long); one beyond 2^53 - 1 is refused, not rounded', async () => {
		await runEngageLab(
			sandbox,
			pushTo({ registrationIds: 'rid-1' }, { options: { overrideMsgId: ' 1828256757 ' } }),
		);
		expect((sent().body.options as { override_msg_id: unknown }).override_msg_id).toBe(1828256757);
		const tooLong = await runEngageLab(
			sandbox,
			pushTo({ registrationIds: 'rid-1' }, { options: { overrideMsgId: '9007199254740993' } }),
		);
		expect(tooLong.error?.message).toContain('Override Message ID');
		expect(sandbox.requests).toHaveLength(1);
	});

	it('JSON mode: override_msg_id on a group push is refused before sending (doc 003)', async () => {
		const run = await runEngageLab(sandbox, {
			resource: 'groupPush',
			operation: 'sendToGroup',
			bodyInput: 'json',
			bodyJson: JSON.stringify({
				to: 'all',
				body: { platform: 'all', notification: { alert: 'Hi' }, options: { override_msg_id: 1 } },
			}),
		});
		expect(run.error?.message).toContain('not available for group pushes');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('JSON mode: msg_content as an object and time_to_live as text (doc 004 types)', async () => {
		const run = await runEngageLab(sandbox, {
			resource: 'push',
			operation: 'send',
			bodyInput: 'json',
			bodyJson: JSON.stringify({
				to: { registration_id: ['rid-1'] },
				body: {
					platform: 'all',
					message: { msg_content: { order: 7 } },
					options: { time_to_live: '60', override_msg_id: '1828256757' },
				},
			}),
		});
		expect(run.error).toBeUndefined();
		expect(sent().body).toMatchObject({
			message: { msg_content: { order: 7 } },
			options: { time_to_live: '60', override_msg_id: 1828256757 },
		});
	});
});
