/** Display conditions shared by the field descriptions. */
export const pushResources = ['push', 'groupPush'];
export const fieldsShown = { resource: pushResources, bodyInput: ['fields'] };
export const withNotification = ['notification', 'both'];
export const withMessage = ['message', 'both'];
/** The platform collections: n8n cannot show fields by the credential's product, so the builder checks it. */
export const notificationShown = { ...fieldsShown, content: withNotification };
