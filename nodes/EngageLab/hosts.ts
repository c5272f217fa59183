/** EngageLab's API hosts per data centre and product (App Push, Web Push); paths are `/v4/...`. */
export const ENGAGELAB_HOSTS: Record<string, { app: string; web?: string }> = {
	sgp: { app: 'https://pushapi-sgp.engagelab.com', web: 'https://webpushapi-sgp.engagelab.com' },
	hk: { app: 'https://pushapi-hk.engagelab.com', web: 'https://webpushapi-hk.engagelab.com' },
	usva: { app: 'https://pushapi-usva.engagelab.com' },
	defra: { app: 'https://pushapi-defra.engagelab.com' },
};

/** A custom base URL as people copy it: trailing slashes and a trailing `/v4` are dropped. */
export function normaliseBaseUrl(url: unknown): string {
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/v4$/, '');
}

/** The base URL for a credential's data centre and product, or undefined when EngageLab has none there. */
export function engageLabBaseUrl(credentials: {
	dataCenter?: unknown;
	product?: unknown;
	customBaseUrl?: unknown;
}): string | undefined {
	if (credentials.dataCenter === 'custom') return normaliseBaseUrl(credentials.customBaseUrl);
	const hosts = ENGAGELAB_HOSTS[String(credentials.dataCenter)];
	return credentials.product === 'webPush' ? hosts?.web : hosts?.app;
}

// Spaced braces: two closing braces in a row would end the n8n expression early.
const HOSTS_LITERAL = JSON.stringify(ENGAGELAB_HOSTS).replace(/\}/g, ' }');

/** The same choice as an n8n expression, for the credential test request. */
export const BASE_URL_EXPRESSION = `={{ $credentials.dataCenter === "custom" ? String($credentials.customBaseUrl).trim().replace(/\\/+$/, "").replace(/\\/v4$/, "") : (${HOSTS_LITERAL})[$credentials.dataCenter][$credentials.product === "webPush" ? "web" : "app"] }}`;
