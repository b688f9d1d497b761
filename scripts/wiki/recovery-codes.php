<?php
/**
 * Gives a user enrolled in two-factor login these recovery codes (OATHAuth 1.45+, where recovery
 * codes are a module of their own), replacing the ones they had: a test that logs in with a
 * recovery code uses one up, so it brings its own.
 *
 * Run as: MW_INSTALL_PATH=<code> MW_CONFIG_FILE=<settings> php maintenance/run.php recovery-codes.php USER CODE...
 */

use MediaWiki\Extension\OATHAuth\OATHAuthServices;
use MediaWiki\MediaWikiServices;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class SetAccountGadgetsRecoveryCodes extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Replace a user\'s OATHAuth recovery codes' );
		$this->addArg( 'user', 'User name' );
		$this->addArg( 'codes', 'The codes', true, true );
	}

	public function execute() {
		$user = MediaWikiServices::getInstance()->getUserFactory()->newFromName( $this->getArg( 0 ) );
		$repository = OATHAuthServices::getInstance()->getUserRepository();
		$oathUser = $repository->findByUser( $user );
		$repository->removeAllOfType( $oathUser, 'recoverycodes', '127.0.0.1', false );
		$module = OATHAuthServices::getInstance()->getModuleRegistry()->getModuleByKey( 'recoverycodes' );
		$repository->createKey( $oathUser, $module, [ 'recoverycodekeys' => $this->getArgs( 1 ) ], '127.0.0.1' );
		$this->output( "Set the recovery codes of {$user->getName()}\n" );
	}
}

$maintClass = SetAccountGadgetsRecoveryCodes::class;
require_once RUN_MAINTENANCE_IF_MAIN;
