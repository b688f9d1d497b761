// Where a panel's code comes from, for the gadgets installed on a wiki: the hidden gadget module
// ext.gadget.<name>-panel, registered on every page of that wiki. The user-script build puts
// panel-source-user-script.ts in this file's place (see scripts/build/gadgets.mjs).

/**
 * Loads a panel's code and its dependencies; the panel then announces itself on its hook.
 *
 * @param name the gadget's name, e.g. 'email-user'
 */
export function fetchPanel( name: string ): JQuery.Promise<unknown> {
	return mw.loader.using( 'ext.gadget.' + name + '-panel' );
}
