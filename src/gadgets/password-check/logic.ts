// The change-password flow without a browser: is a fresh login needed, then change the password.
// Re-authenticating in place is the shared login flow (src/lib/authmanager.ts).
import { ApiClient } from '../../lib/api';
import { failureFromErrors } from '../../lib/errors';

export type SecurityStatus = 'ok' | 'reauth' | 'fail';

interface AuthManagerInfoResponse {
	query?: { authmanagerinfo?: { securitysensitiveoperationstatus?: SecurityStatus } };
}

/**
 * Whether the wiki lets this session change its password now ('ok'), only after logging in
 * again ('reauth': the login is older than $wgReauthenticateTime), or not at all ('fail').
 *
 * @param api
 */
export function securityStatus( api: ApiClient ): Promise<SecurityStatus> {
	return api.get<AuthManagerInfoResponse>( {
		action: 'query',
		meta: 'authmanagerinfo',
		amirequestsfor: 'change',
		amisecuritysensitiveoperation: 'ChangeCredentials'
	} ).then( ( response ) => {
		const info = response.query && response.query.authmanagerinfo;
		return ( info && info.securitysensitiveoperationstatus ) || 'fail';
	} );
}

interface ChangeResponse {
	changeauthenticationdata?: { status?: string; message?: string };
}

/**
 * Changes the password. A policy failure comes back as an API error (passwordtooshort…).
 *
 * @param api
 * @param user the logged-in user, asserted so that a session switched in another tab is not changed
 * @param password
 * @param retype
 */
export function changePassword( api: ApiClient, user: string, password: string, retype: string ): Promise<void> {
	return api.postWithPrefixedToken<ChangeResponse>( 'csrf', 'changeauthtoken', {
		action: 'changeauthenticationdata',
		changeauthrequest: 'MediaWiki\\Auth\\PasswordAuthenticationRequest',
		password,
		retype,
		assertuser: user
	} ).then( ( response ) => {
		const result = response.changeauthenticationdata || {};
		if ( result.status !== 'success' ) {
			const code = 'changeauthenticationdata-failed';
			throw failureFromErrors( [ { code, text: result.message || '' } ], code );
		}
	} );
}
