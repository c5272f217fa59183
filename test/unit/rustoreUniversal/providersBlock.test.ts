import { providersBlock } from '../../../credentials/ruStoreUniversal/providersBlock';

const credentials = {
	projectId: 'rs-project',
	serviceToken: 'rs-secret',
	useFcm: true,
	fcmServiceAccountPrivateKey: JSON.stringify({
		project_id: 'fb-project',
		client_email: 'a@b.c',
		private_key: 'k',
	}),
	useHms: true,
	hmsProjectId: 'hms-project',
};
const tokens = { fcm: 'ya29.x', hms: 'hms.y' };

describe('the providers block the credential adds to the body', () => {
	it('carries only the providers a send has tokens for', () => {
		expect(providersBlock(credentials, tokens, { tokens: { rustore: ['r'], hms: ['h'] } })).toEqual(
			{
				rustore: { project_id: 'rs-project', auth_token: 'rs-secret' },
				hms: { project_id: 'hms-project', auth_token: 'hms.y' },
			},
		);
	});

	it('carries every configured provider for a topic send', () => {
		expect(Object.keys(providersBlock(credentials, tokens, { topic: 'news' }))).toEqual([
			'rustore',
			'fcm',
			'hms',
		]);
		expect(providersBlock(credentials, tokens, { topic: 'news' }).fcm).toEqual({
			project_id: 'fb-project',
			auth_token: 'ya29.x',
		});
	});

	it('refuses to send a provider without its access token', () => {
		expect(() => providersBlock(credentials, {}, { topic: 'news' })).toThrow(
			'FCM: no access token was fetched for this request; run it again',
		);
	});
});
