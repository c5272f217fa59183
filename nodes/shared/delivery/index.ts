export { allItemsValid } from './allItemsValid';
export {
	deliver,
	type DeliveryPlan,
	type FanOut,
	type Outcome,
	type ProviderProfile,
	type RequestData,
} from './deliver';
export { deliveryOptions, UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND, type RateLimit } from './options';
export { pushRouting, type PushOperation } from './pushRouting';
