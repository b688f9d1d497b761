// How the TypeScript sources become files a wiki accepts: the gadget list and its definition
// lines, the bundle-and-lower step, the ES5 check and the banner. build.mjs runs these; the unit
// tests call them directly to prove the checks fail when they should.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import * as babel from '@babel/core';
import * as acorn from 'acorn';
import { repoRoot } from '../wiki/wikis.mjs';

export const section = 'account-gadgets';
export const gadgetsDir = path.join( repoRoot, 'gadgets' );
export const userScriptsDir = path.join( repoRoot, 'user-scripts' );
export const definitionFile = path.join( repoRoot, 'Gadgets-definition.txt' );
export const blockStart = `<!-- ${ section }: start. Generated from the account-gadgets repository; edit there, not here. -->`;
export const blockEnd = `<!-- ${ section }: end -->`;

export const sourceRoot = path.join( repoRoot, 'src' );
const packageJson = JSON.parse( readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) );
export const version = packageJson.version;

/**
 * The languages of one i18n folder: one `<code>.json` file each (`qqq.json` documents the
 * messages and is not a language). Adding a language is adding its files; nothing lists them.
 *
 * @param {string} i18nDir
 * @return {string[]} codes, English first
 */
export function languagesIn( i18nDir ) {
	const codes = existsSync( i18nDir ) ? readdirSync( i18nDir )
		.filter( ( file ) => file.endsWith( '.json' ) && file !== 'qqq.json' )
		.map( ( file ) => file.slice( 0, -'.json'.length ) ) : [];
	return [ 'en', ...codes.filter( ( code ) => code !== 'en' ).sort() ];
}

/**
 * The languages we ship: those of the shared messages.
 *
 * @param {string} [root] the source folder
 * @return {string[]}
 */
export function shippedLanguages( root = sourceRoot ) {
	return languagesIn( path.join( root, 'i18n' ) );
}

function readMessages( file ) {
	return existsSync( file ) ? JSON.parse( readFileSync( file, 'utf8' ) ) : {};
}

/**
 * Every language file of one i18n folder, by language code, without @metadata; with `keep`,
 * only the messages whose keys it accepts (stubs take only their link labels).
 *
 * @param {string} i18nDir
 * @param {function(string):boolean} [keep]
 * @return {Object<string,Object<string,string>>}
 */
export function messageFiles( i18nDir, keep = () => true ) {
	const files = {};
	for ( const language of languagesIn( i18nDir ) ) {
		const messages = readMessages( path.join( i18nDir, `${ language }.json` ) );
		files[ language ] = Object.fromEntries( Object.entries( messages )
			.filter( ( [ key ] ) => key !== '@metadata' && keep( key ) ) );
	}
	return files;
}

/**
 * Whether a stub needs a message on page views: the labels of the links it adds are `link-*`.
 *
 * @param {string} key
 * @return {boolean}
 */
export function isLinkLabel( key ) {
	return key.startsWith( 'link-' );
}

/**
 * A stub's link labels: the languages that have all of them (English always does). A language
 * still missing one is left out, and its readers get the labels of MediaWiki's fallback chain
 * (see src/lib/labels.ts), so that a stub never needs to know which key falls back where.
 *
 * @param {string} i18nDir
 * @return {Object<string,Object<string,string>>}
 */
export function stubLabels( i18nDir ) {
	const files = messageFiles( i18nDir, isLinkLabel );
	const keys = Object.keys( files.en );
	return Object.fromEntries( Object.entries( files ).filter( ( [ , labels ] ) => keys.every( ( key ) => labels[ key ] ) ) );
}

/**
 * Lets code import a whole i18n folder, so that no file lists the languages:
 * `import files from 'i18n:./i18n'` gives every language's messages, and
 * `import labels from 'labels:./i18n'` only the link labels (for stubs, on every page view; see
 * stubLabels).
 * The build reads the folder, so a language file added there is in the next build.
 */
const i18nFolders = {
	name: 'i18n-folders',
	setup( build ) {
		build.onResolve( { filter: /^(i18n|labels):/ }, ( args ) => {
			const [ kind, folder ] = args.path.split( /:(.*)/ );
			return { path: path.resolve( args.resolveDir, folder ), namespace: kind };
		} );
		for ( const kind of [ 'i18n', 'labels' ] ) {
			build.onLoad( { filter: /.*/, namespace: kind }, ( args ) => ( {
				contents: JSON.stringify( kind === 'labels' ? stubLabels( args.path ) : messageFiles( args.path ) ),
				loader: 'json',
				watchDirs: [ args.path ]
			} ) );
		}
	}
};

/**
 * The tools a person can choose on the user-script route: every stub but the logged-out one,
 * which is for readers who have no common.js.
 *
 * @param {Array} modules from listModules()
 * @return {Array}
 */
export function userScriptTools( modules ) {
	return modules.filter( ( module ) => !module.options.hidden && !module.options.default );
}

// The order in which Gadgets-definition options are written, as the Gadgets extension names them.
const optionOrder = [ 'ResourceLoader', 'hidden', 'default', 'type', 'targets', 'dependencies', 'peers', 'rights', 'actions', 'skins', 'supportsUrlLoad' ];

// Gadgets 1.39 loads a gadget only in the desktop view unless it says so; 1.43 has no such option,
// ignores it, and loads gadgets in the mobile view anyway. Every one of ours works on phones.
const targets = [ 'desktop', 'mobile' ];

/**
 * Every gadget module we ship. Each source folder gives, when it has a stub.ts, the page-view
 * stub, named after the folder, and, when it has a panel.ts, `<name>-panel`: hidden, loaded on
 * first use with its heavier dependencies.
 *
 * @param {string} [root] the source folder
 * @return {Array<{name:string,folder:string,dir:string,entry:string,options:Object,styles:string|null,descriptionKey:string}>}
 */
export function listModules( root = sourceRoot ) {
	const modules = [];
	const gadgetsRoot = path.join( root, 'gadgets' );
	for ( const folder of readdirSync( gadgetsRoot ).sort() ) {
		const dir = path.join( gadgetsRoot, folder );
		const definition = JSON.parse( readFileSync( path.join( dir, 'definition.json' ), 'utf8' ) );
		// A panel may have no stub of its own (another gadget's stub opens it).
		if ( existsSync( path.join( dir, 'stub.ts' ) ) ) {
			modules.push( {
				name: folder,
				folder,
				dir,
				entry: path.join( dir, 'stub.ts' ),
				options: { ResourceLoader: true, targets, ...definition.stub },
				styles: null,
				descriptionKey: 'gadget-description'
			} );
		}
		// A gadget may have no panel of its own (it opens another gadget's).
		if ( !existsSync( path.join( dir, 'panel.ts' ) ) ) {
			continue;
		}
		const panelStyles = path.join( dir, 'panel.css' );
		modules.push( {
			name: `${ folder }-panel`,
			folder,
			dir,
			entry: path.join( dir, 'panel.ts' ),
			options: { ResourceLoader: true, hidden: true, targets, ...definition.panel },
			styles: existsSync( panelStyles ) ? panelStyles : null,
			descriptionKey: 'gadget-panel-description'
		} );
	}
	return modules;
}

/**
 * The wiki pages that describe our gadgets in Special:Preferences and Special:Gadgets, in every
 * language we ship: MediaWiki:Gadget-<name>(/lang) and MediaWiki:Gadget-section-<section>(/lang).
 *
 * @param {Array} modules from listModules()
 * @param {string} [root] the source folder
 * @return {Object<string,string>} page title → text
 */
export function descriptionPages( modules, root = sourceRoot ) {
	const pages = {};
	const shared = messageFiles( path.join( root, 'i18n' ) );
	for ( const language of shippedLanguages( root ) ) {
		const suffix = language === 'en' ? '' : `/${ language }`;
		pages[ `MediaWiki:Gadget-section-${ section }${ suffix }` ] = shared[ language ][ 'section-title' ];
		for ( const module of modules ) {
			const messages = messageFiles( path.join( module.dir, 'i18n' ) )[ language ] || {};
			pages[ `MediaWiki:Gadget-${ module.name }${ suffix }` ] = messages[ module.descriptionKey ];
		}
	}
	// English is the source: a description missing there is a mistake. A language that has not
	// translated one yet gets no page, and MediaWiki shows its fallback.
	const missing = Object.keys( pages ).filter( ( title ) => !pages[ title ] );
	const missingInEnglish = missing.filter( ( title ) => !/\/[a-z-]+$/.test( title ) );
	if ( missingInEnglish.length ) {
		throw new Error( `Missing descriptions: ${ missingInEnglish.join( ', ' ) }` );
	}
	missing.forEach( ( title ) => delete pages[ title ] );
	return pages;
}

/**
 * One line of MediaWiki:Gadgets-definition in the syntax 1.39 and 1.43 both read. The page
 * names carry no `Gadget-` prefix: the extension adds it.
 *
 * @param {{name:string,options:Object,styles:string|null}} module
 * @return {string}
 */
export function definitionLine( module ) {
	const unknown = Object.keys( module.options ).filter( ( key ) => !optionOrder.includes( key ) );
	if ( unknown.length ) {
		throw new Error( `${ module.name }: unknown Gadgets-definition option(s) ${ unknown.join( ', ' ) }` );
	}
	const options = [];
	for ( const key of optionOrder ) {
		const value = module.options[ key ];
		if ( value === true ) {
			options.push( key );
		} else if ( Array.isArray( value ) && value.length ) {
			options.push( `${ key }=${ value.join( ',' ) }` );
		} else if ( typeof value === 'string' ) {
			options.push( `${ key }=${ value }` );
		}
	}
	const pages = [ `${ module.name }.js`, ...( module.styles ? [ `${ module.name }.css` ] : [] ) ];
	return `* ${ module.name }[${ options.join( '|' ) }]|${ pages.join( '|' ) }`;
}

/**
 * Our block of MediaWiki:Gadgets-definition, between markers so that deploy can replace it
 * without touching the wiki's other gadgets.
 *
 * @param {Array} modules
 * @return {string}
 */
export function renderDefinition( modules ) {
	return [ blockStart, `== ${ section } ==`, ...modules.map( definitionLine ), blockEnd, '' ].join( '\n' );
}

/**
 * Lines that differ between the committed Gadgets-definition.txt and the generated one.
 *
 * @param {string} committed
 * @param {string} generated
 * @return {string[]} empty when they agree
 */
export function definitionDrift( committed, generated ) {
	const have = committed.split( '\n' );
	const want = generated.split( '\n' );
	const drift = [];
	for ( let i = 0; i < Math.max( have.length, want.length ); i++ ) {
		if ( have[ i ] !== want[ i ] ) {
			drift.push( `line ${ i + 1 }: committed ${ JSON.stringify( have[ i ] ) }, generated ${ JSON.stringify( want[ i ] ) }` );
		}
	}
	return drift;
}

/**
 * Syntax errors that MediaWiki 1.39's ES5-only parser would find: such a file is saved without
 * complaint but served as a parse-error stub.
 *
 * @param {string} code
 * @return {string[]} empty when the code is ES5
 */
export function es5Errors( code ) {
	try {
		acorn.parse( code, { ecmaVersion: 5, sourceType: 'script' } );
		return [];
	} catch ( error ) {
		return [ error.message ];
	}
}

/**
 * Bundles one entry with esbuild, then lowers it to ES5 with Babel (esbuild cannot lower
 * let/const or classes to ES5). Babel's helpers are inlined, so the file needs nothing else.
 *
 * @param {string|{contents:string,resolveDir:string}} entry a file, or code that imports files
 * @param {Object} [defines] compile-time constants
 * @param {{minify?: boolean, userScript?: boolean}} [options] minify (names too) after lowering;
 *  build for the user-script route
 * @return {Promise<string>}
 */
export async function compile( entry, defines = {}, options = {} ) {
	const bundled = await esbuild.build( {
		...( typeof entry === 'string' ? { entryPoints: [ entry ] } : { stdin: { ...entry, loader: 'ts' } } ),
		bundle: true,
		format: 'iife',
		target: 'es2017',
		platform: 'browser',
		write: false,
		plugins: [ i18nFolders ],
		// The panel shell's stylesheet arrives as text, which it adds to the page itself.
		loader: { '.css': 'text' },
		charset: 'utf8',
		legalComments: 'none',
		// The user-script build fetches panels from files next to its loader (src/lib/loader.ts).
		define: Object.fromEntries( Object.entries( { ACCOUNT_GADGETS_USER_SCRIPT: !!options.userScript, ...defines } )
			.map( ( [ key, value ] ) => [ key, JSON.stringify( value ) ] ) )
	} );
	const lowered = await babel.transformAsync( bundled.outputFiles[ 0 ].text, {
		babelrc: false,
		configFile: false,
		sourceType: 'script',
		compact: false,
		comments: false,
		// What loose mode assumes, plus: our browser code only iterates and spreads arrays, so
		// plain index loops replace the iterator helpers.
		assumptions: {
			iterableIsArray: true,
			arrayLikeIsIterable: false,
			constantSuper: true,
			noClassCalls: true,
			setClassMethods: true,
			setComputedProperties: true,
			setPublicClassFields: true,
			setSpreadProperties: true,
			superIsCallableConstructor: true,
			ignoreToPrimitiveHint: true,
			noDocumentAll: true
		},
		presets: [ [ '@babel/preset-env', { targets: { ie: '11' }, modules: false } ] ]
	} );
	if ( !options.minify ) {
		return lowered.code;
	}
	// The input is ES5 already; targeting es5 keeps the minifier from writing newer syntax.
	const minified = await esbuild.transform( lowered.code, { minify: true, target: 'es5', charset: 'utf8', legalComments: 'none' } );
	// Babel's "use strict" only adds bytes: nothing in a stub depends on strict mode.
	return minified.code.replace( /^"use strict";/, '' );
}

/**
 * The deployable file: a banner that says where it comes from, and nowiki markers so that saving
 * it on a wiki does not expand `~~~~` or `{{subst:}}`.
 *
 * @param {string} name
 * @param {string} code
 * @param {string} commit
 * @return {string}
 */
export function wrap( name, code, commit ) {
	return [
		`/* ${ name } ${ version }${ commit ? ` (${ commit })` : '' }, from the account-gadgets repository.`,
		' * Generated by its build: edit the repository, not this page. */',
		'/* <nowiki> */',
		code.trim(),
		'/* </nowiki> */',
		''
	].join( '\n' );
}
