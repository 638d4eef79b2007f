// Hand-built PDF files for the extractor tests: a tiny writer (objects, an xref table with exact
// byte offsets, a trailer) that sets Chinese text in the standard STSong-Light CID font (no font
// file needed: pdfjs maps the UCS-2 codes back to Unicode), draws image-like rectangles for a
// scan without a text layer, and can add a Standard-security /Encrypt dictionary to the trailer.
import crypto from 'node:crypto';

/** One PDF from its object bodies (object n is bodies[n - 1]); object 1 must be the catalogue. */
export function writePdf(bodies: string[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(parts);
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** UCS-2 big-endian hex, as the UniGB-UCS2-H encoding reads it (BMP characters only). */
function ucs2Hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

/** Pages of text lines, set top-down in 12-point STSong-Light with 20-point leading. */
export function textPdfObjects(pages: string[][]): string[] {
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${6 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R >>',
    // Without a descriptor pdfjs reads the codes as one-byte simple-font codes, not UCS-2.
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  pages.forEach((lines, i) => {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`);
    bodies.push(stream(`BT /F1 12 Tf 20 TL 72 760 Td ${lines.map((l) => `<${ucs2Hex(l)}> '`).join(' ')} ET`));
  });
  return bodies;
}

export function textPdf(pages: string[][]): Buffer {
  return writePdf(textPdfObjects(pages));
}

/** Pages that only paint filled rectangles, as a scan's page images do: no text at all. */
export function scanPdf(pageCount: number): Buffer {
  const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: pageCount }, (_, i) => `${3 + 2 * i} 0 R`).join(' ')}] /Count ${pageCount} >>`];
  for (let i = 0; i < pageCount; i++) {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + 2 * i} 0 R >>`);
    bodies.push(stream('q 0.9 0.9 0.9 rg 40 40 515 762 re f 0.1 0.1 0.1 rg 72 700 451 12 re f 72 680 451 12 re f Q'));
  }
  return writePdf(bodies);
}

/**
 * The trailer entries of a file encrypted with the Standard security handler (RC4, 128-bit) whose
 * owner and user keys are random: the empty user password cannot match /U, so it cannot be opened.
 */
export function encryptTrailer(): string {
  const hex = (n: number) => crypto.randomBytes(n).toString('hex').toUpperCase();
  const id = hex(16);
  return `/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <${hex(32)}> /U <${hex(32)}> /P -4 >> /ID [<${id}> <${id}>] `;
}

/** Deterministic noise (a 32-bit LCG), so a failure can be replayed byte for byte. */
export function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
