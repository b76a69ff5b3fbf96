/**
 * The document libraries, loaded on first use. Imported at the top of their modules they cost
 * every start of the server and of the index worker some 300-400 ms (exceljs alone about
 * 350 ms, measured with --cpu-prof), while most starts never read a workbook, a .docx or a PDF.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadMammoth = async () => (await import('mammoth')).default;
export const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');
