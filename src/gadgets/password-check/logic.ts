// The change-password flow without a browser: is a fresh login needed, re-authenticate in place
// (with a second step such as two-factor when the wiki asks for one), then change the password.
import { ApiClient } from '../../lib/api';
import { ApiFailure, failureFromErrors } from '../../lib/errors';

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

/** A field the wiki asks for in a further login step (e.g. OATHToken for two-factor). */
export interface LoginField {
	name: string;
	type: string;
	label: string;
	help: string;
}

export type LoginStep =
	| { status: 'PASS' }
	| { status: 'FAIL'; message: string; code: string }
	| { status: 'UI'; message: string; fields: LoginField[] };

interface ClientLoginResponse {
	clientlogin?: {
		status?: string;
		message?: string;
		messagecode?: string;
		requests?: Array<{ fields?: Record<string, { type?: string; label?: string; help?: string }> }>;
	};
}

function readLoginStep( response: ClientLoginResponse ): LoginStep {
	const answer = response.clientlogin || {};
	if ( answer.status === 'PASS' ) {
		return { status: 'PASS' };
	}
	if ( answer.status === 'UI' ) {
		const fields: LoginField[] = [];
		for ( const request of answer.requests || [] ) {
			for ( const name of Object.keys( request.fields || {} ) ) {
				const field = ( request.fields || {} )[ name ];
				fields.push( { name, type: field.type || 'string', label: field.label || name, help: field.help || '' } );
			}
		}
		return { status: 'UI', message: answer.message || '', fields };
	}
	// FAIL, and also RESTART and REDIRECT, which an in-page login cannot follow.
	return { status: 'FAIL', message: answer.message || '', code: answer.messagecode || answer.status || 'unknown' };
}

/**
 * Logs the current user in again with their current password. clientlogin wants its token as
 * `logintoken`, hence the prefixed-token post.
 *
 * @param api
 * @param username the user who is logged in
 * @param password their current password
 * @param returnUrl required by clientlogin; used only by redirecting providers
 */
export function reauthenticate( api: ApiClient, username: string, password: string, returnUrl: string ): Promise<LoginStep> {
	return api.postWithPrefixedToken<ClientLoginResponse>( 'login', 'logintoken', {
		action: 'clientlogin', username, password, loginreturnurl: returnUrl
	} ).then( readLoginStep );
}

/**
 * Answers a further login step (two-factor code, captcha…) with the values of its fields.
 *
 * @param api
 * @param values by field name
 */
export function continueLogin( api: ApiClient, values: Record<string, string> ): Promise<LoginStep> {
	return api.postWithPrefixedToken<ClientLoginResponse>( 'login', 'logintoken',
		Object.assign( { action: 'clientlogin', logincontinue: true }, values ) ).then( readLoginStep );
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
			throw failureFromErrors( [ { code: 'changeauthenticationdata-failed', text: result.message || '' } ], 'changeauthenticationdata-failed' ) as ApiFailure;
		}
	} );
}
