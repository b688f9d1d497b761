// Which user names a list shows, read from MediaWiki's own user links.

/**
 * The user links of a list: registered users only (IPs and temporary accounts take no email),
 * and the user Special:Contributions is about, whose link in the subtitle has no class of its own
 * (1.45 wraps it in a <bdi>).
 */
export function userLinks( root: ParentNode ): HTMLAnchorElement[] {
	return Array.prototype.slice.call( root.querySelectorAll(
		'a.mw-userlink:not(.mw-anonuserlink):not(.mw-tempuserlink), .mw-contributions-user-tools > a:first-child, ' +
		'.mw-contributions-user-tools > bdi:first-child > a'
	) );
}

/** The user name a link shows. */
export function userNameOf( link: HTMLAnchorElement ): string {
	return ( link.textContent || '' ).trim();
}

/** Each name once, in the order the list shows them. */
export function distinctNames( links: HTMLAnchorElement[] ): string[] {
	const names: string[] = [];
	for ( const link of links ) {
		const name = userNameOf( link );
		if ( name && !names.includes( name ) ) {
			names.push( name );
		}
	}
	return names;
}
