import { UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND, type ProviderProfile } from '../shared/delivery';

/** EngageLab's documented push cap: 500 requests per second per AppKey (doc 004, code 23008). */
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

/**
 * Reports, recall, device status, schedules, devices, tags and aliases: EngageLab publishes no limit
 * for them (provider-docs: lifecycleRate), so they go slowly by default, in their own bucket of the
 * credential (a report does not slow a campaign); Delivery → Requests per Second raises it.
 */
export const engageLabLifecycleProfile: ProviderProfile = {
	provider: 'EngageLab',
	credentialType: 'engageLabApi',
	defaultRequestsPerSecond: UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND,
	rateBucket: 'unpublished',
};
