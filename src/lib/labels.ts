// A stub's link labels in the reader's language. The labels are the `link-*` messages of the
// gadget's i18n folder, put into the stub by the build (`import labels from 'labels:./i18n'`).
import type { MessageFile, MessageFiles } from './languages';

/**
 * Calls `use` with the labels to show. The build puts in only the languages that have all of a
 * stub's labels (see stubLabels in scripts/build/gadgets.mjs): a reader in one of those needs
 * nothing more. Any other language follows MediaWiki's fallback chain, from the
 * mediawiki.language module (loaded only then, so that a page view in a language we ship costs no
 * request), with English underneath.
 *
 * @param labels link labels by language code
 * @param use
 */
export function withLabels( labels: MessageFiles, use: ( texts: MessageFile ) => void ): void {
	const own = labels[ mw.config.get( 'wgUserLanguage' ) ];
	if ( own ) {
		use( own );
	} else {
		mw.loader.using( 'mediawiki.language', () => {
			// The first language of the chain that the stub has: it has all the labels.
			use( labels[ mw.language.getFallbackLanguageChain().concat( 'en' ).filter( ( code ) => labels[ code ] )[ 0 ] ] );
		} );
	}
}
