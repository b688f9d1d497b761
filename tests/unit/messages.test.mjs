import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/wiki/wikis.mjs';
import { shippedLanguages, languagesIn } from '../../scripts/build/gadgets.mjs';

const languages = shippedLanguages();

const src = path.join( repoRoot, 'src' );
// Keys read by build.mjs (descriptions in Special:Preferences), not by gadget code.
const buildKeys = [ 'section-title', 'gadget-description', 'gadget-panel-description' ];

function keysOf( file ) {
	return Object.keys( JSON.parse( readFileSync( file, 'utf8' ) ) ).filter( ( key ) => key !== '@metadata' );
}

function sourceOf( dir ) {
	return readdirSync( dir ).filter( ( file ) => file.endsWith( '.ts' ) )
		.map( ( file ) => readFileSync( path.join( dir, file ), 'utf8' ) ).join( '\n' );
}

/**
 * Message keys that code asks for with msg( 'key' ).
 *
 * @param {string} code
 * @return {string[]}
 */
function requestedKeys( code ) {
	return [ ...code.matchAll( /\bmsg\(\s*'([a-z0-9-]+)'/g ) ].map( ( match ) => match[ 1 ] );
}

const messageSets = [
	{ label: 'shared', i18n: path.join( src, 'i18n' ) },
	...readdirSync( path.join( src, 'gadgets' ) ).map( ( gadget ) => ( {
		label: gadget, i18n: path.join( src, 'gadgets', gadget, 'i18n' ), code: path.join( src, 'gadgets', gadget )
	} ) )
];
const allCode = [ path.join( src, 'lib' ), ...messageSets.filter( ( set ) => set.code ).map( ( set ) => set.code ) ]
	.map( sourceOf ).join( '\n' );
const sharedKeys = keysOf( path.join( src, 'i18n/en.json' ) );

QUnit.module( 'messages: every key defined, used and translated', () => {
	for ( const set of messageSets ) {
		const english = keysOf( path.join( set.i18n, 'en.json' ) );

		QUnit.test( `${ set.label }: qqq documents every message, and no language has a message English lacks`, ( assert ) => {
			assert.deepEqual( keysOf( path.join( set.i18n, 'qqq.json' ) ).sort(), english.slice().sort(), 'qqq' );
			// A language may be partly translated: what is missing shows in its fallback language.
			for ( const language of languagesIn( set.i18n ) ) {
				const stray = keysOf( path.join( set.i18n, `${ language }.json` ) ).filter( ( key ) => !english.includes( key ) );
				assert.deepEqual( stray, [], language );
			}
		} );

		QUnit.test( `${ set.label }: every language of the shared messages is here too`, ( assert ) => {
			assert.deepEqual( languagesIn( set.i18n ), languages );
		} );

		QUnit.test( `${ set.label }: no message is defined but unused`, ( assert ) => {
			const code = set.code ? sourceOf( set.code ) : allCode;
			const unused = english.filter( ( key ) => !buildKeys.includes( key ) && !code.includes( `'${ key }'` ) );
			assert.deepEqual( unused, [] );
		} );

		if ( set.code ) {
			QUnit.test( `${ set.label }: no message is used but undefined`, ( assert ) => {
				const undefinedKeys = requestedKeys( sourceOf( set.code ) )
					.filter( ( key ) => !english.includes( key ) && !sharedKeys.includes( key ) );
				assert.deepEqual( undefinedKeys, [] );
			} );
		}
	}

	QUnit.test( 'shared lib: no message is used but undefined', ( assert ) => {
		const undefinedKeys = requestedKeys( sourceOf( path.join( src, 'lib' ) ) ).filter( ( key ) => !sharedKeys.includes( key ) );
		assert.deepEqual( undefinedKeys, [] );
	} );

	QUnit.test( 'the check notices a key that code asks for but no file defines', ( assert ) => {
		assert.deepEqual( requestedKeys( "msg( 'no-such-key' ).text(); msg('other', x)" ), [ 'no-such-key', 'other' ] );
	} );
} );

QUnit.module( 'messages: what Special:Preferences says of a gadget', () => {
	QUnit.test( 'the logged-out gadget\'s description names every entry point it opens, sign-up included', ( assert ) => {
		const en = JSON.parse( readFileSync( path.join( src, 'gadgets/logged-out/i18n/en.json' ), 'utf8' ) );
		for ( const entry of [ '"Log in"', '"Create account"', `"${ en[ 'link-forgot' ] }"` ] ) {
			assert.true( en[ 'gadget-description' ].includes( entry ), entry );
		}
	} );
} );
