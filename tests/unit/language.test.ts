import { languageChain, resolveMessages } from '../../src/lib/messages';

QUnit.module( 'messages: choosing the language', () => {
	QUnit.test( 'Ukrainian falls back to Russian, then English, as in MediaWiki', ( assert ) => {
		assert.deepEqual( languageChain( 'uk' ), [ 'en', 'ru', 'uk' ] );
		assert.deepEqual( languageChain( 'tr' ), [ 'en', 'tr' ] );
		assert.deepEqual( languageChain( 'en' ), [ 'en' ] );
	} );

	QUnit.test( 'a regional variant uses its base language', ( assert ) => {
		assert.deepEqual( languageChain( 'en-gb' ), [ 'en', 'en-gb' ] );
		assert.deepEqual( languageChain( 'ru-x' ), [ 'en', 'ru', 'ru-x' ] );
	} );

	QUnit.test( 'a missing translation shows the fallback text, never the key', ( assert ) => {
		const texts = resolveMessages( {
			en: { '@metadata': {}, send: 'Send', cancel: 'Cancel' },
			ru: { send: 'Отправить' }
		}, 'uk' );
		assert.deepEqual( texts, { send: 'Отправить', cancel: 'Cancel' } );
	} );
} );
