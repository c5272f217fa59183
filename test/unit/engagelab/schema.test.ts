import { pushBodySchema, pushRulesSchema } from '../../../nodes/EngageLab/schema';

const push = (to: unknown, body: Record<string, unknown> = {}) => ({
	to,
	body: { platform: 'all', notification: { alert: 'Hi' }, ...body },
});
/** As the node checks: each field, then (when they pass) the rules across fields. */
function problems(value: unknown): string[] {
	const fields = pushBodySchema.safeParse(value);
	const issues = fields.success
		? (pushRulesSchema.safeParse(fields.data).error?.issues ?? [])
		: fields.error.issues;
	return issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('EngageLab push schema', () => {
	it('accepts everyone and combined audiences', () => {
		expect(problems(push('all'))).toEqual([]);
		expect(
			problems(
				push({ tag: ['a'], tag_and: ['b'], tag_not: ['c'], alias: ['d'], seg: { id: 's' } }),
			),
		).toEqual([]);
	});

	it('names the audience rule that is broken', () => {
		expect(problems(push({ tag_not: ['x'] }))[0]).toContain(
			'to.tag_not: Tags NOT narrows another audience',
		);
		expect(problems(push({ tag: ['x'.repeat(41)] }))).toEqual([
			'to.tag.0: each must be at most 40 bytes',
		]);
		expect(problems(push({ nobody: ['x'] }))[0]).toContain('to');
	});

	it('accepts a notification with a custom message (the group push example), refuses neither', () => {
		expect(problems(push('all', { message: { msg_content: 'x' } }))).toEqual([]);
		expect(problems({ to: 'all', body: { platform: 'all' } })).toEqual([
			'body: needs a notification or a custom message',
		]);
	});

	it('takes the types doc 004 gives: objects for msg_content and web.alert, text time_to_live', () => {
		const web = { alert: { title: 'T', body: 'B' }, url: 'https://shop.example' };
		expect(
			problems({
				to: 'all',
				body: {
					platform: 'web',
					notification: { web },
					message: { msg_content: { order: 1 } },
					options: { time_to_live: '60', override_msg_id: 1828256757 },
				},
			}),
		).toEqual([]);
		expect(problems(push('all', { options: { time_to_live: 'soon' } }))).toEqual([
			'body.options.time_to_live: must be a whole number of seconds (a number or text)',
		]);
	});

	it('checks the per-platform fields', () => {
		expect(problems(push('all', { notification: { hmos: { alert: '', style: 3 } } }))).toEqual([
			'body.notification.hmos.inbox_content: is needed when the style is 3 (multi-line)',
		]);
		expect(
			problems(push('all', { notification: { hmos: { alert: '', badge_add_num: 100 } } })),
		).toEqual(['body.notification.hmos.badge_add_num: must be 1 to 99']);
		expect(
			problems(push('all', { notification: { ios: { 'interruption-level': 'loud' } } }))[0],
		).toContain('passive, active, time-sensitive or critical');
		expect(
			problems(
				push('all', {
					notification: { web: { alert: 'x', url: 'https://x', title: 'y'.repeat(2100) } },
				}),
			)[0],
		).toContain('at most 2048 for Web Push');
	});

	it('checks the cid and the big push duration', () => {
		expect(problems(push('all', { options: { cid: 'x'.repeat(65) } }))).toEqual([
			'body.options.cid: must be 1 to 64 letters, digits, _ or -',
		]);
		expect(problems(push('all', { options: { big_push_duration: 1441 } }))).toEqual([
			'body.options.big_push_duration: must be at most 1440 minutes (EngageLab code 23006)',
		]);
	});
});
