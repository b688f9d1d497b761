// What changes in an open page when someone logs in (or signs up and is logged in) without
// leaving it: the tokens it holds belong to the old session, and an edit form in progress must
// be saved by the new one.
import { ApiClient } from './api';
import { unknownAnswer } from './errors';

// Every token type a panel or the page may have cached for the old session.
const tokenTypes = [ 'csrf', 'watch', 'patrol', 'rollback', 'userrights', 'login', 'createaccount' ];

/**
 * Forgets the tokens of the old session, so that the next request of any panel (or of the
 * page's other scripts) fetches its own instead of failing with badtoken. mw.Api keeps one
 * token cache per API URL, shared by every instance.
 */
function forgetTokens(): void {
	const api = new mw.Api();
	tokenTypes.forEach( ( type ) => api.badToken( type ) );
}

/** The edit form of this page, when the person is in the middle of an edit (or a preview). */
function editInProgress(): HTMLFormElement | null {
	const action = mw.config.get( 'wgAction' );
	return action === 'edit' || action === 'submit' ? document.getElementById( 'editform' ) as HTMLFormElement | null : null;
}

interface TokenResponse {
	query?: { tokens?: { csrftoken?: string } };
}

/**
 * Hands an edit form in progress to the new session: its edit token is replaced by the new
 * session's, so Save saves the text, untouched, under the new name; `notice` says so above it.
 *
 * @param api
 * @param form from editInProgress()
 * @param notice what the person is told (who they are now)
 */
function adoptEditForm( api: ApiClient, form: HTMLFormElement, notice: HTMLElement ): Promise<void> {
	return api.get<TokenResponse>( { action: 'query', meta: 'tokens', type: 'csrf' } ).then( ( response ) => {
		const token = response.query && response.query.tokens && response.query.tokens.csrftoken;
		if ( !token ) {
			throw unknownAnswer();
		}
		mw.user.tokens.set( 'csrfToken', token );
		$( form ).find( 'input[name="wpEditToken"]' ).val( token );
		// The warning that the edit would be published under an IP address no longer holds.
		$( '.mw-anon-edit-warning, .mw-temp-user-edit-warning' ).remove();
		form.insertBefore( notice, form.firstChild );
	} );
}

/**
 * The page goes on under the session a panel just logged in (a login, or a sign-up that logs the
 * new account in): the old session's tokens go; an edit in progress stays, with the new session's
 * edit token and `notice` above it; any other page reloads in place (same page, and the browser
 * restores the scroll position), and the promise never settles, so the panel stays busy until
 * the page goes.
 *
 * @param api
 * @param notice what an editor is told, e.g. "You are now logged in as …"
 */
export function continueInNewSession( api: ApiClient, notice: string ): Promise<void> {
	forgetTokens();
	const form = editInProgress();
	if ( form ) {
		const node = document.createElement( 'div' );
		node.className = 'account-gadgets-logged-in mw-message-box mw-message-box-success';
		node.setAttribute( 'role', 'status' );
		node.textContent = notice;
		return adoptEditForm( api, form, node );
	}
	location.reload();
	return new Promise<void>( () => {
		// Never settles: the page is going away.
	} );
}
