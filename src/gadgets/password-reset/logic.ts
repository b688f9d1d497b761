// What the password-reset panel decides without a browser: which routes the wiki allows, what to
// send for what was typed, and how to read the answer.
import { ApiClient, ApiParams } from '../../lib/api';
import { unknownAnswer } from '../../lib/errors';

/** The routes of action=resetpassword that this wiki enables ($wgPasswordResetRoutes). */
export interface ResetRoutes {
	user: boolean;
	email: boolean;
}

interface ParamInfoResponse {
	paraminfo?: { modules?: { name: string; parameters?: { name: string }[] }[] };
}

/**
 * Reads the routes from the module's own parameters: MediaWiki offers `user` and `email` only
 * when $wgPasswordResetRoutes enables them, and neither when resets are off.
 *
 * @param api
 */
export function fetchRoutes( api: ApiClient ): Promise<ResetRoutes> {
	return api.get<ParamInfoResponse>( { action: 'paraminfo', modules: 'resetpassword' } ).then( ( response ) => {
		const module = ( ( response.paraminfo && response.paraminfo.modules ) || [] )
			.filter( ( entry ) => entry.name === 'resetpassword' )[ 0 ];
		const names = ( ( module && module.parameters ) || [] ).map( ( parameter ) => parameter.name );
		return { user: names.includes( 'user' ), email: names.includes( 'email' ) };
	} );
}

export type InputProblem = 'empty' | 'email-route-off' | 'user-route-off';

/**
 * What to send for what was typed: an address (it has "@", which user names cannot contain) as
 * `email`, anything else as `user`. Never both, so invalidparammix cannot happen.
 *
 * @param input what the person typed
 * @param routes
 * @param helper the logged-in user asking for someone, sent as assertuser so that a session
 *  switched in another tab cannot act as someone else; null when logged out
 */
export function resetRequest(
	input: string, routes: ResetRoutes, helper: string | null = null
): { params: ApiParams } | { problem: InputProblem } {
	const value = input.trim();
	if ( !value ) {
		return { problem: 'empty' };
	}
	const byEmail = value.includes( '@' );
	if ( byEmail ? !routes.email : !routes.user ) {
		return { problem: byEmail ? 'email-route-off' : 'user-route-off' };
	}
	const params: ApiParams = { action: 'resetpassword', [ byEmail ? 'email' : 'user' ]: value };
	if ( helper ) {
		params.assertuser = helper;
	}
	return { params };
}

interface ResetResponse {
	resetpassword?: { status?: string };
}

/**
 * Asks the wiki to send a reset. It resolves for unknown users and addresses too (MediaWiki
 * answers success so that nobody can find out who has an account), so callers must not say more.
 *
 * @param api
 * @param params from resetRequest
 */
export function requestReset( api: ApiClient, params: ApiParams ): Promise<void> {
	return api.postWithToken<ResetResponse>( 'csrf', params ).then( ( response ) => {
		if ( !response.resetpassword || response.resetpassword.status !== 'success' ) {
			throw unknownAnswer();
		}
	} );
}
