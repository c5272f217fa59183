import {
	extendedBodySchema,
	liteBodySchema,
	MISPLACED_TIME_FRAME,
} from '../../../nodes/SberSmartPush/schema';

const lite = {
	projectId: 'p',
	clientId: 'sub',
	surface: 'COMPANION',
	templateContent: { id: 'tpl' },
};
const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
	result.error?.issues.map((issue) => issue.message) ?? [];

describe('Sber lite request schema', () => {
	it('accepts a template send and refuses an unknown surface', () => {
		expect(liteBodySchema.safeParse(lite).success).toBe(true);
		expect(messages(liteBodySchema.safeParse({ ...lite, surface: 'WATCH' }))[0]).toContain(
			'must be one of COMPANION',
		);
	});

	it('limits the template id to 36 characters and the variables to 3 in the header and 10 in the body', () => {
		expect(
			messages(liteBodySchema.safeParse({ ...lite, templateContent: { id: 'x'.repeat(37) } })),
		).toEqual(['must be at most 36 characters']);
		const header = Object.fromEntries(['a', 'b', 'c', 'd'].map((key) => [key, 'v']));
		expect(
			messages(
				liteBodySchema.safeParse({ ...lite, templateContent: { id: 't', headerValues: header } }),
			),
		).toEqual(["at most 3 variables (Sber's header limit)"]);
		const body = Object.fromEntries(Array.from({ length: 11 }, (_, n) => [`v${n}`, 'x']));
		expect(
			messages(
				liteBodySchema.safeParse({ ...lite, templateContent: { id: 't', bodyValues: body } }),
			),
		).toEqual(["at most 10 variables (Sber's body limit)"]);
		expect(
			messages(
				liteBodySchema.safeParse({
					...lite,
					templateContent: { id: 't', headerValues: { a: 'x'.repeat(81) } },
				}),
			)[0],
		).toContain('at most 80 characters');
	});
});

describe('Sber extended request schema', () => {
	const destination = {
		surface: 'COMPANION',
		channel: 'COMPANION_B2C',
		priority: 0,
		templateContent: { id: 'tpl' },
	};
	const body = (patch: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => ({
		protocolVersion: 'V1',
		messageId: 1,
		messageName: 'SEND_PUSH',
		payload: {
			sender: { projectId: 'p' },
			recipient: { clientId: { idType: 'SUB', id: 'sub' } },
			deliveryConfig: { deliveryMode: 'BROADCAST', destinations: [destination], ...config },
		},
		...patch,
	});

	it('accepts the documented example shape', () => {
		expect(extendedBodySchema.safeParse(body()).success).toBe(true);
	});

	it('checks protocol version, message name and the int32 message id', () => {
		expect(
			messages(extendedBodySchema.safeParse(body({ protocolVersion: 'V'.repeat(17) }))),
		).toEqual(['must be at most 16 characters']);
		expect(messages(extendedBodySchema.safeParse(body({ messageName: 'PUSH' })))).toEqual([
			'must be SEND_PUSH (Sber code 1001)',
		]);
		expect(messages(extendedBodySchema.safeParse(body({ messageId: 2 ** 31 })))).toEqual([
			'must be at most 2147483647 (int32)',
		]);
	});

	it('refuses mobile and device parameters together (1006) and deep links over 350 characters', () => {
		const both = {
			...destination,
			templateContent: {
				id: 't',
				mobileAppParameters: { buttonText: 'Go' },
				deviceParameters: { deepLink: 'x' },
			},
		};
		expect(messages(extendedBodySchema.safeParse(body({}, { destinations: [both] })))).toEqual([
			'give mobile app parameters or device parameters, not both (Sber code 1006)',
		]);
		const long = {
			...destination,
			templateContent: { id: 't', mobileAppParameters: { deeplinkAndroid: 'x'.repeat(351) } },
		};
		expect(messages(extendedBodySchema.safeParse(body({}, { destinations: [long] })))).toEqual([
			'must be at most 350 characters',
		]);
	});

	it("checks the time frame formats and order, in each destination's template content", () => {
		const frame = {
			startTime: '09:00:00',
			finishTime: '18:00:00',
			timeZone: 'GMT+03:00',
			startDate: '2026-12-01',
		};
		const framed = (timeFrame: object) =>
			body({}, { destinations: [{ ...destination, templateContent: { id: 't', timeFrame } }] });
		expect(extendedBodySchema.safeParse(framed(frame)).success).toBe(true);
		expect(
			messages(extendedBodySchema.safeParse(framed({ ...frame, timeZone: '+03:00' })))[0],
		).toContain('GMT+hh:mm');
		expect(
			messages(extendedBodySchema.safeParse(framed({ ...frame, startDate: '01.12.2026' })))[0],
		).toContain('yyyy-MM-dd');
		expect(
			messages(extendedBodySchema.safeParse(framed({ ...frame, endDate: '2026-11-30' })))[0],
		).toContain('1008');
		// Over several days, the daily window may end "before" it starts (an overnight window).
		expect(
			extendedBodySchema.safeParse(
				framed({ ...frame, finishTime: '02:00:00', endDate: '2026-12-03' }),
			).success,
		).toBe(true);
	});

	it('refuses a time frame in deliveryConfig, naming where Sber takes it', () => {
		const frame = {
			startTime: '09:00:00',
			finishTime: '18:00:00',
			timeZone: 'GMT+03:00',
			startDate: '2026-12-01',
		};
		expect(messages(extendedBodySchema.safeParse(body({}, { timeFrame: frame })))).toEqual([
			MISPLACED_TIME_FRAME,
		]);
	});

	it("takes the SDK's optional priority and either case of delivery mode", () => {
		const { priority: _ignored, ...noPriority } = destination as Record<string, unknown>;
		expect(extendedBodySchema.safeParse(body({}, { destinations: [noPriority] })).success).toBe(
			true,
		);
		expect(extendedBodySchema.safeParse(body({}, { deliveryMode: 'sequential' })).success).toBe(
			true,
		);
		expect(messages(extendedBodySchema.safeParse(body({}, { deliveryMode: 'ALL' })))).toEqual([
			'must be BROADCAST or SEQUENTIAL',
		]);
	});
});
