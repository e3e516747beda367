/**
 * The Content-Security-Policy of the renderer, in one place: the desktop app sends it as a header
 * on every `casefile://app/` response, and the built index.html carries it as a meta tag so the
 * browser build runs under the same policy. Styles allow 'unsafe-inline' because Mantine injects
 * its CSS variables at run time; 'wasm-unsafe-eval' lets hashing, PDF decoding and OCR run
 * WebAssembly. OCR needs nothing more: Tesseract's worker, core and language data are the app's
 * own files ('self'), started as a worker from a URL, not a blob.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
