// The skins' entries for readers who are not logged in: "Log in" and "Create account", where the
// logged-out stub puts "Forgot your password?", and what a panel changes once it has logged the
// page in without reloading it.

/**
 * The skins' own "Log in" (1.43's Vector 2022 has two, Minerva links in its main menu, 1.43's
 * temporary-account banner bare links with the same ids).
 */
export const loginEntries = '#pt-login-2,#pt-login,.vector-user-menu-login,.menu__item--login';

/** The skins' own "Create account", wherever "Log in" is. */
export const createAccountEntries = '[id^=pt-createaccount],.menu__item--createaccount';

/** Where the stub's "Forgot your password?" beside "Log in" points, after wgScript. */
export const resetQuery = '?title=Special:PasswordReset';

/**
 * The whole entry of a link the selectors above found: its list item, or the link itself where it
 * stands bare.
 *
 * @param element
 */
export function entryOf( element: Element ): Element {
	const parent = element.parentElement as Element;
	return element.tagName === 'A' && parent.tagName === 'LI' ? parent : element;
}

/**
 * Puts a copy of a skin's entry after it, with another text and address: the list item, or the
 * bare link of 1.43's temporary-account banner, without what makes it "Log in" (id, access key,
 * classes and icon), so that every skin styles it alike, Minerva's menu included.
 *
 * @param element an entry that loginEntries found
 * @param text
 * @param href
 */
export function copyEntry( element: Element, text: string, href: string ): void {
	const entry = entryOf( element );
	const $copy = $( entry ).clone();
	$copy.find( '*' ).addBack().removeAttr( 'id accesskey title data-event-name' )
		.attr( 'class', ( _, value ) => value && value.replace( /\S*log-?in\S*/gi, '' ) );
	const $link = $copy.is( 'a' ) ? $copy : $copy.find( 'a' );
	const $label = $link.find( 'span' ).last();
	( $label.length ? $label : $link ).text( text );
	$link.attr( 'href', href );
	$copy.insertAfter( entry );
}

/**
 * The skin's header once a panel has logged the page in without reloading it: the entries for
 * readers who are not logged in ("Log in", "Create account", "Forgot your password?", those of an
 * IP address, and the banner of a temporary account) go, and the new user's name, linked to their
 * user page, takes the place of "Log in", so that nothing there offers to log in again. The rest
 * of a logged-in header (preferences, watchlist, "Log out") comes with the next page load.
 *
 * @param name the user now logged in
 */
export function showLoggedInHeader( name: string ): void {
	const userPage = mw.util.getUrl( mw.config.get( 'wgFormattedNamespaces' )[ 2 ] + ':' + name );
	// The banner of a temporary account (Vector 2022 and Minerva, 1.43+), with its own "Log in"
	// and "Create account".
	$( '.mw-temp-user-banner' ).remove();
	// The stub's "Forgot your password?" follows each "Log in".
	const reset = 'a[href="' + mw.config.get( 'wgScript' ) + resetQuery + '"]';
	$( loginEntries ).each( ( _, element ) => {
		$( entryOf( element ) ).next().filter( ( _, next ) => $( next ).find( reset ).addBack( reset ).length > 0 ).remove();
		copyEntry( element, name, userPage );
	} );
	// (1.39's Vector 2022 has one "Create account" in a box of its own, and puts the entries of an IP
	// address in a box headed "Pages for logged out editors", as 1.43's does in a portlet.)
	const anonymous = '.vector-user-menu-create-account,#pt-anonuserpage,#pt-anontalk,#pt-anoncontribs,.vector-user-menu-anon-editor,#p-user-menu-anon-editor';
	$( loginEntries + ',' + createAccountEntries + ',' + anonymous ).each( ( _, element ) => {
		$( entryOf( element ) ).remove();
	} );
}
