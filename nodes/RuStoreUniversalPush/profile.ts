import type { ProviderProfile } from '../shared/delivery';

/**
 * RuStore publishes no rate limit for the universal API either; one request carries many tokens, so
 * a lower start than the native send's. The Delivery options can raise it.
 */
export const ruStoreUniversalProfile: ProviderProfile = {
	provider: 'RuStore Universal',
	credentialType: 'ruStoreUniversalApi',
	defaultRequestsPerSecond: 20,
};
