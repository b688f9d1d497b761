import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	es5Errors, definitionLine, definitionDrift, renderDefinition, listModules, definitionFile, gadgetsDir, wrap,
	sourceRoot, shippedLanguages, compile, descriptionPages, userScriptsDir, userScriptTools
} from '../../scripts/build/gadgets.mjs';
import { mergeDefinition, assertSafeUrl, apiUrlFor } from '../../scripts/deploy.mjs';

QUnit.module( 'build: the ES5 check', () => {
	QUnit.test( 'code MediaWiki 1.39 would reject is caught', ( assert ) => {
		assert.notDeepEqual( es5Errors( 'let x = 1;' ), [], 'let' );
		assert.notDeepEqual( es5Errors( 'var f = () => 1;' ), [], 'arrow function' );
		assert.notDeepEqual( es5Errors( 'var o = { ...a };' ), [], 'object spread' );
		assert.notDeepEqual( es5Errors( 'async function f() { await g(); }' ), [], 'async/await' );
		assert.notDeepEqual( es5Errors( 'class A {}' ), [], 'class' );
		assert.notDeepEqual( es5Errors( 'var s = `template`;' ), [], 'template literal' );
	} );

	QUnit.test( 'plain ES5 passes', ( assert ) => {
		assert.deepEqual( es5Errors( 'var f = function ( a ) { return a && a.b; };' ), [] );
	} );

	QUnit.test( 'every built gadget file is ES5, with banner and nowiki markers', ( assert ) => {
		const files = readdirSync( gadgetsDir ).filter( ( file ) => file.endsWith( '.js' ) );
		assert.strictEqual( files.length, listModules().length, 'one file per gadget module' );
		for ( const file of files ) {
			const code = readFileSync( path.join( gadgetsDir, file ), 'utf8' );
			assert.deepEqual( es5Errors( code ), [], `${ file } is ES5` );
			assert.true( code.startsWith( '/* ' ) && code.includes( 'edit the repository, not this page' ), `${ file } has the banner` );
			assert.true( code.includes( '/* <nowiki> */' ) && code.trim().endsWith( '/* </nowiki> */' ), `${ file } is wrapped in nowiki` );
		}
	} );

	QUnit.test( 'the banner names the gadget, version and commit', ( assert ) => {
		const wrapped = wrap( 'email-user', 'var a;', 'abc1234' );
		assert.true( /^\/\* email-user \d+\.\d+\.\d+ \(abc1234\), from the account-gadgets repository\./.test( wrapped ) );
	} );
} );

QUnit.module( 'build: Gadgets-definition', () => {
	QUnit.test( 'a definition line uses the syntax 1.39 reads, without the Gadget- prefix', ( assert ) => {
		assert.strictEqual(
			definitionLine( { name: 'x', options: { ResourceLoader: true, hidden: true, dependencies: [ 'mediawiki.api', 'oojs-ui-core' ], rights: [ 'sendemail' ] }, styles: 'x.css' } ),
			'* x[ResourceLoader|hidden|dependencies=mediawiki.api,oojs-ui-core|rights=sendemail]|x.js|x.css'
		);
	} );

	QUnit.test( 'an option the Gadgets extension does not know is refused', ( assert ) => {
		assert.throws( () => definitionLine( { name: 'x', options: { dependecies: [ 'a' ] }, styles: null } ), /unknown/ );
	} );

	QUnit.test( 'the committed Gadgets-definition.txt is the one the gadget definitions generate', ( assert ) => {
		const committed = readFileSync( definitionFile, 'utf8' );
		assert.deepEqual( definitionDrift( committed, renderDefinition( listModules() ) ), [],
			'if this fails, run `node build.mjs --update-definition` and commit the file' );
	} );

	QUnit.test( 'a hand edit of the committed file is caught', ( assert ) => {
		const generated = renderDefinition( listModules() );
		const edited = generated.replace( 'rights=sendemail', 'rights=sendemail,edit' );
		assert.strictEqual( definitionDrift( edited, generated ).length, 1 );
		assert.notDeepEqual( definitionDrift( generated + '* extra[ResourceLoader]|extra.js\n', generated ), [] );
	} );
} );

QUnit.module( 'deploy: what it writes and where', () => {
	const block = renderDefinition( listModules() );

	QUnit.test( 'our block is added after the wiki\'s other gadgets, which stay as they were', ( assert ) => {
		const theirs = '== appearance ==\n* dark-mode[ResourceLoader]|dark-mode.js\n';
		const merged = mergeDefinition( theirs, block );
		assert.true( merged.startsWith( theirs.trim() ) );
		assert.true( merged.includes( block.trim() ) );
	} );

	QUnit.test( 'a second deploy replaces only our block', ( assert ) => {
		const before = '== a ==\n* a[ResourceLoader]|a.js\n\n' + block.replace( 'email-user', 'old-gadget' ) + '\n== b ==\n* b|b.js\n';
		const merged = mergeDefinition( before, block );
		assert.false( merged.includes( 'old-gadget' ) );
		assert.true( merged.startsWith( '== a ==\n* a[ResourceLoader]|a.js\n\n' ) );
		assert.true( merged.endsWith( '\n== b ==\n* b|b.js\n' ) );
		assert.strictEqual( mergeDefinition( merged, block ), merged, 'deploying again changes nothing' );
	} );

	QUnit.test( 'plain http is refused except on this machine', ( assert ) => {
		assert.throws( () => assertSafeUrl( 'http://wiki.example.org/w/api.php' ), /Refusing plain http/ );
		assertSafeUrl( 'https://wiki.example.org/w/api.php' );
		assertSafeUrl( 'http://127.0.0.1:8139/api.php' );
		assertSafeUrl( 'http://localhost:8080/w/api.php' );
		assert.throws( () => assertSafeUrl( 'http://127.0.0.1.example.org/api.php' ), /Refusing/ );
	} );

	QUnit.test( 'a wiki base URL is turned into its api.php', ( assert ) => {
		assert.strictEqual( apiUrlFor( 'https://wiki.example.org/w' ), 'https://wiki.example.org/w/api.php' );
		assert.strictEqual( apiUrlFor( 'https://wiki.example.org/w/api.php' ), 'https://wiki.example.org/w/api.php' );
	} );
} );

QUnit.module( 'build: a language is added by adding its files', ( hooks ) => {
	let root;
	hooks.before( () => {
		// A copy of the sources with German added as files only, some messages left untranslated.
		root = mkdtempSync( path.join( tmpdir(), 'account-gadgets-i18n-' ) );
		execFileSync( 'cp', [ '-R', `${ sourceRoot }/.`, root ] );
		const add = ( folder, messages ) => writeFileSync( path.join( root, folder, 'i18n/de.json' ), JSON.stringify( messages ) );
		add( '.', { 'section-title': 'Kontowerkzeuge' } );
		add( 'gadgets/logged-out', { 'gadget-description': 'Für Leser ohne Anmeldung.', 'link-forgot': 'Passwort vergessen?' } );
		add( 'gadgets/email-user', { 'panel-title': 'E-Mail an Benutzer senden' } );
		add( 'gadgets/password-check', { 'link-check': 'Passwort prüfen' } );
	} );
	hooks.after( () => rmSync( root, { recursive: true, force: true } ) );

	QUnit.test( 'the build finds the new language', ( assert ) => {
		assert.true( shippedLanguages( root ).includes( 'de' ) );
		assert.false( shippedLanguages().includes( 'de' ), 'the real sources are untouched' );
	} );

	QUnit.test( "a stub's link labels come from the new files", async ( assert ) => {
		const stub = listModules( root ).find( ( module ) => module.name === 'logged-out' );
		const code = await compile( stub.entry, {}, { minify: true } );
		assert.true( code.includes( 'Passwort vergessen?' ), 'German label in the stub' );
		assert.true( code.includes( 'Parolanızı mı unuttunuz?' ), 'the other languages stay' );
		assert.false( code.includes( 'Für Leser ohne Anmeldung.' ), 'a stub carries only its link labels' );
		assert.deepEqual( es5Errors( code ), [] );
	} );

	QUnit.test( 'a stub takes a language only once all its labels are translated (else MediaWiki\'s fallback applies)', async ( assert ) => {
		const stub = listModules( root ).find( ( module ) => module.name === 'password-check' );
		const code = await compile( stub.entry, {}, { minify: true } );
		assert.false( code.includes( 'Passwort prüfen' ), '"Change password" is not translated yet' );
		assert.true( code.includes( 'Проверить пароль' ) );
	} );

	QUnit.test( "a panel's messages come from the new files", async ( assert ) => {
		const panel = listModules( root ).find( ( module ) => module.name === 'email-user-panel' );
		const code = await compile( panel.entry );
		assert.true( code.includes( 'E-Mail an Benutzer senden' ) );
	} );

	QUnit.test( 'the descriptions in Special:Preferences get their pages; untranslated ones are left to MediaWiki', ( assert ) => {
		const pages = descriptionPages( listModules( root ), root );
		assert.strictEqual( pages[ 'MediaWiki:Gadget-section-account-gadgets/de' ], 'Kontowerkzeuge' );
		assert.strictEqual( pages[ 'MediaWiki:Gadget-logged-out/de' ], 'Für Leser ohne Anmeldung.' );
		assert.false( 'MediaWiki:Gadget-email-user/de' in pages );
	} );
} );

QUnit.module( 'build: the user-script route, from the same sources', () => {
	const read = ( file ) => readFileSync( path.join( userScriptsDir, file ), 'utf8' );

	QUnit.test( 'every user-script file is ES5, with banner and nowiki markers', ( assert ) => {
		const files = readdirSync( userScriptsDir );
		const tools = userScriptTools( listModules() ).map( ( module ) => `account-gadgets-${ module.name }.js` );
		const panels = listModules().filter( ( module ) => module.options.hidden ).map( ( module ) => `account-gadgets-${ module.name }.js` );
		assert.deepEqual( files.sort(), [ 'account-gadgets-all.js', 'account-gadgets.js', ...tools, ...panels ].sort() );
		for ( const file of files ) {
			const code = read( file );
			assert.deepEqual( es5Errors( code ), [], `${ file } is ES5` );
			assert.true( code.includes( '/* <nowiki> */' ) && code.includes( 'edit the repository, not this page' ), `${ file } is wrapped` );
		}
	} );

	QUnit.test( 'stubs fetch panels beside the loader there, and from the gadget modules as gadgets', ( assert ) => {
		const userScript = read( 'account-gadgets-email-user.js' );
		const gadget = readFileSync( path.join( gadgetsDir, 'Gadget-email-user.js' ), 'utf8' );
		assert.true( userScript.includes( 'accountGadgetsScripts' ) );
		assert.false( userScript.includes( 'ext.gadget.' ) );
		assert.true( gadget.includes( '"ext.gadget."' ) );
		assert.false( gadget.includes( 'accountGadgetsScripts' ), 'the gadget stub carries nothing of the other route' );
	} );

	QUnit.test( 'a panel file loads its MediaWiki dependencies from the wiki it runs on, then runs', ( assert ) => {
		const panel = listModules().find( ( module ) => module.name === 'email-user-panel' );
		const code = read( 'account-gadgets-email-user-panel.js' );
		assert.true( code.includes( `mw.loader.using( ${ JSON.stringify( panel.options.dependencies ) } ).then( function () {` ) );
	} );

	QUnit.test( 'the all-tools file holds every tool\'s stub, and the logged-out one is not a tool', ( assert ) => {
		const names = userScriptTools( listModules() ).map( ( module ) => module.name );
		assert.false( names.includes( 'logged-out' ) );
		const all = read( 'account-gadgets-all.js' );
		for ( const flag of [ 'accountGadgetsEmailUser', 'accountGadgetsPasswordCheck', 'accountGadgetsPasswordResetHelper', 'accountGadgetsCreateAccount', 'accountGadgetsEmailUserMarks' ] ) {
			assert.true( all.includes( flag ), flag );
		}
	} );
} );
