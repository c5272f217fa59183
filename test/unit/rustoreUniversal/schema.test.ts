import {
	universalSendSchema,
	universalTopicSchemaWithHms,
	universalTopicSchema,
} from '../../../nodes/RuStoreUniversalPush/schema';
import { universalFacts } from '../../fixtures/provider-docs/rustoreUniversal';

const message = { notification: { title: 'Hi', body: 'There' } };

describe('Universal → Send, by the documented rules', () => {
	it('takes token lists of any provider with a payload', () => {
		expect(
			universalSendSchema.safeParse({ tokens: { rustore: ['r1'], fcm: ['f1'] }, message }).success,
		).toBe(true);
	});

	it('needs tokens for at least one provider', () => {
		const result = universalSendSchema.safeParse({ tokens: {}, message });
		expect(result.error?.issues[0].message).toBe('give push tokens for at least one provider');
	});

	it('needs the android block for HMS tokens', () => {
		const result = universalSendSchema.safeParse({ tokens: { hms: ['h1'] }, message });
		expect(result.error?.issues[0].path).toEqual(['message', 'android']);
		expect(
			universalSendSchema.safeParse({
				tokens: { hms: ['h1'] },
				message: { ...message, android: { ttl: '60s' } },
			}).success,
		).toBe(true);
	});

	it('has no APNS list (its fields are unconfirmed) and keeps RuStore’s message rules', () => {
		expect(universalSendSchema.safeParse({ tokens: { apns: ['a'] }, message }).success).toBe(false);
		expect(
			universalSendSchema.safeParse({ tokens: { rustore: ['r1'] }, message: {} }).error?.issues[0]
				.message,
		).toContain('RuStore needs a payload');
		expect(
			universalSendSchema.safeParse({ tokens: { rustore: ['with space'] }, message }).success,
		).toBe(false);
	});
});

describe('Universal → Send to Topic', () => {
	it('checks the topic name and, when HMS is configured, the android block', () => {
		expect(universalTopicSchema.safeParse({ topic: 'news', message }).success).toBe(true);
		expect(universalTopicSchema.safeParse({ topic: 'no spaces', message }).success).toBe(false);
		expect(universalTopicSchemaWithHms.safeParse({ topic: 'news', message }).success).toBe(false);
	});
});

describe('the notification, by RuStore’s universal examples pages', () => {
	const requests = universalFacts.filter((fact) => fact.request);

	it.each(requests.map((fact) => [fact.id, fact] as const))(
		'%s: the example’s message is taken exactly when RuStore takes it',
		(_id, fact) => {
			const schema = fact.route === '/v1/send' ? universalSendSchema : universalTopicSchema;
			const { providers: _providers, ...request } = fact.request!;
			const refusedForMessage = fact.answer?.body
				? JSON.stringify(fact.answer.body).includes('message.notification')
				: false;
			const result = schema.safeParse(request);
			expect(result.success).toBe(!refusedForMessage);
			if (refusedForMessage)
				expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
					'message.notification.title',
					'message.notification.body',
				]);
		},
	);

	it('refuses a title without a body, and an empty body, before anything is sent', () => {
		for (const notification of [{ title: 'Hi' }, { title: 'Hi', body: '' }]) {
			const result = universalSendSchema.safeParse({
				tokens: { rustore: ['r1'] },
				message: { notification },
			});
			expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
				[
					'message.notification.body',
					"is required: RuStore's universal API refuses a notification without a body",
				],
			]);
		}
	});

	it('still takes a data-only message (no page shows a rule against one)', () => {
		expect(
			universalSendSchema.safeParse({ tokens: { rustore: ['r1'] }, message: { data: { k: 'v' } } })
				.success,
		).toBe(true);
	});
});
