// What the login panel decides without a browser. The flow itself (which form, what to send, what
// an answer means) is the shared AuthManager logic in src/lib/authmanager.ts.
import { AuthValues } from '../../lib/authmanager';

/** Session storage key: a login went to a redirecting provider and resumes when the browser is back. */
export const resumeKey = 'account-gadgets-login-resume';

/**
 * What a redirecting provider sent back in the return URL's query: the values that continue the
 * login (MediaWiki's own login page posts them the same way).
 *
 * @param search location.search of the page the provider returned to
 */
export function resumeValues( search: string ): AuthValues {
	const values: AuthValues = {};
	for ( const pair of search.replace( /^\?/, '' ).split( '&' ) ) {
		const [ name, value ] = pair.split( '=' ).map( ( part ) => decodeURIComponent( ( part || '' ).replace( /\+/g, ' ' ) ) );
		if ( name && name !== 'title' ) {
			values[ name ] = value;
		}
	}
	return values;
}
