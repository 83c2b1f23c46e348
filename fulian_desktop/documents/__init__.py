"""PDF documents (ReportLab): fonts, shared layout, one module per document type, case-file assembly.

Import the public contract from `fulian_desktop.documents.api`."""
