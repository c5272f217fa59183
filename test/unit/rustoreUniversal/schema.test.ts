import {
	universalSendSchema,
	universalTopicSchemaWithHms,
	universalTopicSchema,
} from '../../../nodes/RuStoreUniversalPush/schema';

const message = { notification: { title: 'Hi' } };

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
