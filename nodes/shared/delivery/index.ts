export { allItemsValid } from './allItemsValid';
export {
	deliver,
	type DeliveryPlan,
	type FanOut,
	type Outcome,
	type ProviderProfile,
	type RequestData,
} from './deliver';
export { deliveryOptions } from './options';
export { pushRouting, type PushOperation } from './pushRouting';
