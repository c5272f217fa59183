import { UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND, type ProviderProfile } from '../shared/delivery';

/**
 * RuStore publishes no rate limit for the universal API (its pages show none): the conservative
 * default of operations without a published limit; the Delivery options can raise it.
 */
export const ruStoreUniversalProfile: ProviderProfile = {
	provider: 'RuStore Universal',
	credentialType: 'ruStoreUniversalApi',
	defaultRequestsPerSecond: UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND,
};
