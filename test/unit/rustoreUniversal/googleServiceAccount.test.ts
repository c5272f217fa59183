import { createVerify, generateKeyPairSync } from 'node:crypto';

import {
	FCM_SCOPE,
	GOOGLE_TOKEN_URI,
	parseServiceAccountKey,
	signedAssertion,
} from '../../../credentials/ruStoreUniversal/googleServiceAccount';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
	modulusLength: 2048,
	publicKeyEncoding: { type: 'spki', format: 'pem' },
	privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const keyFile = (extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		type: 'service_account',
		project_id: 'my-firebase',
		private_key_id: 'kid-1',
		private_key: privateKey,
		client_email: 'push@my-firebase.iam.gserviceaccount.com',
		...extra,
	});

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('the FCM service-account key', () => {
	it('reads the fields it needs, with Google’s token URI by default', () => {
		expect(parseServiceAccountKey(keyFile())).toEqual({
			projectId: 'my-firebase',
			clientEmail: 'push@my-firebase.iam.gserviceaccount.com',
			privateKey,
			privateKeyId: 'kid-1',
			tokenUri: GOOGLE_TOKEN_URI,
		});
	});

	it('unescapes a private key whose line breaks were pasted as \\n', () => {
		const escaped = keyFile({ private_key: privateKey.replace(/\n/g, '\\n') });
		expect(parseServiceAccountKey(escaped).privateKey).toBe(privateKey);
	});

	it('names what is wrong, never a value', () => {
		expect(() => parseServiceAccountKey('not json')).toThrow(
			'FCM: the Service Account Key is not valid JSON: paste the whole key file Firebase downloaded',
		);
		expect(() => parseServiceAccountKey('[1]')).toThrow(
			'FCM: the Service Account Key must be the JSON object of a key file',
		);
		expect(() => parseServiceAccountKey('{"project_id":"p","private_key":"secret"}')).toThrow(
			'FCM: the Service Account Key lacks client_email',
		);
	});
});

describe('the signed JWT Google exchanges for an access token', () => {
	const now = 1_700_000_000;
	const jwt = signedAssertion(parseServiceAccountKey(keyFile()), now);
	const [header, claims, signature] = jwt.split('.');

	it('is RS256, signed with the key, verifiable with its public half', () => {
		expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
		const valid = createVerify('RSA-SHA256')
			.update(`${header}.${claims}`)
			.verify(publicKey, Buffer.from(signature, 'base64url'));
		expect(valid).toBe(true);
		expect(jwt).not.toMatch(/[+/=]/);
	});

	it('asks for the FCM scope, for one hour, addressed to the token URI', () => {
		expect(decode(claims)).toEqual({
			iss: 'push@my-firebase.iam.gserviceaccount.com',
			scope: FCM_SCOPE,
			aud: GOOGLE_TOKEN_URI,
			iat: now,
			exp: now + 3600,
		});
	});

	it('says so when the private key cannot sign', () => {
		expect(() =>
			signedAssertion(parseServiceAccountKey(keyFile({ private_key: 'not a key' })), now),
		).toThrow(
			'FCM: the private_key of the Service Account Key cannot be read: paste the key file unchanged',
		);
	});
});
