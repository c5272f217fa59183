import { createSign } from 'crypto';

/** The fields of a Google service-account key (the JSON file Firebase's console downloads) we use. */
export interface ServiceAccountKey {
	projectId: string;
	clientEmail: string;
	privateKey: string;
	privateKeyId?: string;
	/** Where Google exchanges the signed JWT; also the JWT's audience. */
	tokenUri: string;
}

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
/** Google accepts assertions valid for at most one hour. */
const ASSERTION_LIFETIME_SECONDS = 3600;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function parseJson(raw: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(raw) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

/** Reads the key the user pasted; the messages name what is missing, never a value. */
export function parseServiceAccountKey(raw: unknown): ServiceAccountKey {
	const key = typeof raw === 'string' ? parseJson(raw) : (raw as Record<string, unknown>);
	if (key === undefined)
		throw new Error(
			'FCM: the Service Account Key is not valid JSON: paste the whole key file Firebase downloaded',
		);
	if (typeof key !== 'object' || key === null || Array.isArray(key))
		throw new Error('FCM: the Service Account Key must be the JSON object of a key file');
	const missing = ['project_id', 'client_email', 'private_key'].filter((name) => !text(key[name]));
	if (missing.length) throw new Error(`FCM: the Service Account Key lacks ${missing.join(', ')}`);
	return {
		projectId: text(key.project_id),
		clientEmail: text(key.client_email),
		// Keys pasted through some editors keep their line breaks escaped.
		privateKey: String(key.private_key).replace(/\\n/g, '\n'),
		privateKeyId: text(key.private_key_id) || undefined,
		tokenUri: text(key.token_uri) || GOOGLE_TOKEN_URI,
	};
}

const base64url = (value: string | Buffer): string =>
	Buffer.from(value).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function sign(input: string, privateKey: string): Buffer | undefined {
	try {
		return createSign('RSA-SHA256').update(input).sign(privateKey);
	} catch {
		return undefined;
	}
}

/**
 * The RS256-signed JWT that Google exchanges for an access token (OAuth 2.0 for server to server
 * applications), signed with Node's own crypto so that the package needs no runtime dependency.
 */
export function signedAssertion(key: ServiceAccountKey, nowSeconds: number): string {
	const header = {
		alg: 'RS256',
		typ: 'JWT',
		...(key.privateKeyId ? { kid: key.privateKeyId } : {}),
	};
	const claims = {
		iss: key.clientEmail,
		scope: FCM_SCOPE,
		aud: key.tokenUri,
		iat: nowSeconds,
		exp: nowSeconds + ASSERTION_LIFETIME_SECONDS,
	};
	const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
	const signature = sign(signingInput, key.privateKey);
	if (!signature)
		throw new Error(
			'FCM: the private_key of the Service Account Key cannot be read: paste the key file unchanged',
		);
	return `${signingInput}.${base64url(signature)}`;
}
