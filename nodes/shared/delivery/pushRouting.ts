import type {
	INodePropertyRouting,
	IHttpRequestMethods,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { allItemsValid } from './allItemsValid';
import { deliver, type DeliveryPlan, type ProviderProfile } from './deliver';

/** The three parts of an operation that calls a provider, and the provider they call. */
export interface PushOperation {
	profile: ProviderProfile;
	/** preSend: the node's fields (or JSON) → a validated request, URL included. */
	build: PreSendAction;
	/** How the delivery layer splits, sends and reads the requests of one item. */
	plan: DeliveryPlan;
	/** postReceive: a provider answer → items, or a NodeApiError saying what it means. */
	read: PostReceiveAction;
	method?: IHttpRequestMethods;
}

/**
 * The routing of every operation that calls a provider, written once: the builder behind the
 * validate-all gate, `paginate: true` so that n8n hands each request to the delivery layer (the
 * declarative `pagination` function is the around-hook of the request), and the answer reader.
 */
export function pushRouting({
	profile,
	build,
	plan,
	read,
	method = 'POST',
}: PushOperation): INodePropertyRouting {
	return {
		// The URL comes from the credential in the builder (read once per run, not an expression per item).
		request: { method },
		send: { preSend: [allItemsValid(build)], paginate: true },
		operations: { pagination: deliver(profile, plan) },
		output: { postReceive: [read] },
	};
}
