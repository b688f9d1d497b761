// Where a panel's code comes from on the user-script route (one line in common.js, on a wiki
// that need not have the gadgets): the file next to the loader that line names, which loads its
// MediaWiki dependencies from the wiki being used before it runs. The loader
// (src/user-script/loader.ts) says where that is; the build puts this file in place of
// panel-source.ts.
import type { UserScripts } from '../user-script/loader';

/**
 * Loads a panel's code (once per page: see UserScripts.panel) and its dependencies; the panel
 * then announces itself on its hook.
 *
 * @param name the gadget's name, e.g. 'email-user'
 */
export function fetchPanel( name: string ): JQuery.Promise<unknown> {
	return ( window as unknown as { accountGadgetsScripts: UserScripts } ).accountGadgetsScripts.panel( name );
}
