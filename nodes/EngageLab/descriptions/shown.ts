/** Display conditions shared by the field descriptions. */
export const pushResources = ['push', 'groupPush'];
export const fieldsShown = { resource: pushResources, bodyInput: ['fields'] };
export const withNotification = ['notification', 'both'];
export const withMessage = ['message', 'both'];
/** The platform collections: n8n cannot show fields by the credential's product, so the builder checks it. */
export const notificationShown = { ...fieldsShown, content: withNotification };

/**
 * n8n's light versioning: a node keeps the typeVersion it was saved with. Version 1 is 0.1.0's
 * parameters (Product in the node, six recipient fields); version 2 has Recipients (`to`) and the
 * credential's product. A field of one version only carries one of these in its `show`.
 */
export const version1 = { '@version': [1] };
export const fromVersion2 = { '@version': [{ _cnd: { gte: 2 } }] };
