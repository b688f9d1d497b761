// The skins' entries for readers who are not logged in: "Log in" and "Create account", where the
// logged-out stub puts "Forgot your password?", and what a panel changes once it has logged the
// page in without reloading it.
import { isPlainClick } from './loader';

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

/** The wiki's messages that the skins label a logged-in header with, which showLoggedInHeader needs. */
export const headerMessages = [ 'mytalk', 'mypreferences', 'mywatchlist', 'mycontris', 'pt-userlogout' ] as const;

/** The labels of a logged-in header, by the names of those messages. */
export type HeaderLabels = Partial<Record<typeof headerMessages[ number ], string>>;

/**
 * The entries of a temporary account (1.43+): its talk page, contributions and "Exit session",
 * in every skin's list of personal tools and in Minerva's menu.
 */
const temporaryEntries = '[id^=pt-userpage],[id^=pt-mytalk],[id^=pt-mycontris],[id^=pt-logout],.menu__item--mytalk,.menu__item--mycontris,.menu__item--logout';

/**
 * Logs out as the skin's own "Log out" does (mediawiki.page.ready binds it only to the links there
 * when the page loaded): a POST with the session's token, then the page that says so. If the
 * POST fails, that page asks once more, with a button of its own.
 *
 * @param event
 */
function logOut( this: HTMLElement, event: JQuery.ClickEvent ): void {
	if ( isPlainClick( event ) ) {
		event.preventDefault();
		const href = ( this as HTMLAnchorElement ).href;
		new mw.Api().postWithToken( 'csrf', { action: 'logout' } ).always( () => {
			location.href = href;
		} );
	}
}

/**
 * The skin's header once a panel has logged the page in without reloading it, as the next page
 * load would show it:
 * - the entries for readers who are not logged in ("Log in", "Create account", "Forgot your
 *   password?", those of an IP address) go, and so do those of a temporary account, and its
 *   banner;
 * - the new user's name, linked to their user page, takes the place of "Log in" (and, where a
 *   temporary account had no "Log in" there, of its talk page);
 * - in the skin's list of personal tools follow the user's talk page, preferences (where the
 *   skin has none of its own, as Minerva has), watchlist, contributions and "Log out", each with
 *   the label the wiki gives it; an entry whose label did not come is left out.
 * Echo's notifications and the skins' icons come with the next page load.
 *
 * @param name the user now logged in
 * @param labels
 */
export function showLoggedInHeader( name: string, labels: HeaderLabels ): void {
	const namespaces = mw.config.get( 'wgFormattedNamespaces' );
	// Canonical names of special pages: every wiki takes them.
	const entries: [ string | undefined, string ][] = [
		[ name, mw.util.getUrl( namespaces[ 2 ] + ':' + name ) ],
		[ labels.mytalk, mw.util.getUrl( namespaces[ 3 ] + ':' + name ) ],
		[ $( '#pt-preferences' ).length ? undefined : labels.mypreferences, mw.util.getUrl( 'Special:Preferences' ) ],
		[ labels.mywatchlist, mw.util.getUrl( 'Special:Watchlist' ) ],
		[ labels.mycontris, mw.util.getUrl( 'Special:Contributions/' + name ) ],
		[ labels[ 'pt-userlogout' ], mw.util.getUrl( 'Special:UserLogout', { returnto: mw.config.get( 'wgPageName' ) } ) ]
	];
	// (1.39's Vector 2022 has one "Create account" in a box of its own, and puts the entries of an IP
	// address in a box headed "Pages for logged out editors", as 1.43's does in a portlet; Minerva
	// has them in its menu before 1.45.)
	const anonymous = '.vector-user-menu-create-account,#pt-anonuserpage,#pt-anontalk,#pt-anoncontribs,.vector-user-menu-anon-editor,' +
		'#p-user-menu-anon-editor,.menu__item--anontalk,.menu__item--anoncontribs';
	// The stub's "Forgot your password?" follows each "Log in".
	const reset = 'a[href="' + mw.config.get( 'wgScript' ) + resetQuery + '"]';
	const $resets = $( loginEntries ).map( ( _, element ) => $( entryOf( element ) ).next()
		.filter( ( _, next ) => $( next ).find( reset ).addBack( reset ).length > 0 ).get() );
	const $old = $( [ loginEntries, createAccountEntries, anonymous, temporaryEntries ].join() )
		.map( ( _, element ) => entryOf( element ) ).add( $resets )
		// The banner of a temporary account (Vector 2022 and Minerva, 1.43+), with its own "Log in"
		// and "Create account".
		.add( '.mw-temp-user-banner' );
	// Where the list of personal tools has "Log in" (or a temporary account's talk page).
	const personal = $( '#p-personal' ).find( loginEntries + ',' + temporaryEntries )[ 0 ];
	$( loginEntries ).not( personal ).each( ( _, element ) => {
		if ( !$( element ).closest( '.mw-temp-user-banner' ).length ) {
			copyEntry( element, name, entries[ 0 ][ 1 ] );
		}
	} );
	if ( personal ) {
		// Vector 2022 (1.43+) hides the whole list while the header shows "Log in" beside the menu; a
		// logged-in user's menu shows it.
		$( '#p-personal' ).removeClass( 'user-links-collapsible-item' );
		// Each copy goes right after the entry it copies: the last first.
		for ( let index = entries.length - 1; index >= 0; index-- ) {
			const [ text, href ] = entries[ index ];
			if ( text ) {
				copyEntry( personal, text, href );
				const $copy = $( entryOf( personal ) ).next();
				// Without what made the copied entry red (a missing talk page) or gave it its icon.
				$copy.find( '*' ).addBack().attr( 'class', ( _, value ) => value && value.replace( /\S*(--|icon-)\S*|(^|\s)new(?=\s|$)/g, ' ' ) );
				if ( index ) {
					// Vector 2022 hides the name in its menu while the header shows it beside the menu, as it
					// did "Log in", but not the other entries.
					$copy.removeClass( 'user-links-collapsible-item' );
				}
				if ( index === entries.length - 1 ) {
					$copy.find( 'a' ).addBack( 'a' ).on( 'click', logOut );
				}
			}
		}
	}
	$old.remove();
	// Timeless shows the name as the title of its menu ("Anonymous" before).
	$( '#personal > h2 > span' ).text( name );
}
