// Languages: which translation a reader sees follows MediaWiki's own fallback chain, on MediaWiki
// 1.39 and 1.43: Hebrew (untranslated) gets English in a mirrored panel, Bashkir gets Russian
// as MediaWiki's chain says, and a Ukrainian reader never sees Russian, even where a Ukrainian
// string is missing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { inVisit, wikis, gadgetMessages, panelSettled, browserForSuite } from './helpers.mjs';

const reset = ( language ) => gadgetMessages( 'password-reset', language );
const forgot = ( language ) => gadgetMessages( 'logged-out', language )[ 'link-forgot' ];

/**
 * Serves the page's ResourceLoader responses with some translations taken out, as if those
 * strings had not been translated yet; fails the test if they were not there to take out.
 *
 * @param {import('playwright-core').Page} page
 * @param {Object<string,RegExp>} removals what to take out of the code, by a name for it
 * @return {Promise<() => void>} asserts that every removal happened
 */
async function withoutTranslations( page, removals ) {
	const done = new Set();
	await page.route( /\/load\.php\?/, async ( route ) => {
		const response = await route.fetch();
		let body = await response.text();
		for ( const [ name, pattern ] of Object.entries( removals ) ) {
			if ( pattern.test( body ) ) {
				body = body.replace( pattern, '' );
				done.add( name );
			}
		}
		await route.fulfill( { response, body } );
	} );
	return () => assert.deepEqual( [ ...done ].sort(), Object.keys( removals ).sort(), 'the translations were taken out' );
}

/** A regular expression that matches a text literally. */
function literal( text ) {
	return text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
}

/** A logged-out reader in the given language opens the password reset panel from its link. */
async function openReset( visit, language, linkText ) {
	await visit.open( 'Main Page', { useskin: 'vector', uselang: language } );
	await visit.page.getByRole( 'link', { name: linkText, exact: true } ).click();
	await visit.page.getByRole( 'dialog' ).waitFor();
	await panelSettled( visit.page );
}

function panelTitle( page ) {
	return page.locator( '.account-gadgets-panel .oo-ui-processDialog-title' ).textContent();
}

for ( const wiki of wikis ) {
	describe( `languages on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		test( 'MediaWiki\'s own chains, which the gadgets follow: uk → en, ba → ru → en, he → en', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const chains = {};
				for ( const language of [ 'uk', 'ba', 'he' ] ) {
					await visit.open( 'Main Page', { uselang: language } );
					chains[ language ] = await visit.page.evaluate( () => mw.loader.using( 'mediawiki.language' )
						.then( () => mw.language.getFallbackLanguageChain() ) );
				}
				assert.deepEqual( chains, { uk: [ 'uk', 'en' ], ba: [ 'ba', 'ru', 'en' ], he: [ 'he', 'en' ] } );
			} );
		} );

		test( 'Hebrew, untranslated: the link and the panel are in English, and the panel is mirrored', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await openReset( visit, 'he', forgot( 'en' ) );
				assert.equal( await panelTitle( page ), reset( 'en' ).title );
				await page.getByRole( 'textbox', { name: reset( 'en' )[ 'field-either' ] } ).waitFor();
				const direction = await page.locator( '.account-gadgets-panel' ).evaluate( ( node ) => [
					window.getComputedStyle( node ).direction, node.closest( '[dir]' ).getAttribute( 'dir' )
				] );
				assert.deepEqual( direction, [ 'rtl', 'rtl' ] );
				// Mirrored: the close button is on the left, the primary action on the right.
				const [ close, send ] = await Promise.all( [
					page.getByRole( 'button', { name: 'Cancel' } ).boundingBox(),
					page.getByRole( 'button', { name: reset( 'en' ).send } ).boundingBox()
				] );
				assert.ok( send.x < close.x, `primary action (${ send.x }) left of the close button (${ close.x }) in RTL` );
			} );
		} );

		test( 'Bashkir, untranslated, falls back to Russian as in MediaWiki: link and panel in Russian', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await openReset( visit, 'ba', forgot( 'ru' ) );
				assert.equal( await panelTitle( visit.page ), reset( 'ru' ).title );
				await visit.page.getByRole( 'textbox', { name: reset( 'ru' )[ 'field-either' ] } ).waitFor();
			} );
		} );

		test( 'Ukrainian with strings missing: English shows, never Russian', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const taken = await withoutTranslations( visit.page, {
					// The build leaves a language out of a stub's labels until it has all of them.
					'the stub\'s Ukrainian labels': new RegExp( `uk:\\{"link-forgot":"${ literal( forgot( 'uk' ) ) }"\\},?` ),
					// A panel has every language's messages: one Ukrainian message missing.
					'the panel\'s Ukrainian title': new RegExp( `"?title"?:\\s*"${ literal( reset( 'uk' ).title ) }",?` )
				} );
				await openReset( visit, 'uk', forgot( 'en' ) );
				taken();
				assert.equal( await panelTitle( visit.page ), reset( 'en' ).title );
				// What is translated is still Ukrainian.
				await visit.page.getByRole( 'textbox', { name: reset( 'uk' )[ 'field-either' ] } ).waitFor();
			} );
		} );
	} );
}
