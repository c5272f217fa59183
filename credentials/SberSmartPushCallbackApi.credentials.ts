import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret the Sber SmartPush Trigger expects in its URL (Sber itself signs nothing), and the
 * trigger's URL, from which the Sber SmartPush node builds the callback URL at send time.
 */
export class SberSmartPushCallbackApi implements ICredentialType {
	name = 'sberSmartPushCallbackApi';

	displayName = 'Sber SmartPush Callback API';

	documentationUrl =
		'https://github.com/n8n-nodes-push-gateways/n8n-nodes-push-gateways#sber-smartpush-trigger';

	icon = { light: 'file:../icons/sber.svg', dark: 'file:../icons/sber.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Trigger URL',
			name: 'triggerUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/status',
			description:
				"The Sber SmartPush Trigger's Production URL, copied from the trigger. The Sber SmartPush node, with Callback set to this credential, gives Sber this URL with ?secret=<URL Secret> added; the trigger itself does not use it.",
		},
		{
			displayName: 'URL Secret',
			name: 'urlSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random value of your choice (for example from a password generator). The callback URL you give Sber ends in ?secret=<this value>; calls without it are refused (401).',
		},
	];
}
