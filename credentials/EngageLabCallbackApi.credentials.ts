import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** What the EngageLab Trigger checks callbacks with; no API call uses it. */
export class EngageLabCallbackApi implements ICredentialType {
	name = 'engageLabCallbackApi';

	displayName = 'EngageLab Callback API';

	documentationUrl =
		'https://github.com/n8n-nodes-push-gateways/n8n-nodes-push-gateways#engagelab-trigger';

	icon = {
		light: 'file:../icons/engagelab.svg',
		dark: 'file:../icons/engagelab.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret of your callback settings in EngageLab (console → App Settings → Callback Settings, or from EngageLab support): EngageLab signs the X-CALLBACK-ID header with it',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description:
				'Optional. When set, a callback whose X-CALLBACK-ID names another username is refused (401). Leave empty to accept any username the signature covers.',
		},
	];
}
