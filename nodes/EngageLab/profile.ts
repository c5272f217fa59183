import type { ProviderProfile } from '../shared/delivery';

/** EngageLab's documented cap: 500 requests per second per AppKey. */
export const engageLabProfile: ProviderProfile = {
	provider: 'EngageLab',
	credentialType: 'engageLabApi',
	defaultRequestsPerSecond: 500,
};

export const engageLabGroupProfile: ProviderProfile = {
	provider: 'EngageLab',
	credentialType: 'engageLabGroupApi',
	defaultRequestsPerSecond: 500,
};
