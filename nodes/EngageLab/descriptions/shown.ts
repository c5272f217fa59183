/** Display conditions shared by the field descriptions. */
export const pushResources = ['push', 'groupPush'];
export const fieldsShown = { resource: pushResources, bodyInput: ['fields'] };
export const withNotification = ['notification', 'both'];
export const withMessage = ['message', 'both'];
export const appNotification = { ...fieldsShown, product: ['appPush'], content: withNotification };
