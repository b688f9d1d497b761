// The foundation, proven on real wikis: what deploy wrote is what the Gadgets extension reads, an
// admin's users find the gadget in their preferences, and once switched on it runs with no parse
// error on both MediaWiki 1.39 (ES5 only) and 1.43.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inVisit, wikis, accounts, browserForSuite } from './helpers.mjs';
import { listModules, gadgetsDir } from '../../scripts/build/gadgets.mjs';
import { repoRoot } from '../../scripts/wiki/wikis.mjs';

const modules = listModules();
const descriptions = JSON.parse( readFileSync( path.join( gadgetsDir, 'messages.json' ), 'utf8' ) );
const ruSection = JSON.parse( readFileSync( path.join( repoRoot, 'src/i18n/ru.json' ), 'utf8' ) )[ 'section-title' ];

for ( const wiki of wikis ) {
	describe( `foundation on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		test( 'the Gadgets extension lists every gadget with the options we declared', async () => {
			const response = await fetch( `${ wiki.api }?action=query&list=gadgets&gaprop=id|metadata&format=json&formatversion=2` );
			const listed = new Map( ( await response.json() ).query.gadgets.map( ( gadget ) => [ gadget.id, gadget.metadata ] ) );
			for ( const module of modules ) {
				const metadata = listed.get( module.name );
				assert.ok( metadata, `${ module.name } is listed` );
				// The section of Special:Preferences: `category` until 1.43, `section` from 1.45 on.
				assert.equal( metadata.settings.section || metadata.settings.category, 'account-gadgets' );
				assert.equal( metadata.settings.hidden, !!module.options.hidden, `${ module.name } hidden` );
				assert.equal( metadata.settings.default, !!module.options.default, `${ module.name } default` );
				assert.deepEqual( metadata.settings.rights, module.options.rights || [], `${ module.name } rights` );
				assert.deepEqual( metadata.module.dependencies, module.options.dependencies || [], `${ module.name } dependencies` );
				assert.deepEqual( metadata.module.scripts, [ `MediaWiki:Gadget-${ module.name }.js` ] );
			}
		} );

		test( 'a user switches the gadget on in Special:Preferences and it runs without a parse error', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( accounts.sender );
				await visit.setOptions( { 'gadget-email-user': 0 } );
				await visit.open( 'Special:Preferences', { uselang: 'ru' } );
				// The section and the description are the ones deploy wrote, in the user's language.
				await visit.page.getByRole( 'tab', { name: /Гаджеты|Gadgets/ } ).click();
				await visit.page.getByText( ruSection ).waitFor();
				const checkbox = visit.page.getByRole( 'checkbox', { name: descriptions[ 'MediaWiki:Gadget-email-user/ru' ] } );
				assert.equal( await visit.page.getByText( descriptions[ 'MediaWiki:Gadget-email-user-panel/ru' ] ).count(), 0,
					'the hidden panel module is not offered' );
				await checkbox.check();
				await Promise.all( [
					visit.page.waitForNavigation(),
					visit.page.getByRole( 'button', { name: 'Сохранить' } ).click()
				] );
				const saved = await visit.api( { action: 'query', meta: 'userinfo', uiprop: 'options' } );
				assert.equal( String( saved.query.userinfo.options[ 'gadget-email-user' ] ), '1' );

				await visit.open( `User:${ accounts.emailable.name }` );
				await visit.page.waitForFunction( () => mw.loader.getState( 'ext.gadget.email-user' ) === 'ready' );
				await visit.page.locator( '#t-emailuser a' ).click();
				await visit.page.getByRole( 'textbox', { name: 'Subject' } ).waitFor();
				assert.deepEqual( visit.scriptErrors(), [], 'no parse error or exception in the console' );
			} );
		} );

		test( 'a gadget that is switched off does not load', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( accounts.emailable );
				await visit.setOptions( { 'gadget-email-user': 0 } );
				await visit.open( `User:${ accounts.sender.name }` );
				assert.equal( await visit.page.evaluate( () => mw.loader.getState( 'ext.gadget.email-user' ) ), 'registered' );
			} );
		} );

		test( 'a user who loads the stub from common.js, without switching the gadget on, gets the same panel', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( accounts.sender );
				await visit.setOptions( { 'gadget-email-user': 0 } );
				await visit.open( `User:${ accounts.emailable.name }` );
				assert.equal( await visit.page.evaluate( () => mw.loader.getState( 'ext.gadget.email-user' ) ), 'registered' );
				// The line the README gives for common.js.
				await visit.page.evaluate( ( url ) => mw.loader.load( url ),
					`${ wiki.server }/index.php?title=MediaWiki:Gadget-email-user.js&action=raw&ctype=text/javascript` );
				await visit.page.waitForFunction( () => window.accountGadgetsEmailUser === true );
				await visit.page.locator( '#t-emailuser a' ).click();
				await visit.page.getByRole( 'textbox', { name: 'Subject' } ).waitFor();
				assert.equal( await visit.page.evaluate( () => mw.loader.getState( 'ext.gadget.email-user-panel' ) ), 'ready',
					'the panel came as its hidden gadget module' );
				assert.deepEqual( visit.scriptErrors(), [] );
			} );
		} );
	} );
}
