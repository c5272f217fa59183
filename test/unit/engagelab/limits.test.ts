/**
 * EngageLab's limits as its sources give them (test/fixtures/provider-docs: pushRate, lifecycleRate):
 * pushes default to the published 500 per second; the operations after a send, whose limit is not
 * published, default to a low rate of their own, set per credential in Delivery options.
 */
import type { INodeProperties } from 'n8n-workflow';

import { EngageLab } from '../../../nodes/EngageLab/EngageLab.node';
import { lifecycleResourceValues } from '../../../nodes/EngageLab/descriptions/lifecycleOperations';
import { engageLabLifecycleProfile, engageLabProfile } from '../../../nodes/EngageLab/profile';
import { rateKeyOf } from '../../../nodes/shared/delivery/deliver';
import { engageLabLifecycleRules } from '../../fixtures/provider-docs/engagelab';

const deliveryFor = (resource: string) =>
	new EngageLab().description.properties.find(
		(property) =>
			property.name === 'delivery' &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	) as INodeProperties;
const rateOption = (delivery: INodeProperties) =>
	(delivery.options as INodeProperties[]).find((option) => option.name === 'requestsPerSecond')!;

describe('EngageLab limits', () => {
	it('pushes: the published limit is the default', () => {
		expect(engageLabLifecycleRules.pushRate.confirmed).toBe(true);
		expect(engageLabProfile.defaultRequestsPerSecond).toBe(engageLabLifecycleRules.pushRate.value);
		expect(rateOption(deliveryFor('push')).default).toBe(engageLabLifecycleRules.pushRate.value);
	});

	it.each(lifecycleResourceValues)(
		'%s: no published limit, so a low default in a bucket of its own, said in the option',
		(resource) => {
			expect(engageLabLifecycleRules.lifecycleRate.value).toBeUndefined();
			const rate = rateOption(deliveryFor(resource));
			expect(rate.default).toBe(engageLabLifecycleProfile.defaultRequestsPerSecond);
			expect(rate.default).toBeLessThan(engageLabLifecycleRules.pushRate.value / 10);
			expect(rate.description).toContain('publishes no limit');
			expect(engageLabLifecycleProfile.rateBucket).toBeTruthy();
			expect(engageLabLifecycleProfile.credentialType).toBe(engageLabProfile.credentialType);
		},
	);
});

describe('EngageLab rate buckets', () => {
	it('the operations after a send are paced apart from the pushes of the same credential', () => {
		const node = {
			id: 'node-1',
			name: 'EngageLab',
			type: 'engageLab',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {},
			credentials: { engageLabApi: { id: 'cred-1', name: 'EngageLab' } },
		};
		const push = rateKeyOf(node, engageLabProfile);
		const lifecycle = rateKeyOf(node, engageLabLifecycleProfile);
		expect(push).toContain('cred-1');
		expect(lifecycle).toContain('cred-1');
		expect(lifecycle).not.toBe(push);
		// Another node with the same credential shares each bucket.
		expect(rateKeyOf({ ...node, id: 'node-2' }, engageLabLifecycleProfile)).toBe(lifecycle);
	});
});
