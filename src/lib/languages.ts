// Which translation a reader sees. The order of languages is MediaWiki's own fallback chain
// (mw.language.getFallbackLanguageChain(): the reader's language first, e.g. ba → ru → en, and
// uk → en, never Russian); English, the source language, is always there underneath.

/** Messages of one language, by key. */
export type MessageFile = Record<string, string>;
/** Message files by language code, as the build reads an i18n folder. */
export type MessageFiles = Record<string, MessageFile>;

/**
 * The text of every key in the first language of the chain that has it.
 *
 * @param files messages by language code
 * @param chain language codes, most preferred first
 */
export function resolveMessages( files: MessageFiles, chain: string[] ): MessageFile {
	const texts: MessageFile = {};
	for ( const code of [ 'en', ...chain.slice().reverse() ] ) {
		const file = files[ code ] || {};
		for ( const key in file ) {
			texts[ key ] = file[ key ];
		}
	}
	return texts;
}
