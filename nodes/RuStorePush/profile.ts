import type { ProviderProfile } from '../shared/delivery';

/**
 * RuStore publishes no rate limit, only the TOO_MANY_REQUESTS answer; 100 requests per second is a
 * conservative start that the Delivery options can raise.
 */
export const ruStoreProfile: ProviderProfile = {
	provider: 'RuStore',
	credentialType: 'ruStorePushApi',
	defaultRequestsPerSecond: 100,
};
