import type { ProviderProfile } from '../shared/delivery';
import { sberAnswerFailure } from './errors';

/**
 * Sber agrees send limits per smartapp with its moderators and publishes no numbers; 20 requests per
 * second keeps a typical smartapp well inside them, and the Delivery options can raise it.
 */
export const sberProfile: ProviderProfile = {
	provider: 'Sber SmartPush',
	credentialType: 'sberSmartPushApi',
	defaultRequestsPerSecond: 20,
	// The node lets n8n throw on HTTP errors, so that n8n fetches a new token after a 401.
	failureOfAnswer: sberAnswerFailure,
};
