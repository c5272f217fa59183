import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialsForRun } from '../../shared/runCredentials';
import { engageLabBaseUrl } from '../hosts';

/** The credential's host (read once per run), and whether it is a Web Push app (some paths differ). */
export async function engageLabHost(
	context: IExecuteSingleFunctions,
	credentialType: 'engageLabApi' | 'engageLabGroupApi' = 'engageLabApi',
): Promise<{ baseUrl: string; web: boolean }> {
	const credentials = await credentialsForRun(context, credentialType);
	const baseUrl = engageLabBaseUrl(credentials);
	if (!baseUrl) {
		throw new NodeOperationError(
			context.getNode(),
			'EngageLab has no Web Push service in that data centre',
			{
				itemIndex: context.getItemIndex(),
				description:
					'Web Push runs in Singapore and Hong Kong; choose one of them (or a custom base URL) in the credential.',
			},
		);
	}
	return { baseUrl, web: credentials.product === 'webPush' };
}
