/** The settings key that remembers the person has seen (and closed) the welcome screen. */
export const WELCOME_DISMISSED = 'welcome-dismissed';
