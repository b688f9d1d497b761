<?php
/**
 * Benchmark fixture: a page edited once by each of N users, half of them with a confirmed email
 * address, so that `npm run bench` can count the requests for marking a long history.
 *
 * Run as: MW_INSTALL_PATH=<code> MW_CONFIG_FILE=<settings> php many-editors.php "Page title" 120
 */

use MediaWiki\MediaWikiServices;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class AccountGadgetsManyEditors extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addArg( 'title', 'Page to edit' );
		$this->addArg( 'count', 'How many editors' );
	}

	public function execute() {
		$services = MediaWikiServices::getInstance();
		// Through the services: 1.45 has no global Title or ContentHandler any more.
		$title = $services->getTitleFactory()->newFromText( $this->getArg( 0 ) );
		$handler = $services->getContentHandlerFactory()->getContentHandler( $title->getContentModel() );
		$count = (int)$this->getArg( 1 );
		$page = $services->getWikiPageFactory()->newFromTitle( $title );
		for ( $i = 1; $i <= $count; $i++ ) {
			$user = $services->getUserFactory()->newFromName( sprintf( 'Bench editor %03d', $i ) );
			if ( $user->isRegistered() ) {
				continue;
			}
			$user->addToDatabase();
			if ( $i % 2 ) {
				$user->setEmail( "bench$i@example.test" );
				$user->setEmailAuthenticationTimestamp( wfTimestampNow() );
				$user->saveSettings();
			}
			$content = $handler->unserializeContent( "Edit number $i." );
			$page->doUserEditContent( $content, $user, "Bench edit $i" );
		}
		$this->output( "{$title->getPrefixedText()} has $count editors\n" );
	}
}

$maintClass = AccountGadgetsManyEditors::class;
require_once RUN_MAINTENANCE_IF_MAIN;
