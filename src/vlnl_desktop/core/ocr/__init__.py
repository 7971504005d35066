"""Text for scanned pages: OCR with Tesseract, stored beside the pages' own text.

``tesseract`` runs the program (found on PATH, or ``VLNL_TESSERACT``) on page images and reads
their words with their boxes; ``words`` holds what one page gives (the words, the page text, the
characters the viewer selects); ``deskew`` finds how a scan lies (skewed, turned a quarter);
``page_job`` renders pages level and upright and has Tesseract read them (a sandbox job);
``store`` reads and writes the ``ocr_pages`` table; ``run`` drives a whole OCR run, resumable and
cancellable; ``layer`` gives the viewer and find the OCR text of an archive's stored file.
"""
