// Which page a link points to, for the logged-out stub: pure, so that it is unit-tested.

/** The parts of a link (an <a>, or a URL) that say where it goes. */
export interface Address {
	host: string;
	pathname: string;
	search: string;
}

/**
 * The lower-case name (and subpage) of the special page a link of this wiki points to, in the
 * path (/wiki/…) or in `title=`; the namespace is any of its names (wgNamespaceIds: "Служебная",
 * "Special", "Спецстраница"). Undefined for any other link. (A malformed address throws: a link
 * then does what it always does.) `type=signup` asks the login page for its sign-up form, as its
 * subpage /signup does, and reads as that subpage (MobileFrontend's "Sign up" links so, always
 * with the canonical name).
 *
 * @param link
 * @param host this wiki's host (and port)
 * @param namespaceIds wgNamespaceIds
 */
export function specialPage( link: Address, host: string, namespaceIds: Record<string, number> ): string | undefined {
	const address = decodeURIComponent( link.pathname + link.search ).toLowerCase();
	const page = /(?:^[^?]*\/|[?&]title=)([^/?&#:]+):([^?&#]+)/.exec( address );
	return page && link.host === host && namespaceIds[ page[ 1 ] ] === -1 ?
		page[ 2 ] + ( /[?&]type=signup(&|$)/.test( link.search ) ? '/signup' : '' ) :
		undefined;
}
