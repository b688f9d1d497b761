// The label of the "Email this user" link that stubs add where the skin shows none: the email-user
// stub, and the logged-out stub for temporary accounts.
export const emailUserLabels: Record<string, string> = {
	en: 'Email this user',
	ru: 'Написать письмо',
	uk: 'Написати листа',
	tr: 'E-posta gönder'
};
