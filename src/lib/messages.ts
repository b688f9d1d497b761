// Messages: banana-style JSON per language, put into mw.messages under a prefix and read through
// one helper, so that mw.message's own PLURAL/GENDER/link handling applies.
import sharedEn from '../i18n/en.json';
import sharedRu from '../i18n/ru.json';
import sharedUk from '../i18n/uk.json';
import sharedTr from '../i18n/tr.json';

export type MessageFile = Record<string, unknown>;
export type MessageFiles = Record<string, MessageFile>;

const prefix = 'account-gadgets-';

const shared: MessageFiles = { en: sharedEn, ru: sharedRu, uk: sharedUk, tr: sharedTr };

// MediaWiki's own fallback chains for the languages we ship (uk falls back to ru, then en).
const fallbacks: Record<string, string[]> = { uk: [ 'ru' ] };

/**
 * Languages to read, most preferred last so that later ones overwrite earlier ones.
 *
 * @param language the user's interface language code
 */
export function languageChain( language: string ): string[] {
	const base = language.split( '-' )[ 0 ];
	const chain = [ language, ...( fallbacks[ base ] || [] ) ];
	if ( base !== language ) {
		chain.splice( 1, 0, base );
	}
	return [ 'en', ...chain.reverse().filter( ( code ) => code !== 'en' ) ];
}

/**
 * The texts for one language with its fallbacks applied.
 *
 * @param files messages by language code
 * @param language
 */
export function resolveMessages( files: MessageFiles, language: string ): Record<string, string> {
	const texts: Record<string, string> = {};
	for ( const code of languageChain( language ) ) {
		const file = files[ code ] || {};
		for ( const key of Object.keys( file ) ) {
			const text = file[ key ];
			if ( key !== '@metadata' && typeof text === 'string' ) {
				texts[ key ] = text;
			}
		}
	}
	return texts;
}

export type MessageFunction = ( key: string, ...params: ( string | number | HTMLElement )[] ) => mw.Message;

/**
 * Registers a gadget's messages (and the shared ones) for the user's language and returns the
 * helper that reads them.
 *
 * @param files the gadget's own messages by language code
 */
export function useMessages( files: MessageFiles ): MessageFunction {
	const language = mw.config.get( 'wgUserLanguage' );
	const texts = Object.assign( resolveMessages( shared, language ), resolveMessages( files, language ) );
	for ( const key of Object.keys( texts ) ) {
		mw.messages.set( prefix + key, texts[ key ] );
	}
	return ( key, ...params ) => mw.message( prefix + key, ...params );
}
