"""Papers: choosing, previewing, printing and saving a case's documents, one or a batch."""
