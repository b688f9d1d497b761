// A stub's link labels in the reader's language. The labels are the `link-*` messages of the
// gadget's i18n folder, put into the stub by the build (`import labels from 'labels:./i18n'`).
import { MessageFile, MessageFiles, resolveMessages } from './languages';

/**
 * Calls `use` with the labels to show. A language we have in full needs nothing more; any other
 * follows MediaWiki's fallback chain, from the mediawiki.language module (loaded only then, so a
 * page view in a language we ship costs no request).
 *
 * @param labels link labels by language code
 * @param use
 */
export function withLabels( labels: MessageFiles, use: ( texts: MessageFile ) => void ): void {
	const own = labels[ mw.config.get( 'wgUserLanguage' ) ];
	if ( own && Object.keys( own ).length === Object.keys( labels.en ).length ) {
		use( own );
		return;
	}
	mw.loader.using( 'mediawiki.language' ).then(
		() => use( resolveMessages( labels, mw.language.getFallbackLanguageChain() ) ),
		() => use( labels.en )
	);
}
