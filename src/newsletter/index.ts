/** The newsletter domain's public face: subscriptions with double opt-in, and its routes. */
export { createNewsletterService, type ConsentContext, type NewsletterService, type Subscriber } from './subscriptions.js';
export { registerNewsletterRoutes } from './routes.js';
export { NEWSLETTER_LANGUAGES } from './languages.js';
