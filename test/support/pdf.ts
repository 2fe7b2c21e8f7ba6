import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF read back with a PDF parser (pdfjs-dist): its title and each page's text, items joined by spaces. */
export async function readPdf(bytes: Uint8Array): Promise<{ title: string | undefined; pages: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  try {
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return { title: info.Title, pages };
  } finally {
    await pdf.destroy();
  }
}
