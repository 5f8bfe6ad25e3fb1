/** The name of the anti-spam trap field on public forms (components/ui/Honeypot); `publicAction` refuses a form that arrives with it filled in. */
export const HONEYPOT_FIELD = 'website';
