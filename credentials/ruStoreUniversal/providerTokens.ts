import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { parseServiceAccountKey, signedAssertion } from './googleServiceAccount';

export const HUAWEI_TOKEN_URL = 'https://oauth-login.cloud.huawei.com/oauth2/v3/token';

/** An access token and when to stop using it (Unix milliseconds). */
interface AccessToken {
	accessToken: string;
	expiresAt: number;
}

/** The access tokens of one credential, for the providers it configures. */
export interface ProviderAccessTokens {
	fcm?: string;
	hms?: string;
}

// Module scope on purpose, as in the Sber credential: every item of every run shares one token fetch
// per client, and an expiry costs one refresh. Keys are hashes, so no secret is kept in a key.
const inFlight = new Map<string, Promise<AccessToken>>();
const latest = new Map<string, AccessToken>();

/** Refresh before the provider's expiry: a minute early, or halfway for tokens shorter than two. */
function usableUntil(lifetimeSeconds: number, now: number): number {
	const lifetime = lifetimeSeconds * 1000;
	return now + lifetime - Math.min(60_000, lifetime / 2);
}

function cacheKey(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\n')).digest('hex');
}

async function cached(key: string, fetch: () => Promise<AccessToken>): Promise<string> {
	const known = latest.get(key);
	if (known && known.expiresAt > Date.now()) return known.accessToken;
	let pending = inFlight.get(key);
	if (!pending) {
		pending = fetch()
			.then((token) => {
				latest.set(key, token);
				return token;
			})
			.finally(() => inFlight.delete(key));
		inFlight.set(key, pending);
	}
	return (await pending).accessToken;
}

/** The token endpoint's own words, without anything from the request. */
function refusal(body: unknown): string {
	if (typeof body !== 'object' || body === null) return '';
	const { error, error_description: description, sub_error: subError } = body as IDataObject;
	const parts = [error, subError, description]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.map(String);
	return parts.length ? `: ${parts.join(' / ')}` : '';
}

interface TokenAnswer {
	statusCode: number;
	body: unknown;
}

async function postForm(
	helper: IHttpRequestHelper,
	url: string,
	form: Record<string, string>,
	provider: string,
): Promise<TokenAnswer> {
	const answer = await helper.helpers
		.httpRequest({
			method: 'POST',
			url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: new URLSearchParams(form).toString(),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: true,
		})
		.then(
			(response: { statusCode: number; body: unknown }) => response,
			// Only the transport's code: the error object holds the request, which holds the secret.
			(error: { code?: unknown; cause?: { code?: unknown } }) => ({
				unreachable: error?.cause?.code ?? error?.code,
			}),
		);
	if ('unreachable' in answer) {
		const code = answer.unreachable;
		throw new Error(
			`${provider}: the token endpoint ${url} could not be reached${typeof code === 'string' ? ` (${code})` : ''}`,
		);
	}
	return { statusCode: answer.statusCode, body: answer.body };
}

function accessTokenFrom(answer: TokenAnswer, now: number): AccessToken | undefined {
	const body = answer.body as IDataObject | undefined;
	if (answer.statusCode < 200 || answer.statusCode >= 300) return undefined;
	if (typeof body?.access_token !== 'string' || body.access_token === '') return undefined;
	const lifetime = Number(body.expires_in);
	return {
		accessToken: body.access_token,
		expiresAt: usableUntil(Number.isFinite(lifetime) && lifetime > 0 ? lifetime : 3600, now),
	};
}

/** Who asks Google for FCM's token, and the cache entry its tokens go in. */
function fcmClient(credentials: ICredentialDataDecryptedObject) {
	const key = parseServiceAccountKey(credentials.fcmServiceAccountPrivateKey);
	const url = String(credentials.googleTokenUrl ?? '').trim() || key.tokenUri;
	return { key, url, cacheKey: cacheKey('fcm', url, key.clientEmail, key.privateKey) };
}

/** Who asks Huawei for HMS's token, and the cache entry its tokens go in. */
function hmsClient(credentials: ICredentialDataDecryptedObject) {
	const clientId = String(credentials.hmsAppId ?? '').trim();
	const clientSecret = String(credentials.hmsClientSecret ?? '');
	const url = String(credentials.huaweiTokenUrl ?? '').trim() || HUAWEI_TOKEN_URL;
	return { clientId, clientSecret, url, cacheKey: cacheKey('hms', url, clientId, clientSecret) };
}

/** FCM v1's OAuth access token, minted from the service-account key (a JWT exchanged at Google). */
async function fcmToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const { key, url, cacheKey: entry } = fcmClient(credentials);
	return await cached(entry, async () => {
		const now = Date.now();
		const answer = await postForm(
			helper,
			url,
			{
				grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
				assertion: signedAssertion(key, Math.floor(now / 1000)),
			},
			'FCM',
		);
		const token = accessTokenFrom(answer, now);
		if (!token)
			throw new Error(
				`FCM: Google refused the Service Account Key (HTTP ${answer.statusCode}${refusal(answer.body)}): check that the key is current and belongs to the Firebase project`,
			);
		return token;
	});
}

/** HMS Push Kit's access token: the app's OAuth client credentials, exchanged at Huawei. */
async function hmsToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const { clientId, clientSecret, url, cacheKey: entry } = hmsClient(credentials);
	return await cached(entry, async () => {
		const now = Date.now();
		const answer = await postForm(
			helper,
			url,
			{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
			'HMS',
		);
		const token = accessTokenFrom(answer, now);
		if (!token)
			throw new Error(
				`HMS: Huawei refused the App ID or the Client Secret (HTTP ${answer.statusCode}${refusal(answer.body)}): check them in AppGallery Connect → your project → Project settings`,
			);
		return token;
	});
}

/**
 * The access tokens of the providers the credential configures, from the cache while they are fresh,
 * else fetched (one request per client, however many callers wait for it).
 */
export async function providerAccessTokens(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<ProviderAccessTokens> {
	const [fcm, hms] = await Promise.all([
		credentials.useFcm === true ? fcmToken(helper, credentials) : undefined,
		credentials.useHms === true ? hmsToken(helper, credentials) : undefined,
	]);
	return { fcm, hms };
}

/** The tokens already fetched for this credential and still fresh; no request. */
export function cachedAccessTokens(
	credentials: ICredentialDataDecryptedObject,
): ProviderAccessTokens {
	const fresh = (entry: string) => {
		const token = latest.get(entry);
		return token && token.expiresAt > Date.now() ? token.accessToken : undefined;
	};
	return {
		fcm: credentials.useFcm === true ? fresh(fcmClient(credentials).cacheKey) : undefined,
		hms: credentials.useHms === true ? fresh(hmsClient(credentials).cacheKey) : undefined,
	};
}
