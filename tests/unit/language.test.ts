import { resolveMessages } from '../../src/lib/languages';

// The chains below are what mw.language.getFallbackLanguageChain() answers on the local wikis
// (the end-to-end tests check them there): uk → en, ba → ru → en.
QUnit.module( 'messages: choosing the language', () => {
	const files = {
		en: { send: 'Send', cancel: 'Cancel' },
		ru: { send: 'Отправить', cancel: 'Отмена' },
		uk: { send: 'Надіслати' }
	};

	QUnit.test( 'a Ukrainian reader sees English where Ukrainian is missing, never Russian', ( assert ) => {
		assert.deepEqual( resolveMessages( files, [ 'uk', 'en' ] ), { send: 'Надіслати', cancel: 'Cancel' } );
	} );

	QUnit.test( 'a language that MediaWiki sends to Russian shows the Russian text', ( assert ) => {
		assert.deepEqual( resolveMessages( files, [ 'ba', 'ru', 'en' ] ), { send: 'Отправить', cancel: 'Отмена' } );
	} );

	QUnit.test( 'an untranslated language shows English, never a key', ( assert ) => {
		assert.deepEqual( resolveMessages( files, [ 'he', 'en' ] ), { send: 'Send', cancel: 'Cancel' } );
	} );

	QUnit.test( 'English is underneath even when the chain leaves it out', ( assert ) => {
		assert.deepEqual( resolveMessages( files, [ 'uk' ] ), { send: 'Надіслати', cancel: 'Cancel' } );
	} );
} );
