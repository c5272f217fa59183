import type { INode, INodeProperties } from 'n8n-workflow';

import { RuStoreUniversalPush } from '../../../nodes/RuStoreUniversalPush/RuStoreUniversalPush.node';
import { ruStoreUniversalProfile } from '../../../nodes/RuStoreUniversalPush/profile';
import { rateKeyOf } from '../../../nodes/shared/delivery/deliver';
import { UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND } from '../../../nodes/shared/delivery';
import { SEND_API } from '../../fixtures/provider-docs/rustoreUniversal';

/** RuStore publishes no limit for the universal API (SEND_API shows none): the pace is the package's guess. */
describe('pacing without a published limit', () => {
	const delivery = new RuStoreUniversalPush().description.properties.find(
		(property) => property.name === 'delivery',
	) as INodeProperties;
	const rate = (delivery.options as INodeProperties[]).find(
		(option) => option.name === 'requestsPerSecond',
	)!;

	it(`the universal node starts at the conservative default and says the limit is not published (${SEND_API})`, () => {
		expect(ruStoreUniversalProfile.defaultRequestsPerSecond).toBe(
			UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND,
		);
		expect(rate.default).toBe(UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND);
		expect(rate.description).toContain('The provider publishes no limit for them');
	});

	it('a profile with its own bucket is paced apart from the same credential’s other operations', () => {
		const node = {
			id: 'n1',
			credentials: { engageLabApi: { id: 'c1', name: 'x' } },
		} as unknown as INode;
		const sends = {
			provider: 'EngageLab',
			credentialType: 'engageLabApi',
			defaultRequestsPerSecond: 500,
		};
		expect(rateKeyOf(node, sends)).toBe('engageLabApi:c1');
		expect(rateKeyOf(node, { ...sends, rateBucket: 'unpublished' })).toBe(
			'engageLabApi:c1:unpublished',
		);
	});
});
