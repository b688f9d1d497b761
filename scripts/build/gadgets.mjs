// How the TypeScript sources become files a wiki accepts: the gadget list and its definition
// lines, the bundle-and-lower step, the ES5 check and the banner. build.mjs runs these; the unit
// tests call them directly to prove the checks fail when they should.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import babel from '@babel/core';
import * as acorn from 'acorn';
import { repoRoot } from '../wiki/wikis.mjs';

export const section = 'account-gadgets';
export const gadgetsDir = path.join( repoRoot, 'gadgets' );
export const definitionFile = path.join( repoRoot, 'Gadgets-definition.txt' );
export const blockStart = `<!-- ${ section }: start. Generated from the account-gadgets repository; edit there, not here. -->`;
export const blockEnd = `<!-- ${ section }: end -->`;

const sourceRoot = path.join( repoRoot, 'src/gadgets' );
const packageJson = JSON.parse( readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) );
export const version = packageJson.version;
export const languages = JSON.parse( readFileSync( path.join( repoRoot, 'src/i18n/languages.json' ), 'utf8' ) );

// The order in which Gadgets-definition options are written, as the Gadgets extension names them.
const optionOrder = [ 'ResourceLoader', 'hidden', 'default', 'type', 'dependencies', 'peers', 'rights', 'actions', 'skins', 'supportsUrlLoad' ];

/**
 * Every gadget module we ship. Each source folder gives, when it has a stub.ts, the page-view
 * stub, named after the folder, and, when it has a panel.ts, `<name>-panel`: hidden, loaded on
 * first use with its heavier dependencies.
 *
 * @return {Array<{name:string,folder:string,entry:string,options:Object,styles:string|null,descriptionKey:string}>}
 */
export function listModules() {
	const modules = [];
	for ( const folder of readdirSync( sourceRoot ).sort() ) {
		const dir = path.join( sourceRoot, folder );
		const definition = JSON.parse( readFileSync( path.join( dir, 'definition.json' ), 'utf8' ) );
		// A panel may have no stub of its own (another gadget's stub opens it).
		if ( existsSync( path.join( dir, 'stub.ts' ) ) ) {
			modules.push( {
				name: folder,
				folder,
				entry: path.join( dir, 'stub.ts' ),
				options: { ResourceLoader: true, ...definition.stub },
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
			entry: path.join( dir, 'panel.ts' ),
			options: { ResourceLoader: true, hidden: true, ...definition.panel },
			styles: existsSync( panelStyles ) ? panelStyles : null,
			descriptionKey: 'gadget-panel-description'
		} );
	}
	return modules;
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
 * @param {string} entry
 * @param {Object} [defines] compile-time constants
 * @param {{minify?: boolean}} [options] minify (names too) after lowering
 * @return {Promise<string>}
 */
export async function compile( entry, defines = {}, options = {} ) {
	const bundled = await esbuild.build( {
		entryPoints: [ entry ],
		bundle: true,
		format: 'iife',
		target: 'es2017',
		platform: 'browser',
		write: false,
		charset: 'utf8',
		legalComments: 'none',
		define: Object.fromEntries( Object.entries( defines ).map( ( [ key, value ] ) => [ key, JSON.stringify( value ) ] ) )
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
