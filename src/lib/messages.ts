// Messages: banana-style JSON per language, put into mw.messages under a prefix and read through
// one helper, so that mw.message's own PLURAL/GENDER/link handling applies. Panels depend on
// mediawiki.language, whose fallback chain picks the language.
import shared from 'i18n:../i18n';
import { MessageFiles, resolveMessages } from './languages';

const prefix = 'account-gadgets-';

export type MessageFunction = ( key: string, ...params: ( string | number | HTMLElement )[] ) => mw.Message;

/**
 * Registers a gadget's messages (and the shared ones) for the user's language and returns the
 * helper that reads them.
 *
 * @param files the gadget's own messages by language code
 */
export function useMessages( files: MessageFiles ): MessageFunction {
	const chain = mw.language.getFallbackLanguageChain();
	const texts = Object.assign( resolveMessages( shared, chain ), resolveMessages( files, chain ) );
	for ( const key of Object.keys( texts ) ) {
		mw.messages.set( prefix + key, texts[ key ] );
	}
	return ( key, ...params ) => mw.message( prefix + key, ...params );
}
