import { createHash, randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

interface FetchedToken {
	accessToken: string;
	/** Unix time in milliseconds, as Sber's NGW sends it. */
	expiresAt: number;
	fetchedAt: number;
}

// Module scope on purpose: every item of every run shares one token fetch per client, so n8n's
// per-item preAuthentication calls cost one request, and an expiry one refresh however many requests
// were in flight when it came (each of them meets its own 401 and asks).
const inFlight = new Map<string, Promise<FetchedToken>>();
const latest = new Map<string, FetchedToken>();

/** Hand a token out until a little before Sber's expiry: a tenth of its life, at most a minute. */
const EXPIRY_MARGIN_MS = 60_000;

function stillGood(token: FetchedToken, now = Date.now()): boolean {
	const margin = Math.min(EXPIRY_MARGIN_MS, (token.expiresAt - token.fetchedAt) / 10);
	return token.expiresAt - margin > now;
}

/** NGW sends milliseconds; a value in seconds (as some of Sber's other hosts send) is read as such. */
function expiryOf(raw: unknown, fetchedAt: number): number {
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) return fetchedAt + 30 * 60_000;
	return value < 1e12 ? value * 1000 : value;
}

function basicKey(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.authMode === 'authKey') return String(credentials.authKey ?? '').trim();
	return Buffer.from(
		`${String(credentials.clientId ?? '').trim()}:${String(credentials.clientSecret ?? '')}`,
	).toString('base64');
}

/** Identifies a client without keeping its secret in the key. */
function clientKey(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(
			`${String(credentials.tokenUrl)}\n${String(credentials.scope)}\n${basicKey(credentials)}`,
		)
		.digest('hex');
}

async function fetchToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<FetchedToken> {
	const fetchedAt = Date.now();
	const response = (await helper.helpers.httpRequest({
		method: 'POST',
		url: String(credentials.tokenUrl),
		headers: {
			Authorization: `Basic ${basicKey(credentials)}`,
			RqUID: randomUUID(),
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'application/json',
		},
		body: `scope=${encodeURIComponent(String(credentials.scope || 'SMART_PUSH'))}`,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		json: true,
	})) as IDataObject;
	const accessToken = typeof response?.access_token === 'string' ? response.access_token : '';
	if (!accessToken)
		throw new Error('Sber answered the token request without an access_token: check the Token URL');
	return { accessToken, expiresAt: expiryOf(response.expires_at, fetchedAt), fetchedAt };
}

export class SberSmartPushApi implements ICredentialType {
	name = 'sberSmartPushApi';

	displayName = 'Sber SmartPush API';

	documentationUrl = 'https://developers.sber.ru/docs/ru/va/smartservices/smartpush/access';

	icon = { light: 'file:../icons/sber.svg', dark: 'file:../icons/sber.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Authenticate With',
			name: 'authMode',
			type: 'options',
			options: [
				{ name: 'Client ID and Client Secret', value: 'clientSecret' },
				{
					name: 'Authorization Key',
					value: 'authKey',
					description: 'The Base64 key SmartMarket Studio shows',
				},
			],
			default: 'clientSecret',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'SmartMarket Studio → your project → Settings → SmartPush → Client ID',
			displayOptions: { show: { authMode: ['clientSecret'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown once in SmartMarket Studio after "Get Client Secret"',
			displayOptions: { show: { authMode: ['clientSecret'] } },
		},
		{
			displayName: 'Authorization Key',
			name: 'authKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Base64 of "client_id:client_secret", as SmartMarket Studio shows it',
			displayOptions: { show: { authMode: ['authKey'] } },
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'SMART_PUSH',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
			description: 'Older projects may use https://salute.online.sberbank.ru:9443/api/v2/oauth',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://ngw.devices.sberbank.ru:9443',
			description: 'Older projects may use https://salute.online.sberbank.ru:9443',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				"Whether to accept Sber's certificate without checking it. Sber's hosts chain to the Russian Trusted Root CA, which many systems lack; adding that CA to n8n with NODE_EXTRA_CA_CERTS is the safer fix.",
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Called by n8n when the stored token is empty, and again by every request Sber answered 401 (with
	 * the token that request used). One fetch per expiry: a fetch under way serves everyone who asks
	 * meanwhile, and a caller whose token is not the latest fetched one (an older, refused one, or none
	 * yet) takes the latest while it is good. Only the holder of the latest token starts a new fetch.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const key = clientKey(credentials);
		const pending = inFlight.get(key);
		if (pending) return { accessToken: (await pending).accessToken };
		const known = latest.get(key);
		if (known && known.accessToken !== credentials.accessToken && stillGood(known)) {
			return { accessToken: known.accessToken };
		}
		const fetching = fetchToken(this, credentials)
			.then((token) => {
				latest.set(key, token);
				return token;
			})
			.finally(() => inFlight.delete(key));
		inFlight.set(key, fetching);
		return { accessToken: (await fetching).accessToken };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...request,
			headers: { ...request.headers, Authorization: `Bearer ${String(credentials.accessToken)}` },
			...(credentials.ignoreSslIssues === true ? { skipSslCertificateValidation: true } : {}),
		};
	}

	// n8n fetches a token before this request (a failure there fails the test with Sber's reason);
	// the request then proves the API host is reachable. Nothing is sent to anyone.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v2/smartpush/apprequest-lite',
			method: 'GET',
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
	};
}
